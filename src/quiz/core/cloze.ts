// Cloze text: `{{c1::answer}}` or `{{c1::answer::hint}}` blanks, as Anki writes them, in prose or inside KaTeX math.
// vscode-free: parsing, masking and answer comparison are unit-tested in plain Node.

export interface ClozeBlank {
  /** The N of `cN`: blanks with the same N are one blank shown several times. */
  index: number;
  answer: string;
  hint?: string;
  /** Inside `$…$` or `$$…$$`: shown as a boxed number in the formula rather than in the prose. */
  inMath: boolean;
}

export type ClozeSegment = string | ClozeBlank;

/** Why a text is not a cloze: a blank not closed, a blank with no answer, or no blank at all (`at` is 1-based). */
export type ClozeError = { reason: 'unclosed' | 'empty'; blank: string; at: number } | { reason: 'none' };

export type ClozeParse = { ok: true; segments: ClozeSegment[]; blanks: ClozeBlank[] } | { ok: false; error: ClozeError };

const OPEN = /\{\{c(\d+)::/g;

/**
 * Splits a cloze text into literal text and blanks. A blank ends at the first `}}` outside braces it opened itself, so
 * `{{c1::\sqrt{d_k}}}` is the blank `\sqrt{d_k}`. Returns an error for an unclosed blank or one with no answer.
 */
export function parseCloze(text: string): ClozeParse {
  const segments: ClozeSegment[] = [];
  const blanks: ClozeBlank[] = [];
  let position = 0;
  OPEN.lastIndex = 0;
  for (let match = OPEN.exec(text); match; match = OPEN.exec(text)) {
    if (match.index < position) continue;
    const start = match.index + match[0].length;
    const end = closingBraces(text, start);
    if (end === -1) return { ok: false, error: { reason: 'unclosed', blank: match[0], at: match.index + 1 } };
    const [answer, ...hints] = text.slice(start, end).split('::');
    if (answer.trim() === '') return { ok: false, error: { reason: 'empty', blank: match[0], at: match.index + 1 } };
    if (match.index > position) segments.push(text.slice(position, match.index));
    const blank: ClozeBlank = {
      index: Number(match[1]),
      answer: answer.trim(),
      ...(hints.length > 0 ? { hint: hints.join('::').trim() } : {}),
      inMath: insideMath(text, match.index),
    };
    segments.push(blank);
    blanks.push(blank);
    position = end + 2;
    OPEN.lastIndex = position;
  }
  if (position < text.length) segments.push(text.slice(position));
  if (blanks.length === 0) return { ok: false, error: { reason: 'none' } };
  return { ok: true, segments, blanks };
}

/** Whether `position` is inside math: an odd number of unescaped `$` signs (a `$$` counts as one) come before it. */
function insideMath(text: string, position: number): boolean {
  const before = text.slice(0, position).replace(/\\\$/g, '').replace(/\$\$/g, '$');
  return (before.match(/\$/g)?.length ?? 0) % 2 === 1;
}

/** Index of the `}}` that closes a blank whose answer starts at `from`, or -1. */
function closingBraces(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      i++; // an escaped character (\{ or \}) never opens or closes
      continue;
    }
    if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) return text[i + 1] === '}' ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** The distinct blank numbers in order of first appearance: what the user fills in. */
export function blankNumbers(blanks: readonly ClozeBlank[]): number[] {
  return [...new Set(blanks.map((blank) => blank.index))];
}

/** The text with every blank replaced, e.g. by a numbered box while asking and by its answer when revealing. */
export function fillCloze(segments: readonly ClozeSegment[], replace: (blank: ClozeBlank) => string): string {
  return segments.map((segment) => (typeof segment === 'string' ? segment : replace(segment))).join('');
}

/**
 * What counts as the same answer: case, spaces, LaTeX spacing commands, `$` delimiters, thousands separators and
 * full-width characters (typed with a Chinese input method) do not matter.
 */
export function normalizeClozeAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\\(?:left|right)(?![a-z])/g, '')
    .replace(/\\(?:[,;:!> ]|quad|qquad|thinspace|medspace|thickspace)/g, '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/[\s$]/g, '')
    .replace(/\{([^{}\\])\}/g, '$1');
}

export function clozeAnswerMatches(given: string, expected: string): boolean {
  return normalizeClozeAnswer(given) === normalizeClozeAnswer(expected);
}
