// Quiz cards as data: the YAML schema for content/cards/<topicId>.yaml (and user decks), validated with zod.
// Every error names the file, the card (position and id), the field, what is wrong and how to fix it. Messages are
// translated with @vscode/l10n when a file is parsed (never when this module loads), so they follow the display language.
import * as l10n from '@vscode/l10n';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import { lineOfPath } from '../../content/core/topicParser';
import { zodParseOptions } from '../../util/core/localization';
import { addIssue, cardFieldSchemas } from './cardFields';
import { formatIssuePath } from './issuePath';
import type { KindSchema } from './kinds/cardKind';
import { CARD_KIND_MODULES, CARD_KINDS, type QuizCard } from './kinds/registry';

export type { CardList, CardText } from './cardFields';
export type { CardKindId, QuizCard } from './kinds/registry';
export { CARD_KINDS };

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

/** One card of any kind: the kinds' schemas (kinds/registry.ts) as a union on `kind`, and the id checked against its topic. */
function cardSchema(requireBoth: boolean): z.ZodType<QuizCard, unknown> {
  const fields = cardFieldSchemas(requireBoth);
  const schemas = CARD_KIND_MODULES.map((kind): KindSchema<QuizCard> => kind.schema(fields)) as [KindSchema<QuizCard>, ...KindSchema<QuizCard>[]];
  return z.discriminatedUnion('kind', schemas).superRefine((card, ctx) => {
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

const fieldsByKind = () => l10n.t('every card has id, topic, kind and prompt; {0}', CARD_KIND_MODULES.map((kind) => kind.fieldsHint()).join('; '));

/** How to fix a field, by its name. */
/** How to fix a field every card has, by its name; each kind adds its own fields' fixes. */
const COMMON_FIELD_FIXES: Record<string, () => string> = {
  id: () => l10n.t('use "<topic>/<kebab-case-name>", e.g. "bn-vs-ln/mc-momentum"'),
  topic: () => l10n.t('use the kebab-case id of the topic, e.g. "bn-vs-ln"'),
  kind: () => l10n.t('use one of {0}', CARD_KINDS.join(', ')),
  prompt: () => l10n.t('add `prompt: { en: "...", zh-cn: "..." }`'),
  explanation: () => l10n.t('add `explanation: { en: "...", zh-cn: "..." }`'),
  tags: () => l10n.t('use a list of kebab-case words, e.g. `tags: [normalization]`'),
  en: () => l10n.t('add the English text under `en:`'),
  'zh-cn': () => l10n.t('add the Simplified Chinese text under `zh-cn:`'),
};

const FIELD_FIXES: Record<string, () => string> = Object.assign({}, COMMON_FIELD_FIXES, ...CARD_KIND_MODULES.map((kind) => kind.fieldFixes));

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
