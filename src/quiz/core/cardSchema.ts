// Quiz cards as data: the YAML schema for content/cards/<topicId>.yaml (and user decks), validated with zod.
// Every error names the file, the card (position and id), the field, what is wrong and how to fix it. Messages are
// translated with @vscode/l10n when a file is parsed (never when this module loads), so they follow the display language.
import * as l10n from '@vscode/l10n';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import type { ContentLanguage, LocalizedText } from '../../content/core/language';
import { lineOfPath } from '../../content/core/topicParser';
import { zodParseOptions } from '../../util/core/localization';
import { blankNumbers, fillCloze, parseCloze, type ClozeBlank, type ClozeError } from './cloze';
import { formatIssuePath } from './issuePath';

/** A card's text after parsing: present in every language (a missing one is filled from the other). */
export type CardText = Required<LocalizedText>;
/** A card's list (checklist) after parsing, one entry per language. */
export type CardList = Record<ContentLanguage, string[]>;

export const CARD_KINDS = ['mc', 'recall', 'cloze', 'code'] as const;
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

/** A problem in a card file, located for the Problems panel. */
export interface CardProblem {
  fileName: string;
  /** Zero-based line of the field (or card) it is about. */
  line: number;
  /** The whole message, starting with `<file name>: `. */
  message: string;
}

export interface CardParseResult {
  cards: QuizCard[];
  problems: CardProblem[];
  /** The problems' messages, in order. */
  errors: string[];
  /** Zero-based line of each valid card's `id` (parseCardFile only). */
  cardLines: Map<string, number>;
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
        l10n.t('has an odd number of `$` signs, so some math is never closed'),
        l10n.t('close every $…$ / $$…$$ math span, or write a literal dollar sign as \\$'),
      );
    }
  });

function fillMissingLanguage<T>(value: Partial<Record<ContentLanguage, T>>): Record<ContentLanguage, T> {
  const fallback = (value.en ?? value['zh-cn']) as T;
  return { en: value.en ?? fallback, 'zh-cn': value['zh-cn'] ?? fallback };
}

