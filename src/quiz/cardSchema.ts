// Quiz cards as data: the YAML schema for content/cards/<topicId>.yaml (and user decks), validated with zod.
// Every error names the file, the card (position and id), the field, what is wrong and how to fix it.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import type { ContentLanguage, LocalizedText } from '../content/language';
import { formatIssuePath } from './issuePath';

/** A card's text after parsing: present in every language (a missing one is filled from the other). */
export type CardText = Required<LocalizedText>;
/** A card's list (checklist) after parsing, one entry per language. */
export type CardList = Record<ContentLanguage, string[]>;

export const CARD_KINDS = ['mc', 'recall', 'code'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** Ids of the starter files in content/exercises/<id>.ts. */
export const EXERCISE_IDS = ['batchnorm', 'layernorm', 'attention-causal'] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

const KEBAB = '[a-z0-9]+(?:-[a-z0-9]+)*';
const TOPIC_ID_PATTERN = new RegExp(`^${KEBAB}$`);
const CARD_ID_PATTERN = new RegExp(`^${KEBAB}/${KEBAB}$`);

export interface CardParseOptions {
  /** Built-in decks must give every text in both languages; user decks may give one and let the other fall back. */
  requireBothLanguages?: boolean;
}

export interface CardFile {
  /** Shown at the start of every error message, e.g. "content/cards/bn-vs-ln.yaml". */
  fileName: string;
  text: string;
  /** When set, every card's `topic` must equal it (built-in files are named after their topic). */
  topicId?: string;
}

export interface CardParseResult {
  cards: QuizCard[];
  errors: string[];
}

/** Issues we raise ourselves carry their fix in params.fix, so the formatter need not guess it. */
function addIssue(ctx: z.RefinementCtx, message: string, fix: string, path: PropertyKey[] = []): void {
  ctx.addIssue({ code: 'custom', message, path, params: { fix } });
}

/** Strips code spans and fences so a `$` in code does not count as math. */
function withoutCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

const markdownText = z
  .string()
  .trim()
  .min(1)
  .superRefine((text, ctx) => {
    const dollars = withoutCode(text).match(/(?<!\\)\$/g)?.length ?? 0;
    if (dollars % 2 === 1) {
      addIssue(
        ctx,
        'has an odd number of `$` signs, so some math is never closed',
        'close every $…$ / $$…$$ math span, or write a literal dollar sign as \\$',
      );
    }
  });

function fillMissingLanguage<T>(value: Partial<Record<ContentLanguage, T>>): Record<ContentLanguage, T> {
  const fallback = (value.en ?? value['zh-cn']) as T;
  return { en: value.en ?? fallback, 'zh-cn': value['zh-cn'] ?? fallback };
}

function requireSomeLanguage(value: Partial<Record<ContentLanguage, unknown>>, ctx: z.RefinementCtx): void {
  if (value.en === undefined && value['zh-cn'] === undefined) {
    addIssue(ctx, 'has no text in any language', 'give at least `en:` (and preferably `zh-cn:`)');
  }
}

function localizedSchemas(requireBoth: boolean) {
  const wrap = <T extends z.ZodType>(item: T) => (requireBoth ? item : item.optional());
  const text = z
    .strictObject({ en: wrap(markdownText), 'zh-cn': wrap(markdownText) })
    .superRefine(requireSomeLanguage)
    .transform((value): CardText => fillMissingLanguage(value));
  const list = z
    .strictObject({ en: wrap(z.array(markdownText).min(1)), 'zh-cn': wrap(z.array(markdownText).min(1)) })
    .superRefine(requireSomeLanguage)
    .superRefine((value, ctx) => {
      const { en, 'zh-cn': zh } = value;
      if (en !== undefined && zh !== undefined && en.length !== zh.length) {
        addIssue(
          ctx,
          `has ${en.length} English items but ${zh.length} Chinese items`,
          'give the same points, in the same order, in both languages',
        );
      }
    })
    .transform((value): CardList => fillMissingLanguage(value));
  const option = z
    .strictObject({ en: wrap(markdownText), 'zh-cn': wrap(markdownText), correct: z.boolean().optional() })
    .superRefine(requireSomeLanguage)
    .transform(({ correct, ...text }) => ({ text: fillMissingLanguage(text), correct: correct === true }));
  return { text, list, option };
}

function cardSchema(requireBoth: boolean) {
  const localized = localizedSchemas(requireBoth);
  const common = {
    id: z.string().regex(CARD_ID_PATTERN),
    topic: z.string().regex(TOPIC_ID_PATTERN),
    prompt: localized.text,
    tags: z.array(z.string().regex(TOPIC_ID_PATTERN)).optional(),
  };
  const mc = z.strictObject({
    ...common,
    kind: z.literal('mc'),
    options: z
      .array(localized.option)
      .min(2)
      .max(8)
      .superRefine((options, ctx) => {
        const correctCount = options.filter((option) => option.correct).length;
        if (correctCount !== 1) {
          addIssue(
            ctx,
            `needs exactly one option with \`correct: true\`, found ${correctCount}`,
            'mark the single right answer with `correct: true` and leave it off the others',
          );
        }
      }),
    explanation: localized.text,
  });
  const recall = z.strictObject({
    ...common,
    kind: z.literal('recall'),
    answer: localized.text,
    checklist: localized.list,
  });
  const code = z.strictObject({
    ...common,
    kind: z.literal('code'),
    exercise: z.enum(EXERCISE_IDS),
    explanation: localized.text,
  });
  return z.discriminatedUnion('kind', [mc, recall, code]).superRefine((card, ctx) => {
    if (!card.id.startsWith(`${card.topic}/`)) {
      addIssue(ctx, `"${card.id}" does not start with its topic "${card.topic}/"`, `rename it to "${card.topic}/${card.id.split('/').pop() ?? ''}"`, ['id']);
    }
  });
}

const schemaByStrictness = { both: cardSchema(true), either: cardSchema(false) };

export type QuizCard = z.output<ReturnType<typeof cardSchema>>;
export type McCard = Extract<QuizCard, { kind: 'mc' }>;
export type RecallCard = Extract<QuizCard, { kind: 'recall' }>;
export type CodeCard = Extract<QuizCard, { kind: 'code' }>;

const FIELDS_BY_KIND =
  'every card has id, topic, kind and prompt; mc adds options and explanation, recall adds answer and checklist, code adds exercise and explanation';

const FIELD_FIXES: Record<string, string> = {
  id: 'use "<topic>/<kebab-case-name>", e.g. "bn-vs-ln/mc-momentum"',
  topic: 'use the kebab-case id of the topic, e.g. "bn-vs-ln"',
  kind: `use one of ${CARD_KINDS.join(', ')}`,
  prompt: 'add `prompt: { en: "...", zh-cn: "..." }`',
  options: 'add `options:` as a list of `{ en: "...", zh-cn: "...", correct: true }` items (2 to 8)',
  explanation: 'add `explanation: { en: "...", zh-cn: "..." }`',
  answer: 'add `answer: { en: "...", zh-cn: "..." }` with the model answer',
  checklist: 'add `checklist: { en: ["..."], zh-cn: ["..."] }` with the same number of points in both',
  exercise: `use one of ${EXERCISE_IDS.join(', ')}`,
  correct: 'write `correct: true` on the right option only',
  tags: 'use a list of kebab-case words, e.g. `tags: [normalization]`',
  en: 'add the English text under `en:`',
  'zh-cn': 'add the Simplified Chinese text under `zh-cn:`',
};

function fieldFix(path: readonly PropertyKey[]): string {
  const lastName = [...path].reverse().find((key): key is string => typeof key === 'string');
  return (lastName !== undefined && FIELD_FIXES[lastName]) || FIELDS_BY_KIND;
}

function describeIssue(issue: z.core.$ZodIssue): { problem: string; fix: string } {
  const fix = fieldFix(issue.path);
  switch (issue.code) {
    case 'custom':
      return { problem: issue.message, fix: String(issue.params?.fix ?? fix) };
    case 'invalid_type':
      return issue.input === undefined
        ? { problem: 'is missing', fix }
        : { problem: `should be ${issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}`, fix };
    case 'unrecognized_keys':
      return {
        problem: `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`,
        fix: `remove it or correct its spelling (${FIELDS_BY_KIND})`,
      };
    case 'invalid_union':
      return { problem: 'is not a known card kind', fix: FIELD_FIXES.kind };
    case 'invalid_value':
      return { problem: `is not one of ${issue.values.map(String).join(', ')}`, fix };
    case 'invalid_format':
      return { problem: 'has the wrong format', fix };
    case 'too_small':
      return { problem: issue.origin === 'string' ? 'is empty' : `needs at least ${String(issue.minimum)} items`, fix };
    case 'too_big':
      return { problem: `has more than ${String(issue.maximum)} items`, fix: 'keep the list shorter' };
    default:
      return { problem: issue.message, fix };
  }
}

function cardLabel(index: number, raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? ` (id "${raw.id}")` : '';
  return `card #${index + 1}${id}`;
}

/** Parses one YAML card file: a list of cards. Valid cards are returned even when others have errors. */
export function parseCardFile(file: CardFile, options: CardParseOptions = {}): CardParseResult {
  let document: unknown;
  try {
    document = parseYaml(file.text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { cards: [], errors: [`${file.fileName}: YAML syntax error${where}: ${reason}. Fix: correct the YAML syntax there.`] };
  }
  if (!Array.isArray(document)) {
    return {
      cards: [],
      errors: [`${file.fileName}: the file should be a list of cards. Fix: start each card with "- id: <topic>/<name>".`],
    };
  }
  const schema = options.requireBothLanguages ? schemaByStrictness.both : schemaByStrictness.either;
  const cards: QuizCard[] = [];
  const errors: string[] = [];
  const seenIds = new Set<string>();
  document.forEach((raw: unknown, index) => {
    const where = `${file.fileName}: ${cardLabel(index, raw)}`;
    const result = schema.safeParse(raw, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const { problem, fix } = describeIssue(issue);
        const field = issue.path.length > 0 ? `, field "${formatIssuePath(issue.path)}"` : '';
        errors.push(`${where}${field}: ${problem}. Fix: ${fix}.`);
      }
      return;
    }
    const card = result.data;
    if (file.topicId !== undefined && card.topic !== file.topicId) {
      errors.push(`${where}, field "topic": is "${card.topic}" but the file is for "${file.topicId}". Fix: move the card to ${card.topic}.yaml or set topic: ${file.topicId}.`);
      return;
    }
    if (seenIds.has(card.id)) {
      errors.push(`${where}, field "id": "${card.id}" is used by an earlier card. Fix: give each card its own id.`);
      return;
    }
    seenIds.add(card.id);
    cards.push(card);
  });
  return { cards, errors };
}

/** Parses several card files in order and also rejects ids repeated across files. */
export function parseCardFiles(files: readonly CardFile[], options: CardParseOptions = {}): CardParseResult {
  const cards: QuizCard[] = [];
  const errors: string[] = [];
  const fileById = new Map<string, string>();
  for (const file of files) {
    const result = parseCardFile(file, options);
    errors.push(...result.errors);
    for (const card of result.cards) {
      const earlierFile = fileById.get(card.id);
      if (earlierFile !== undefined) {
        errors.push(`${file.fileName}: card id "${card.id}" is already used in ${earlierFile}. Fix: rename one of them.`);
        continue;
      }
      fileById.set(card.id, file.fileName);
      cards.push(card);
    }
  }
  return { cards, errors };
}

/**
 * Makes a recall card from a user-deck topic (its question, answer body and checklist), so user decks join quizzes.
 * A text or list given in one language only serves both.
 */
export function recallCardFromTopic(topic: {
  id: string;
  question: LocalizedText;
  answer: LocalizedText;
  checklist: Partial<CardList>;
}): RecallCard {
  return {
    id: `${topic.id}/recall`,
    topic: topic.id,
    kind: 'recall',
    prompt: fillMissingLanguage(topic.question) as CardText,
    answer: fillMissingLanguage(topic.answer) as CardText,
    checklist: fillMissingLanguage(topic.checklist) as CardList,
  };
}
