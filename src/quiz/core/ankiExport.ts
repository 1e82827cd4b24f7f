// Export Deck for Anki: a tab-separated text file with the header lines Anki's importer reads (#separator,
// #html, #notetype column, #deck, #tags column, #columns): each card's note type and fields are its kind's (kinds/). Card Markdown becomes HTML; math stays LaTeX in MathJax's \( \) and \[ \]
// delimiters, which Anki renders itself. One file per language.
import type { MarkdownIt } from 'markdown-it';
import type { ContentLanguage } from '../../content/core/language';
import type { QuizCard } from './cardSchema';
import type { AnkiContext } from './kinds/cardKind';
import { cardKindOf } from './kinds/registry';

export interface AnkiExportOptions {
  language: ContentLanguage;
  /** The Anki deck the notes go to (the `#deck` header); default "ML Interview Prep", with "(中文)" for Chinese. */
  deck?: string;
  /** Prefix of every tag (Anki nests tags at "::"). */
  tagPrefix?: string;
}

// The first column names each note's type: Basic (Front, Back) or Cloze (Text, Back Extra), so one file holds both.
const COLUMNS = ['Notetype', 'Front', 'Back', 'Tags'] as const;

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

/** What a kind renders its note with, for one language. */
function ankiContext(language: ContentLanguage): AnkiContext {
  return {
    language,
    block: renderBlock,
    inline: renderInline,
    listItems: (items) => items.map((item) => `<li>${renderInline(item)}</li>`).join(''),
  };
}

/** The whole import file for one language: header lines, then one note per card (Front, Back, Tags). */
export function exportAnkiDeck(cards: readonly QuizCard[], options: AnkiExportOptions): string {
  const prefix = options.tagPrefix ?? 'ml-interview';
  const deck = (options.deck ?? (options.language === 'zh-cn' ? 'ML Interview Prep (中文)' : 'ML Interview Prep')).replace(/[\t\r\n]+/g, ' ');
  // Anki reads these before the notes, so the import needs no choices: separator, HTML, target deck, tags column.
  const header = ['#separator:tab', '#html:true', '#notetype column:1', `#deck:${deck}`, `#tags column:${COLUMNS.length}`, `#columns:${COLUMNS.join('\t')}`];
  const context = ankiContext(options.language);
  const rows = cards.map((card) => {
    const kind = cardKindOf(card);
    const note = kind.anki(card, context);
    const tags = [`${prefix}::${card.topic}`, `${prefix}::${kind.ankiTag}`, ...(card.tags ?? []).map((tag) => `${prefix}::${tag}`)];
    return [note.noteType, note.front, note.back, tags.join(' ')].map(escapeAnkiField).join('\t');
  });
  return `${[...header, ...rows].join('\n')}\n`;
}