function requireSomeLanguage(value: Partial<Record<ContentLanguage, unknown>>, ctx: z.RefinementCtx): void {
  if (value.en === undefined && value['zh-cn'] === undefined) {
    addIssue(ctx, l10n.t('has no text in any language'), l10n.t('give at least `en:` (and preferably `zh-cn:`)'));
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
          l10n.t('has {0} English items but {1} Chinese items', en.length, zh.length),
          l10n.t('give the same points, in the same order, in both languages'),
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
            l10n.t('needs exactly one option with `correct: true`, found {0}', correctCount),
            l10n.t('mark the single right answer with `correct: true` and leave it off the others'),
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
  const clozeText = z
    .string()
    .trim()
    .min(1)
    .superRefine((text, ctx) => {
      const parsed = parseCloze(text);
      if (!parsed.ok) addIssue(ctx, describeClozeError(parsed.error), l10n.t('write each blank as {{c1::answer}} (or {{c1::answer::hint}}), with balanced braces inside'));
    })
    .pipe(markdownText);
  const cloze = z
    .strictObject({
      id: common.id,
      topic: common.topic,
      tags: common.tags,
      kind: z.literal('cloze'),
      text: z
        .strictObject({ en: requireBoth ? clozeText : clozeText.optional(), 'zh-cn': requireBoth ? clozeText : clozeText.optional() })
        .superRefine(requireSomeLanguage)
        .superRefine((value, ctx) => {
          if (value.en === undefined || value['zh-cn'] === undefined) return;
          const numbers = (text: string) => { const parsed = parseCloze(text); return parsed.ok ? blankNumbers(parsed.blanks).join(',') : ''; };
          if (numbers(value.en) !== numbers(value['zh-cn'])) {
            addIssue(ctx, l10n.t('has blanks {0} in English but {1} in Chinese', numbers(value.en), numbers(value['zh-cn'])), l10n.t('give both languages the same blanks, in the same order'));
          }
        })
        .transform((value): CardText => fillMissingLanguage(value)),
      explanation: localized.text.optional(),
    })
    .transform((card) => ({ ...card, prompt: maskedCloze(card.text) }));
  return z.discriminatedUnion('kind', [mc, recall, cloze, code]).superRefine((card, ctx) => {
    if (!card.id.startsWith(`${card.topic}/`)) {
      addIssue(
        ctx,
        l10n.t('"{0}" does not start with its topic "{1}/"', card.id, card.topic),
        l10n.t('rename it to "{0}/{1}"', card.topic, card.id.split('/').pop() ?? ''),
        ['id'],
      );
    }
  });
}

const schemaByStrictness = { both: cardSchema(true), either: cardSchema(false) };

function describeClozeError(error: ClozeError): string {
  switch (error.reason) {
    case 'unclosed':
      return l10n.t('the blank "{0}" at character {1} is not closed with "}}"', error.blank, error.at);
    case 'empty':
      return l10n.t('the blank "{0}" at character {1} has no answer', error.blank, error.at);
    case 'none':
      return l10n.t('has no blank: mark what to recall as {{c1::answer}}');
  }
}

/** A blank as the question shows it: its number in a box, inside a formula or in the prose. */
export function clozePlaceholder(blank: ClozeBlank): string {
  return blank.inMath ? `\\boxed{\\,${blank.index}\\,}` : `**[${blank.index}]**`;
}

/** The cloze text with its blanks masked: what the card asks, in each language. */
function maskedCloze(text: CardText): CardText {
  const mask = (value: string) => {
    const parsed = parseCloze(value);
    return parsed.ok ? fillCloze(parsed.segments, clozePlaceholder) : value;
  };
  return { en: mask(text.en), 'zh-cn': mask(text['zh-cn']) };
}

export type QuizCard = z.output<ReturnType<typeof cardSchema>>;
export type McCard = Extract<QuizCard, { kind: 'mc' }>;
export type RecallCard = Extract<QuizCard, { kind: 'recall' }>;
export type CodeCard = Extract<QuizCard, { kind: 'code' }>;
export type ClozeCard = Extract<QuizCard, { kind: 'cloze' }>;

const fieldsByKind = () =>
  l10n.t('every card has id, topic, kind and prompt; mc adds options and explanation, recall adds answer and checklist, code adds exercise and explanation; cloze has text (with {{c1::…}} blanks) instead of prompt, and an optional explanation');

/** How to fix a field, by its name. */
const FIELD_FIXES: Record<string, () => string> = {
  id: () => l10n.t('use "<topic>/<kebab-case-name>", e.g. "bn-vs-ln/mc-momentum"'),
  topic: () => l10n.t('use the kebab-case id of the topic, e.g. "bn-vs-ln"'),
  kind: () => l10n.t('use one of {0}', CARD_KINDS.join(', ')),
  prompt: () => l10n.t('add `prompt: { en: "...", zh-cn: "..." }`'),
  options: () => l10n.t('add `options:` as a list of `{ en: "...", zh-cn: "...", correct: true }` items (2 to 8)'),
  explanation: () => l10n.t('add `explanation: { en: "...", zh-cn: "..." }`'),
  answer: () => l10n.t('add `answer: { en: "...", zh-cn: "..." }` with the model answer'),
  checklist: () => l10n.t('add `checklist: { en: ["..."], zh-cn: ["..."] }` with the same number of points in both'),
  exercise: () => l10n.t('use one of {0}', EXERCISE_IDS.join(', ')),
  text: () => l10n.t('add `text: { en: "...", zh-cn: "..." }` with {{c1::…}} blanks'),
  correct: () => l10n.t('write `correct: true` on the right option only'),
  tags: () => l10n.t('use a list of kebab-case words, e.g. `tags: [normalization]`'),
  en: () => l10n.t('add the English text under `en:`'),
  'zh-cn': () => l10n.t('add the Simplified Chinese text under `zh-cn:`'),
};

function fieldFix(path: readonly PropertyKey[]): string {
  const lastName = [...path].reverse().find((key): key is string => typeof key === 'string');
  return lastName !== undefined && Object.hasOwn(FIELD_FIXES, lastName) ? FIELD_FIXES[lastName]() : fieldsByKind();
}

function describeIssue(issue: z.core.$ZodIssue): { problem: string; fix: string } {
  const fix = fieldFix(issue.path);
  switch (issue.code) {
    case 'custom':
      return { problem: issue.message, fix: String(issue.params?.fix ?? fix) };
    case 'invalid_type':
      if (issue.input === undefined) return { problem: l10n.t('is missing'), fix };
      return { problem: issue.expected === 'object' ? l10n.t('should be a mapping') : l10n.t('should be a {0}', issue.expected), fix };
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => `"${key}"`).join(', ');
      return {
        problem: issue.keys.length > 1 ? l10n.t('has unknown fields {0}', keys) : l10n.t('has unknown field {0}', keys),
        fix: l10n.t('remove it or correct its spelling ({0})', fieldsByKind()),
      };
    }
    case 'invalid_union':
      return { problem: l10n.t('is not a known card kind'), fix: FIELD_FIXES.kind() };
    case 'invalid_value':
      return { problem: l10n.t('is not one of {0}', issue.values.map(String).join(', ')), fix };
    case 'invalid_format':
      return { problem: l10n.t('has the wrong format'), fix };
    case 'too_small':
      return { problem: issue.origin === 'string' ? l10n.t('is empty') : l10n.t('needs at least {0} items', String(issue.minimum)), fix };
    case 'too_big':
      return { problem: l10n.t('has more than {0} items', String(issue.maximum)), fix: l10n.t('keep the list shorter') };
    default:
      return { problem: issue.message, fix };
  }
}

