// Export Deck for Anki: a tab-separated text file with the header lines Anki's importer reads (#separator,
// #html, #notetype column, #deck, #tags column, #columns): Basic notes, and Cloze notes for cloze cards. Card Markdown becomes HTML; math stays LaTeX in MathJax's \( \) and \[ \]
// delimiters, which Anki renders itself. One file per language.
import type { MarkdownIt } from 'markdown-it';
import type { ContentLanguage } from '../../content/core/language';
import type { CardText, QuizCard } from './cardSchema';
import { fillCloze, parseCloze } from './cloze';
import { seededShuffle } from './mcShuffle';

export interface AnkiExportOptions {
  language: ContentLanguage;
  /** The Anki deck the notes go to (the `#deck` header); default "ML Interview Prep", with "(中文)" for Chinese. */
  deck?: string;
  /** Prefix of every tag (Anki nests tags at "::"). */
  tagPrefix?: string;
}

// The first column names each note's type: Basic (Front, Back) or Cloze (Text, Back Extra), so one file holds both.
const COLUMNS = ['Notetype', 'Front', 'Back', 'Tags'] as const;

const LABELS: Record<ContentLanguage, { answer: string; checklist: string; exercise: string }> = {
  en: { answer: 'Answer', checklist: 'What the interviewer listens for', exercise: 'Exercise' },
  'zh-cn': { answer: '答案', checklist: '面试官想听到的要点', exercise: '练习' },
};

const KIND_TAGS: Record<QuizCard['kind'], string> = { mc: 'multiple-choice', recall: 'recall', cloze: 'cloze', code: 'code' };

/**
 * Math tokens come from the same KaTeX plugin the extension renders with, so "what is math" agrees. This needs a
 * markdown-it of its own (MarkdownEngine renders math to KaTeX HTML, Anki wants the LaTeX), loaded on first export.
 */
function createRenderer(): MarkdownIt {
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy: only Export Deck for Anki needs it */
  const markdownIt = require('markdown-it') as typeof import('markdown-it').default;
  const markdownItKatex = (require('@vscode/markdown-it-katex') as typeof import('@vscode/markdown-it-katex')).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.use(markdownItKatex);
  const escape = md.utils.escapeHtml;
  md.renderer.rules.math_inline = (tokens, index) => {
    // The plugin accepts $`…`$ as well; the backticks are not part of the LaTeX.
    const latex = tokens[index].content.replace(/^`([\s\S]*)`$/, '$1');
    return `\\(${escape(latex)}\\)`;
  };
  const displayMath = (latex: string) => `\\[${escape(latex.trim())}\\]`;
  md.renderer.rules.math_block = (tokens, index) => `<p>${displayMath(tokens[index].content)}</p>\n`;
  // $$…$$ written inside a paragraph: already inside a <p>, so no block of its own.
  md.renderer.rules.math_inline_block = (tokens, index) => displayMath(tokens[index].content);
  // A soft line break in Markdown is a space; keeping a raw newline would only need escaping later.
  md.renderer.rules.softbreak = () => ' ';
  return md;
}

let renderer: MarkdownIt | undefined;
function markdown(): MarkdownIt {
  renderer ??= createRenderer();
  return renderer;
}

/**
 * Newlines left in the HTML either separate blocks (meaningless) or sit inside <pre> (meaningful): the first are
 * dropped and the second become <br>, so every note stays on one line of the file.
 */
function collapseNewlines(html: string): string {
  return html
    .replace(/<pre[\s\S]*?<\/pre>/g, (block) => block.replace(/\n(?=<\/code><\/pre>)/, '').replace(/\n/g, '<br>'))
    .replace(/\n/g, '');
}

function renderBlock(text: string): string {
  return collapseNewlines(markdown().render(text));
}

function renderInline(text: string): string {
  return collapseNewlines(markdown().renderInline(text));
}

