// Cloze: a sentence or a KaTeX formula with `{{c1::answer}}` or `{{c1::answer::hint}}` blanks, as Anki writes them.
// The user types each blank; Check (Enter or Space) compares the answers after normalising case, spaces and LaTeX
// spacing, shows the filled text, proposes Good or Again and the user rates. In Anki: a Cloze note.
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { escapeHtml } from '../../../util/core/html';
import { addIssue, fillMissingLanguage, markdownText, requireSomeLanguage, type CardFieldSchemas, type CardText } from '../cardFields';
import { MAX_CLOZE_BLANKS } from '../quizMessages';
import { explanationSection, fill, kindLabels, ratingsGroup } from '../quizWidgets';
import type { Grade } from '../scheduler';
import type { CardKind } from './cardKind';

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

export interface ClozeResult {
  /** Per blank number, in order of first appearance. */
  given: string[];
  correct: boolean[];
  /** Good when every blank matched, Again otherwise; the user rates, this is only the default button. */
  proposed: Grade;
}

/**
 * Compares typed answers (one per blank number, in order of first appearance) with a cloze card's blanks. A blank's
 * answer in either language counts, so a card read in Chinese accepts the English term and the other way round.
 */
export function gradeCloze(texts: readonly string[], answers: readonly string[]): ClozeResult {
  const blanks = texts.flatMap((text) => {
    const parsed = parseCloze(text);
    return parsed.ok ? parsed.blanks : [];
  });
  const numbers = blankNumbers(blanks);
  const given = numbers.map((_, index) => (answers[index] ?? '').slice(0, 500));
  const correct = numbers.map((number, index) =>
    blanks.some((blank) => blank.index === number && clozeAnswerMatches(given[index], blank.answer)),
  );
  return { given, correct, proposed: correct.length > 0 && correct.every(Boolean) ? 3 : 1 };
}

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

function clozeSchema(fields: CardFieldSchemas) {
  const clozeText = z
    .string()
    .trim()
    .min(1)
    .superRefine((text, ctx) => {
      const parsed = parseCloze(text);
      if (!parsed.ok) addIssue(ctx, describeClozeError(parsed.error), l10n.t('write each blank as {{c1::answer}} (or {{c1::answer::hint}}), with balanced braces inside'));
      // The page sends one answer per blank, and the host takes at most MAX_CLOZE_BLANKS.
      else if (blankNumbers(parsed.blanks).length > MAX_CLOZE_BLANKS) {
        addIssue(ctx, l10n.t('has {0} blanks, more than the {1} a card can check', blankNumbers(parsed.blanks).length, MAX_CLOZE_BLANKS), l10n.t('split it into several cards'));
      }
    })
    .pipe(markdownText);
  const numbers = (text: string) => {
    const parsed = parseCloze(text);
    return parsed.ok ? blankNumbers(parsed.blanks).join(',') : '';
  };
  return z
    .strictObject({
      id: fields.common.id,
      topic: fields.common.topic,
      tags: fields.common.tags,
      kind: z.literal('cloze'),
      text: z
        .strictObject({ en: fields.requireBoth ? clozeText : clozeText.optional(), 'zh-cn': fields.requireBoth ? clozeText : clozeText.optional() })
        .superRefine(requireSomeLanguage)
        .superRefine((value, ctx) => {
          if (value.en === undefined || value['zh-cn'] === undefined) return;
          if (numbers(value.en) !== numbers(value['zh-cn'])) {
            addIssue(ctx, l10n.t('has blanks {0} in English but {1} in Chinese', numbers(value.en), numbers(value['zh-cn'])), l10n.t('give both languages the same blanks, in the same order'));
          }
        })
        .transform((value): CardText => fillMissingLanguage(value)),
      explanation: fields.text.optional(),
    })
    .transform((card) => ({ ...card, prompt: maskedCloze(card.text) }));
}

export type ClozeCard = z.output<ReturnType<typeof clozeSchema>>;

const LABELS = kindLabels({
  en: {
    name: 'Fill in the blanks',
    blank: 'Blank {0}',
    hint: 'Type each blank, then press Enter to check.',
    check: 'Check answers',
    checkLabel: 'Compare your answers with the card (Enter in a blank, or Space)',
    filled: 'Answer',
    yours: 'You typed “{0}”',
    empty: 'You left it empty',
    allRight: 'Every blank is right: Good is proposed, rate as you see fit.',
    someWrong: '{0} of {1} blanks are right: Again is proposed, rate as you see fit.',
  },
  'zh-cn': {
    name: '填空题',
    blank: '第 {0} 空',
    hint: '填写每个空，然后按 Enter 检查。',
    check: '检查答案',
    checkLabel: '将你的答案与卡片对照（在空格中按 Enter，或按空格键）',
    filled: '答案',
    yours: '你填写的是“{0}”',
    empty: '你没有填写',
    allRight: '每个空都答对了：建议“良好”，请按实际情况评分。',
    someWrong: '{1} 个空中答对 {0} 个：建议“重来”，请按实际情况评分。',
  },
});

type Labels = (typeof LABELS)['en'];

