// English and Chinese say the same thing where a parser can tell (../shared/guide/writing-topics.md, "Two languages,
// one content"): every topic, practice problem and card has, in both languages, the same headings, the same lists of
// the same lengths, the same formulas, code, diagrams and tables. Each test collects every difference and fails once,
// naming the file, the section or field and the items, so one run shows all there is to fix.
//
// What is compared, and why it can be this strict (the built-in content honours all of it):
// - headings: the sequence of levels; the texts are translated.
// - lists: every list, nested ones included, in order: its depth, kind (bullet or numbered) and number of items.
// - display formulas ($$…$$): in order, each the same LaTeX after normalising whitespace (`normalizeTex`).
// - inline formulas ($…$): the same multiset per section, since a Chinese sentence may put clauses in another order.
// - formulas may differ only in words inside `\text{…}` that the Chinese translates (`sameFormula`).
// - code blocks: the same code; comments and Python docstrings are prose and are translated (`codeOf`).
// - diagrams: the same `diagrams/NAME.svg` images, in order; tables: the same rows × columns, in order.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import markdownItKatex from '@vscode/markdown-it-katex';
import MarkdownIt, { type Token } from 'markdown-it';
import type { LoadedTopic } from '../../../src/content/core/deckLoader';
import type { ContentLanguage } from '../../../src/content/core/language';
import { parseProblemFile } from '../../../src/problems/core/problemLoader';
import { fillCloze, parseCloze } from '../../../src/quiz/core/kinds/cloze';
import { builtInCards, builtInDecks, PROBLEMS_ROOT, ROOT } from './builtInDecks';

const md = new MarkdownIt({ html: true }).use(markdownItKatex);

/**
 * LaTeX compared for equality: runs of whitespace become one space, and a space next to anything but a letter or digit
 * goes (`a + b` = `a+b`, `\alpha x` ≠ `\alphax`), since KaTeX ignores it there. A control space (`\ `) is kept.
 */
export function normalizeTex(tex: string): string {
  const CONTROL_SPACE = '\u0000';
  return tex
    .replace(/\\(?:\\|\s+)/g, (match) => (match === '\\\\' ? match : CONTROL_SPACE))
    .replace(/\s+/g, ' ')
    .replace(/ ?([^A-Za-z0-9 ]) ?/g, '$1')
    .trim()
    .replaceAll(CONTROL_SPACE, '\\ ');
}

/** The prose arguments of `\text{…}` and its kin: words a translation translates. */
const TEXT_ARGUMENT = /\\(?:text|textrm|textit|textbf|textsf|mbox)\{([^{}]*)\}/g;
const CJK = /[\u3400-\u9fff]/;

/**
 * Whether an English and a Chinese formula say the same: equal, or equal but for the words inside `\text{…}`, where
 * each Chinese argument that differs is Chinese — a translation (`\text{otherwise}` → `\text{其他}`), not a changed
 * symbol, unit or number (`\text{KiB}` → `\text{MiB}` is a difference).
 */
export function sameFormula(en: string, zh: string): boolean {
  if (en === zh) return true;
  const skeleton = (tex: string) => tex.replace(TEXT_ARGUMENT, '\\text{}');
  if (skeleton(en) !== skeleton(zh)) return false;
  const words = (tex: string) => [...tex.matchAll(TEXT_ARGUMENT)].map((match) => match[1]);
  const zhWords = words(zh);
  return words(en).every((word, index) => word === zhWords[index] || CJK.test(zhWords[index]));
}

/**
 * Comments and Python docstrings are prose, translated; the code is not: a fence's language and code without its
 * comments, docstrings and blank lines. A comment marker inside a string literal is not a comment.
 */