function cardLabel(index: number, raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined;
  return id === undefined ? l10n.t('card #{0}', index + 1) : l10n.t('card #{0} (id "{1}")', index + 1, id);
}

/** Every error starts with `<file name>: `, which quizItems reads to place it in the Problems panel. */
function fileError(fileName: string, message: string): string {
  return `${fileName}: ${message}`;
}

/** Parses one YAML card file: a list of cards. Valid cards are returned even when others have errors. */
export function parseCardFile(file: CardFile, options: CardParseOptions = {}): CardParseResult {
  const problems: CardProblem[] = [];
  const report = (line: number, message: string) => problems.push({ fileName: file.fileName, line, message: fileError(file.fileName, message) });
  const cardLines = new Map<string, number>();
  const result = (cards: QuizCard[]): CardParseResult => ({ cards, problems, errors: problems.map((problem) => problem.message), cardLines });
  const lineCounter = new LineCounter();
  const yaml = parseDocument(file.text, { lineCounter, prettyErrors: false });
  if (yaml.errors.length > 0) {
    const error = yaml.errors[0];
    const reason = error.message.split('\n')[0];
    const position = lineCounter.linePos(error.pos[0]);
    report(position.line - 1, l10n.t('YAML syntax error at line {0}, column {1}: {2}. Fix: correct the YAML syntax there.', position.line, position.col, reason));
    return result([]);
  }
  const document: unknown = yaml.toJS();
  if (!Array.isArray(document)) {
    report(0, l10n.t('the file should be a list of cards. Fix: start each card with "- id: <topic>/<name>".'));
    return result([]);
  }
  // One-based lines from the YAML, zero-based for the Problems panel.
  const lineOf = (path: readonly PropertyKey[]) => lineOfPath(yaml, lineCounter, path) - 1;
  const schema = options.requireBothLanguages ? schemaByStrictness.both : schemaByStrictness.either;
  const cards: QuizCard[] = [];
  const seenIds = new Set<string>();
  document.forEach((raw: unknown, index) => {
    const label = cardLabel(index, raw);
    const parsed = schema.safeParse(raw, { reportInput: true, ...zodParseOptions() });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { problem, fix } = describeIssue(issue);
        const message =
          issue.path.length > 0
            ? l10n.t('{0}, field "{1}": {2}. Fix: {3}.', label, formatIssuePath(issue.path), problem, fix)
            : l10n.t('{0}: {1}. Fix: {2}.', label, problem, fix);
        const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
        report(lineOf([index, ...path]), message);
      }
      return;
    }
    const card = parsed.data;
    if (file.topicId !== undefined && card.topic !== file.topicId) {
      report(
        lineOf([index, 'topic']),
        l10n.t('{0}, field "topic": is "{1}" but the file is for "{2}". Fix: move the card to {1}.yaml or set topic: {2}.', label, card.topic, file.topicId),
      );
      return;
    }
    if (seenIds.has(card.id)) {
      report(lineOf([index, 'id']), l10n.t('{0}, field "id": "{1}" is used by an earlier card. Fix: give each card its own id.', label, card.id));
      return;
    }
    seenIds.add(card.id);
    cardLines.set(card.id, lineOf([index, 'id']));
    cards.push(card);
  });
  return result(cards);
}

/** Parses several card files in order and also rejects ids repeated across files. */
export function parseCardFiles(files: readonly CardFile[], options: CardParseOptions = {}): CardParseResult {
  const cards: QuizCard[] = [];
  const problems: CardProblem[] = [];
  const fileById = new Map<string, string>();
  for (const file of files) {
    const result = parseCardFile(file, options);
    problems.push(...result.problems);
    for (const card of result.cards) {
      const earlierFile = fileById.get(card.id);
      if (earlierFile !== undefined) {
        const message = fileError(file.fileName, l10n.t('card id "{0}" is already used in {1}. Fix: rename one of them.', card.id, earlierFile));
        problems.push({ fileName: file.fileName, line: result.cardLines.get(card.id) ?? 0, message });
        continue;
      }
      fileById.set(card.id, file.fileName);
      cards.push(card);
    }
  }
  return { cards, problems, errors: problems.map((problem) => problem.message), cardLines: new Map() };
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