/** One text field per blank number, with the blank's hint as placeholder, and the Check button. */
function renderQuestion(card: ClozeCard, own: Labels): string {
  const parsed = parseCloze(card.text.en);
  const numbers = parsed.ok ? blankNumbers(parsed.blanks) : [];
  const fields = numbers.map((number, index) => {
    const hint = parsed.ok ? parsed.blanks.find((blank) => blank.index === number)?.hint : undefined;
    const label = fill(own.blank, number);
    return (
      `<label class="blank-field"><span class="blank-label">${escapeHtml(label)}</span>` +
      `<input type="text" data-blank="${number}" autocomplete="off" spellcheck="false" maxlength="500"${index === 0 ? ' data-autofocus' : ''}` +
      `${hint ? ` placeholder="${escapeHtml(hint)}"` : ''} aria-label="${escapeHtml(label)}"></label>`
    );
  });
  return (
    `<p class="hint">${escapeHtml(own.hint)}</p><div class="cloze-answers" role="group">${fields.join('')}</div>` +
    `<p class="actions"><button type="button" class="primary" data-action="reveal" data-key="space" aria-keyshortcuts="Space" aria-label="${escapeHtml(own.checkLabel)}">${escapeHtml(own.check)}</button></p>`
  );
}

/** A blank's answer as inline Markdown: math answers go back into `$…$`. */
function blankAsMarkdown(answer: string, inMath: boolean): string {
  return inMath ? `$${answer}$` : answer;
}

/** Anki's own syntax. A blank whose answer ends with "}" gets a space before its closing "}}", as Anki's manual asks for cloze deletions inside MathJax, so `\\sqrt{d_k}` does not run into the blank's end. */
function ankiClozeText(text: string): string {
  const parsed = parseCloze(text);
  if (!parsed.ok) return text;
  return fillCloze(parsed.segments, (blank) => {
    const answer = blank.answer.endsWith('}') ? `${blank.answer} ` : blank.answer;
    return `{{c${blank.index}::${answer}${blank.hint ? `::${blank.hint}` : ''}}}`;
  });
}

export const clozeKind: CardKind<'cloze', ClozeCard, { cloze: ClozeResult }, keyof Labels> = {
  id: 'cloze',
  labels: LABELS,
  ankiTag: 'cloze',
  schema: clozeSchema,
  fieldsHint: () => l10n.t('cloze has text (with {{c1::…}} blanks) instead of prompt, and an optional explanation'),
  fieldFixes: {
    text: () => l10n.t('add `text: { en: "...", zh-cn: "..." }` with {{c1::…}} blanks'),
  },
  session: {
    reveal(card, step, answers) {
      step.cloze = gradeCloze([card.text.en, card.text['zh-cn']], answers);
    },
  },
  render(card, step, { language, trust, engine, labels }) {
    const own = LABELS[language];
    if (step.phase === 'question') return renderQuestion(card, own);
    const result = step.cloze;
    const parsed = parseCloze(card.text[language]);
    const filled = parsed.ok ? fillCloze(parsed.segments, (blank) => (blank.inMath ? `\\boxed{${blank.answer}}` : `**${blank.answer}**`)) : card.text[language];
    const numbers = parsed.ok ? blankNumbers(parsed.blanks) : [];
    const rows = numbers.map((number, index) => {
      const right = result?.correct[index] === true;
      const given = result?.given[index] ?? '';
      const answer = parsed.ok ? parsed.blanks.find((blank) => blank.index === number)?.answer ?? '' : '';
      const mark = right ? `<span class="badge badge-correct">✓</span>` : `<span class="badge badge-wrong">✗</span>`;
      const yours = given.trim() === '' ? own.empty : fill(own.yours, given);
      return `<li class="${right ? 'correct' : 'wrong'}">${mark} <span class="blank-label">${escapeHtml(fill(own.blank, number))}</span>: ${engine.renderInline(blankAsMarkdown(answer, parsed.ok && parsed.blanks.some((b) => b.index === number && b.inMath)), trust)} <span class="yours">(${escapeHtml(yours)})</span></li>`;
    });
    const rightCount = result?.correct.filter(Boolean).length ?? 0;
    const verdict = rightCount === numbers.length ? own.allRight : fill(own.someWrong, rightCount, numbers.length);
    return (
      `<section class="answer"><h2>${escapeHtml(own.filled)}</h2>${engine.render(filled, trust)}<ul class="cloze-results">${rows.join('')}</ul>` +
      `<p class="verdict ${rightCount === numbers.length ? 'verdict-correct' : 'verdict-wrong'}" role="status">${escapeHtml(verdict)}</p></section>` +
      (card.explanation ? explanationSection(card.explanation[language], trust, engine, labels) : '') +
      ratingsGroup(step.previews, labels, result?.proposed ?? 3)
    );
  },
  anki(card, { language, block }) {
    // A Cloze note: Anki hides the {{cN::…}} blanks itself; the back extra is the explanation.
    return { noteType: 'Cloze', front: block(ankiClozeText(card.text[language])), back: card.explanation ? block(card.explanation[language]) : '' };
  },
};
