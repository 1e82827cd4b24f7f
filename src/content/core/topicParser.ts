import * as l10n from '@vscode/l10n';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { zodParseOptions } from '../../util/core/localization';
import { CONTENT_LANGUAGES, type ContentLanguage } from './language';
import { deckManifestSchema, topicFrontMatterSchema, type DeckManifest, type TopicFrontMatter } from './topicSchema';

/** A topic as read from one Markdown file. */
export interface Topic extends TopicFrontMatter {
  /** Body Markdown per language; a body without language markers serves both. */
  body: Partial<Record<ContentLanguage, string>>;
}

/** Why a file could not be read as a topic, located for the Problems panel. */
export interface TopicProblem {
  file: string;
  /** Zero-based line in the file. */
  line: number;
  message: string;
}

export type ParseResult = { ok: true; topic: Topic } | { ok: false; problems: TopicProblem[] };

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const LANGUAGE_MARKER = /^<!--\s*lang:\s*([A-Za-z-]+)\s*-->[ \t]*$/gm;

/** A file's front matter validated by `schema`, and the body after it; or its problems, each at its line. */
export type FrontMatterResult<T> = { ok: true; data: T; body: string; bodyStartLine: number } | { ok: false; problems: TopicProblem[] };

/**
 * Reads the YAML front matter between the `---` lines of a Markdown file (a topic, a practice problem) and validates
 * it; problems point at the line of the field they are about.
 */
export function parseFrontMatter<T>(file: string, text: string, schema: z.ZodType<T>): FrontMatterResult<T> {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return { ok: false, problems: [{ file, line: 0, message: l10n.t('missing front matter: start the file with a `---` line, the YAML fields (id, title, …), and a closing `---` line') }] };
  }
  // Line 0 is the opening `---`; YAML line n (1-based) is file line n (0-based).
  const lineCounter = new LineCounter();
  const document = parseDocument(match[1], { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        message: l10n.t('invalid YAML in front matter: {0}', firstLine(error.message)),
      })),
    };
  }
  const data: unknown = document.toJS();
  const parsed = schema.safeParse(data, zodParseOptions());
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        file,
        // An unknown key is best pointed at where it is written, not at its parent.
        line: lineOfPath(document, lineCounter, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path),
        message: describeIssue(issue, data),
      })),
    };
  }
  return { ok: true, data: parsed.data, body: text.slice(match[0].length), bodyStartLine: match[0].split('\n').length - 1 };
}

/** Parses a topic file: YAML front matter validated by the schema, then the body split by language markers. */
export function parseTopicFile(file: string, text: string): ParseResult {
  const front = parseFrontMatter(file, text, topicFrontMatterSchema);
  if (!front.ok) return { ok: false, problems: front.problems };
  const split = splitByLanguage(front.body);
  if (typeof split === 'string') return fail(file, front.bodyStartLine, split);
  return { ok: true, topic: { ...front.data, body: split } };
}

export type ManifestResult = { ok: true; manifest: DeckManifest } | { ok: false; problems: TopicProblem[] };

/** Parses a deck's `deck.yaml`; problems point at the line of the field they are about. */
export function parseDeckManifest(file: string, text: string): ManifestResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({ file, line: lineCounter.linePos(error.pos[0]).line - 1, message: l10n.t('invalid YAML: {0}', firstLine(error.message)) })),
    };
  }
  const data: unknown = document.toJS();
  const parsed = deckManifestSchema.safeParse(data, zodParseOptions());
  if (parsed.success) return { ok: true, manifest: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      file,
      line: lineOfPath(document, lineCounter, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path) - 1,
      message: describeIssue(issue, data),
    })),
  };
}

function fail(file: string, line: number, message: string): ParseResult {
  return { ok: false, problems: [{ file, line, message }] };
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/** One-based line where `path` is written: a map entry's key, a list item, or the nearest existing parent. */
export function lineOfPath(
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): number {
  const keys = path.filter((key): key is string | number => typeof key !== 'symbol');
  for (let length = keys.length; length >= 0; length--) {
    const parent = length <= 1 ? document.contents : document.getIn(keys.slice(0, length - 1), true);
    const last = keys[length - 1];
    if (length === 0) {
      if (isNode(parent) && parent.range) return lineCounter.linePos(parent.range[0]).line;
      continue;
    }
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
      const keyNode = pair?.key;
      if (isNode(keyNode) && keyNode.range) return lineCounter.linePos(keyNode.range[0]).line;
    } else if (isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last];
      if (isNode(item) && item.range) return lineCounter.linePos(item.range[0]).line;
    }
  }
  return 1;
}

/** The value at a path of the parsed YAML, or undefined where nothing is written. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** What a field of the wrong type should be, in words: "`order` must be a number". */
function expectedType(field: string, expected: string): string {
  switch (expected) {
    case 'number':
      return l10n.t('{0} must be a number', field);
    case 'string':
      return l10n.t('{0} must be text', field);
    case 'array':
      return l10n.t('{0} must be a list, e.g. `[a, b]`', field);
    case 'object':
      return l10n.t('{0} must be a map of fields, e.g. `en: …`', field);
    case 'boolean':
      return l10n.t('{0} must be true or false', field);
    default:
      return l10n.t('{0} must be of type {1}', field, expected);
  }
}

/** A front-matter problem in words: a topic's, a deck manifest's or a practice problem's. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const field = issue.path.length > 0 ? `\`${issue.path.map(String).join('.')}\`` : l10n.t('front matter');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `\`${key}\``).join(', ');
    return issue.keys.length > 1
      ? l10n.t('{0}: unknown fields {1} — remove them or check the spelling (see the deck format: the link beside this problem)', field, keys)
      : l10n.t('{0}: unknown field {1} — remove it or check the spelling (see the deck format: the link beside this problem)', field, keys);
  }
  if (issue.code === 'invalid_type') {
    // Zod does not pass the input along; look at what the file says: nothing there is a missing field, anything
    // else is of the wrong type.
    if (valueAt(data, issue.path) === undefined) return l10n.t('{0} is required — add it to the front matter (see the deck format: the link beside this problem)', field);
    return expectedType(field, issue.expected);
  }
  return l10n.t('{0}: {1}', field, issue.message);
}

/** Splits a body at `<!-- lang: xx -->` markers; returns an error message for an unknown or repeated language. */
function splitByLanguage(body: string): Partial<Record<ContentLanguage, string>> | string {
  const markers = [...body.matchAll(LANGUAGE_MARKER)];
  if (markers.length === 0) {
    const shared = body.trim();
    return { en: shared, 'zh-cn': shared };
  }
  const sections: Partial<Record<ContentLanguage, string>> = {};
  for (const [index, marker] of markers.entries()) {
    const language = marker[1].toLowerCase();
    if (!isContentLanguage(language)) {
      return l10n.t('unknown language marker `{0}`: use `<!-- lang: en -->` or `<!-- lang: zh-cn -->`', marker[0]);
    }
    if (sections[language] !== undefined) return l10n.t('the language `{0}` has two sections: keep one', language);
    const end = index + 1 < markers.length ? markers[index + 1].index : body.length;
    sections[language] = body.slice((marker.index ?? 0) + marker[0].length, end).trim();
  }
  return sections;
}

function isContentLanguage(value: string): value is ContentLanguage {
  return (CONTENT_LANGUAGES as readonly string[]).includes(value);
}