/** Escapes one field as Anki's importer (the Rust csv crate) reads it: newlines become <br>, and a field holding a tab or a quote is quoted, with its quotes doubled. */
export function escapeAnkiField(field: string): string {
  const text = field.replace(/\r\n|\r|\n/g, '<br>');
  // A line starting with # would be read as a comment, so such a field is quoted too.
  return /[\t"]/.test(text) || text.startsWith('#') ? `"${text.replace(/"/g, '""')}"` : text;
}

function listItems(items: readonly string[]): string {
  return items.map((item) => `<li>${renderInline(item)}</li>`).join('');
}

function frontAndBack(card: QuizCard, language: ContentLanguage): [string, string] {
  const text = (localized: CardText) => localized[language];
  const labels = LABELS[language];
  const prompt = renderBlock(text(card.prompt));
  switch (card.kind) {
    case 'mc': {
      // Anki shows options in a fixed order, so shuffle once (by card id) rather than keep the authored order.
      const options = seededShuffle(card.options, card.id);
      const correctIndex = options.findIndex((option) => option.correct);
      const letter = String.fromCharCode(65 + correctIndex);
      const front = `${prompt}<ol type="A">${listItems(options.map((option) => text(option.text)))}</ol>`;
      const back = `<p><b>${labels.answer}: ${letter}.</b> ${renderInline(text(options[correctIndex].text))}</p>${renderBlock(text(card.explanation))}`;
      return [front, back];
    }
    case 'recall':
      return [prompt, `${renderBlock(text(card.answer))}<p><b>${labels.checklist}</b></p><ul>${listItems(card.checklist[language])}</ul>`];
    case 'cloze':
      // A Cloze note: Anki hides the {{cN::…}} blanks itself; the back extra is the explanation.
      return [renderBlock(ankiClozeText(text(card.text))), card.explanation ? renderBlock(text(card.explanation)) : ''];
    case 'code':
      return [`${prompt}<p><i>${labels.exercise}: <code>${card.exercise}</code></i></p>`, renderBlock(text(card.explanation))];
  }
}

/** The whole import file for one language: header lines, then one note per card (Front, Back, Tags). */
export function exportAnkiDeck(cards: readonly QuizCard[], options: AnkiExportOptions): string {
  const prefix = options.tagPrefix ?? 'ml-interview';
  const deck = (options.deck ?? (options.language === 'zh-cn' ? 'ML Interview Prep (中文)' : 'ML Interview Prep')).replace(/[\t\r\n]+/g, ' ');
  // Anki reads these before the notes, so the import needs no choices: separator, HTML, target deck, tags column.
  const header = ['#separator:tab', '#html:true', '#notetype column:1', `#deck:${deck}`, `#tags column:${COLUMNS.length}`, `#columns:${COLUMNS.join('\t')}`];
  const rows = cards.map((card) => {
    const [front, back] = frontAndBack(card, options.language);
    const tags = [`${prefix}::${card.topic}`, `${prefix}::${KIND_TAGS[card.kind]}`, ...(card.tags ?? []).map((tag) => `${prefix}::${tag}`)];
    return [card.kind === 'cloze' ? 'Cloze' : 'Basic', front, back, tags.join(' ')].map(escapeAnkiField).join('\t');
  });
  return `${[...header, ...rows].join('\n')}\n`;
}

/**
 * A cloze text in Anki's own syntax. A blank whose answer ends with "}" gets a space before its closing "}}", as
 * Anki's manual asks for cloze deletions inside MathJax, so `\\sqrt{d_k}` does not run into the blank's end.
 */
function ankiClozeText(text: string): string {
  const parsed = parseCloze(text);
  if (!parsed.ok) return text;
  return fillCloze(parsed.segments, (blank) => {
    const answer = blank.answer.endsWith('}') ? `${blank.answer} ` : blank.answer;
    return `{{c${blank.index}::${answer}${blank.hint ? `::${blank.hint}` : ''}}}`;
  });
}