export function codeOf(info: string, code: string): string {
  const language = info.trim().split(/\s/)[0].toLowerCase();
  const hash = ['python', 'py', 'bash', 'sh', 'shell', 'yaml'].includes(language);
  const marker = hash ? '#' : ['ts', 'typescript', 'js', 'javascript', 'c', 'cpp', 'cuda'].includes(language) ? '//' : undefined;
  const strip = (line: string) => {
    if (!marker) return line;
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (quote) {
        if (char === '\\') i++;
        else if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'" || char === '`') quote = char;
      else if (line.startsWith(marker, i)) return line.slice(0, i);
    }
    return line;
  };
  const withoutDocstrings = hash ? code.replace(/^[ \t]*(?:"""[\s\S]*?"""|'''[\s\S]*?''')[ \t]*$/gm, '') : code;
  const lines = withoutDocstrings.split('\n').map((line) => strip(line).trimEnd());
  return [language, ...lines.filter((line) => line !== '')].join('\n');
}

/** What must match across languages in one stretch of Markdown: the part under one heading, or before the first. */
export interface Section {
  /** The heading as written (for messages: its text is translated); '' before the first heading. */
  heading: string;
  /** 1–6, or 0 before the first heading. */
  level: number;
  /** One entry per list, in document order: its nesting depth (indented), kind and item count, e.g. `  - ×5`. */
  lists: string[];
  /** Display formulas (`$$…$$`), in order, normalised. */
  display: string[];
  /** Inline formulas (`$…$`), normalised; compared as multisets. */
  inline: string[];
  /** Fenced code blocks, as `codeOf` gives them. */
  code: string[];
  /** `diagrams/NAME.svg` images, in order. */
  diagrams: string[];
  /** One entry per table: `rows×columns`, the header row counted. */
  tables: string[];
}

function newSection(heading: string, level: number): Section {
  return { heading, level, lists: [], display: [], inline: [], code: [], diagrams: [], tables: [] };
}

const DIAGRAM = /^diagrams\/([a-z0-9-]+)\.svg$/;

/** A Markdown text split at its headings, each part with what must match in the other language. */
export function sectionsOf(markdown: string): Section[] {
  const tokens = md.parse(markdown, {});
  const sections: Section[] = [newSection('', 0)];
  let current = sections[0];
  const lists: { depth: number; marker: string; items: number; index: number }[] = [];
  let table: { rows: number; columns: number; index: number } | undefined;
  const inline = (children: Token[]) => {
    for (const child of children) {
      if (child.type === 'math_inline') current.inline.push(normalizeTex(child.content));
      // `$$…$$` inside a paragraph is still a display formula.
      else if (child.type === 'math_block') current.display.push(normalizeTex(child.content));
      else if (child.type === 'image') {
        const name = DIAGRAM.exec(String(child.attrGet('src') ?? ''))?.[1];
        if (name) current.diagrams.push(name);
      }
      if (child.children) inline(child.children);
    }
  };
  tokens.forEach((token, i) => {
    switch (token.type) {
      case 'heading_open':
        current = newSection(`${token.markup} ${tokens[i + 1].content}`, Number(token.tag.slice(1)));
        sections.push(current);
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ depth: lists.length, marker: token.type === 'bullet_list_open' ? '-' : '1.', items: 0, index: current.lists.length });
        current.lists.push('');
        break;
      case 'list_item_open':
        lists[lists.length - 1].items++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close': {
        const list = lists.pop();
        if (list) current.lists[list.index] = `${'  '.repeat(list.depth)}${list.marker} ×${list.items}`;
        break;
      }
      case 'table_open':
        table = { rows: 0, columns: 0, index: current.tables.length };
        current.tables.push('');
        break;
      case 'tr_open':
        if (table) table.rows++;
        break;
      case 'th_open':
        if (table && table.rows === 1) table.columns++;
        break;
      case 'table_close':
        if (table) current.tables[table.index] = `${table.rows}×${table.columns}`;
        table = undefined;
        break;
      case 'math_block':
        current.display.push(normalizeTex(token.content));
        break;
      case 'fence':
        current.code.push(codeOf(token.info, token.content));
        break;
      case 'inline':
        inline(token.children ?? []);
        break;
    }
  });
  // Prose before the first heading has nothing to compare; a part with lists, formulas, code… does.
  const [before, ...rest] = sections;
  const structural = (section: Section) => [section.lists, section.display, section.inline, section.code, section.diagrams, section.tables].some((items) => items.length > 0);
  return rest.length > 0 && !structural(before) ? rest : sections;
}

/**
 * Two multisets of formulas matched up: an English formula pairs with an identical Chinese one first, else with one
 * that `sameFormula` accepts; what is left over on either side is a difference.
 */
function unmatched(en: string[], zh: string[]): { onlyEn: string[]; onlyZh: string[] } {
  const left = [...zh];
  const take = (accept: (formula: string, other: string) => boolean) => (formula: string) => {
    const at = left.findIndex((other) => accept(formula, other));
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  };
  const onlyEn = en.filter(take((a, b) => a === b)).filter(take(sameFormula));
  return { onlyEn, onlyZh: left };
}

const show = (items: string[]) => `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;

/**
 * Every difference between the English and the Chinese of one Markdown text, each naming `where` and, when the text
 * has headings, the section by its number and both headings.
 */
export function markdownDifferences(where: string, en: string, zh: string): string[] {
  const a = sectionsOf(en);
  const b = sectionsOf(zh);
  const outline = (sections: Section[]) => sections.map((section) => section.heading || '(before the first heading)').join(' | ');
  if (a.map((s) => s.level).join() !== b.map((s) => s.level).join()) {
    return [`${where}: headings differ — en: ${outline(a)}; zh-cn: ${outline(b)}`];
  }
  const problems: string[] = [];
  a.forEach((x, index) => {
    const y = b[index];
    const at = a.length === 1 && x.level === 0 ? where : `${where}, section ${index + 1} (en "${x.heading || '(before the first heading)'}" / zh-cn "${y.heading || '(before the first heading)'}")`;
    const ordered = (what: string, p: string[], q: string[], same: (p: string, q: string) => boolean = (s, t) => s === t) => {
      if (p.length !== q.length || !p.every((item, i) => same(item, q[i]))) problems.push(`${at}: ${what} differ — en: ${show(p)}; zh-cn: ${show(q)}`);
    };
    ordered('lists (depth, kind, items)', x.lists, y.lists);
    ordered('display formulas', x.display, y.display, sameFormula);
    const { onlyEn, onlyZh } = unmatched(x.inline, y.inline);
    if (onlyEn.length > 0 || onlyZh.length > 0) problems.push(`${at}: inline formulas differ — only in en: ${show(onlyEn)}; only in zh-cn: ${show(onlyZh)}`);
    ordered('code blocks', x.code, y.code);
    ordered('diagrams', x.diagrams, y.diagrams);
    ordered('tables (rows×columns)', x.tables, y.tables);
  });
  return problems;
}

type Localized = Partial<Record<ContentLanguage, string>>;

/** The differences of one localized field; a field missing in one language is one, too. */
function fieldDifferences(where: string, text: Localized | undefined): string[] {
  if (!text || (text.en === undefined && text['zh-cn'] === undefined)) return [];
  if (text.en === undefined || text['zh-cn'] === undefined) return [`${where}: only in ${text.en === undefined ? 'zh-cn' : 'en'}`];
  return markdownDifferences(where, text.en, text['zh-cn']);
}

/** The differences of a localized list: the same number of items, and each item pair as a field. */
function listDifferences(where: string, list: Partial<Record<ContentLanguage, string[]>> | undefined): string[] {
  const { en = [], 'zh-cn': zh = [] } = list ?? {};
  if (en.length !== zh.length) return [`${where}: ${en.length} English items, ${zh.length} Chinese`];
  return en.flatMap((item, index) => markdownDifferences(`${where}[${index}]`, item, zh[index]));
}

const relative = (file: string) => path.relative(ROOT, file);

function assertNone(problems: string[], what: string): void {
  assert.ok(problems.length === 0, `${problems.length} ${what}:\n${problems.join('\n')}`);
}

describe('English and Chinese parity: the checker', () => {
  const en = '## A\n\n- one $x$\n- two $y$\n\n$$a + b$$\n\n```python\nx = 1  # one\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n![d](diagrams/d.svg)\n';
  const zh = '## 甲\n\n- 二 $y$\n- 一 $x$\n\n$$a+b$$\n\n```python\nx = 1  # 一\n```\n\n| 甲 | 乙 |\n| - | - |\n| 1 | 2 |\n\n![图](diagrams/d.svg)\n';

  it('accepts a faithful translation: translated prose and comments, reordered inline formulas, other spacing', () => {
    assert.deepEqual(markdownDifferences('t', en, zh), []);
  });

  it('names the section and what differs, in both languages', () => {
    const cases: [string, string][] = [
      [zh.replace('- 一 $x$\n', '- 一 $x$\n- 三\n'), 't, section 1 (en "## A" / zh-cn "## 甲"): lists (depth, kind, items) differ — en: ["- ×2"]; zh-cn: ["- ×3"]'],
      [zh.replace('$x$', '$x^2$'), 't, section 1 (en "## A" / zh-cn "## 甲"): inline formulas differ — only in en: ["x"]; only in zh-cn: ["x^2"]'],
      [zh.replace('$$a+b$$', () => '$$a-b$$'), 't, section 1 (en "## A" / zh-cn "## 甲"): display formulas differ — en: ["a+b"]; zh-cn: ["a-b"]'],
      [zh.replace('x = 1', 'x = 2'), 't, section 1 (en "## A" / zh-cn "## 甲"): code blocks differ — en: ["python\\nx = 1"]; zh-cn: ["python\\nx = 2"]'],
      [zh.replace('| 1 | 2 |\n', '| 1 | 2 |\n| 3 | 4 |\n'), 't, section 1 (en "## A" / zh-cn "## 甲"): tables (rows×columns) differ — en: ["2×2"]; zh-cn: ["3×2"]'],
      [zh.replace('diagrams/d.svg', 'diagrams/e.svg'), 't, section 1 (en "## A" / zh-cn "## 甲"): diagrams differ — en: ["d"]; zh-cn: ["e"]'],
      [zh.replace('## 甲', '### 甲'), 't: headings differ — en: ## A; zh-cn: ### 甲'],
    ];
    for (const [changed, message] of cases) assert.deepEqual(markdownDifferences('t', en, changed), [message]);
  });

  it('lets the Chinese translate the words of \\text{…} but not change a symbol, unit or number', () => {
    assert.ok(sameFormula(normalizeTex('x & \\text{otherwise}'), normalizeTex('x & \\text{其他}')));
    assert.ok(!sameFormula(normalizeTex('320\\ \\text{KiB}'), normalizeTex('320\\ \\text{MiB}')));
    assert.ok(!sameFormula(normalizeTex('\\text{for } i'), normalizeTex('\\text{对 } j')));
    assert.equal(normalizeTex('327{,}680\\ \\text{B}'), '327{,}680\\ \\text{B}');
    assert.notEqual(normalizeTex('\\alpha x'), normalizeTex('\\alphax'));
  });
});

describe('English and Chinese parity: built-in content', () => {
  let topics: LoadedTopic[];

  before(async () => {
    topics = (await builtInDecks()).flatMap((deck) => deck.topics);
  });

  it('topic bodies: the same headings, lists, formulas, code, diagrams and tables', () => {
    assert.ok(topics.length > 0, 'found topics');
    const problems = topics.flatMap((topic) => markdownDifferences(relative(topic.file), topic.body.en ?? '', topic.body['zh-cn'] ?? ''));
    assertNone(problems, 'difference(s) between the English and Chinese topic bodies');
  });

  it('topic front matter: the same formulas in the title, summary and question, and in each checklist point', () => {
    const problems = topics.flatMap((topic) => {
      const file = relative(topic.file);
      return [
        ...(['title', 'summary', 'question'] as const).flatMap((field) => fieldDifferences(`${file} ${field}`, topic[field])),
        ...listDifferences(`${file} checklist`, topic.checklist),
      ];
    });
    assertNone(problems, 'difference(s) between the English and Chinese topic front matter');
  });

  it('practice problems (problem.md): the same statement, explanation, title, hints and complexity', () => {
    const folders = fs.readdirSync(PROBLEMS_ROOT, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    assert.ok(folders.length > 0, 'found problems');
    const problems = folders.flatMap((id) => {
      const file = path.join(PROBLEMS_ROOT, id, 'problem.md');
      const parsed = parseProblemFile(file, fs.readFileSync(file, 'utf8'));
      if (!parsed.ok) return [`${relative(file)}: does not parse: ${parsed.problems.map((problem) => problem.message).join('; ')}`];
      const where = relative(file);
      const { en, 'zh-cn': zh } = parsed.body;
      const { title, hints, complexity } = parsed.frontMatter;
      return [
        ...(['statement', 'explanation'] as const).flatMap((part) => fieldDifferences(`${where} ${part === 'statement' ? '## Problem' : '## Explanation'}`, { en: en?.[part], 'zh-cn': zh?.[part] })),
        ...fieldDifferences(`${where} title`, title),
        ...listDifferences(`${where} hints`, hints),
        ...fieldDifferences(`${where} complexity`, complexity),
      ];
    });
    assertNone(problems, 'difference(s) between the English and Chinese problem statements');
  });

  it('cards: the same formulas and lists in every field, the same options and checklist points', () => {
    const { cards, files } = builtInCards();
    assert.ok(cards.length > 0, 'found cards');
    const fileOf = new Map(files.map((file) => [file.topicId, file.fileName]));
    const problems = cards.flatMap((card) => {
      const where = (field: string) => `${fileOf.get(card.topic) ?? card.topic} ${card.id} ${field}`;
      const out: string[] = [];
      if (card.kind === 'cloze') {
        // The text with its answers filled in: a blank inside a formula is part of the formula.
        const filled = (text: string) => {
          const parsed = parseCloze(text);
          return parsed.ok ? fillCloze(parsed.segments, (blank) => blank.answer) : text;
        };
        out.push(...fieldDifferences(where('text'), { en: filled(card.text.en), 'zh-cn': filled(card.text['zh-cn']) }));
      } else {
        out.push(...fieldDifferences(where('prompt'), card.prompt));
      }
      if (card.kind === 'mc') card.options.forEach((option, index) => out.push(...fieldDifferences(where(`options[${index}]`), option.text)));
      if (card.kind === 'recall') out.push(...fieldDifferences(where('answer'), card.answer), ...listDifferences(where('checklist'), card.checklist));
      if (card.kind !== 'recall') out.push(...fieldDifferences(where('explanation'), card.explanation));
      return out;
    });
    assertNone(problems, 'difference(s) between the English and Chinese cards');
  });
});
