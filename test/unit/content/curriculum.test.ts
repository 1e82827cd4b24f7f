// The built-in curriculum meets the writing standard (../shared/guide/writing-topics.md) where a check can tell:
// every deck and topic loads, both languages have the same structure, formulas and diagrams render, links resolve.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Deck, LoadedTopic } from '../../../src/content/core/deckLoader';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../../src/content/core/language';
import { MarkdownEngine } from '../../../src/content/core/markdownEngine';
import { parseProblemFile } from '../../../src/problems/core/problemLoader';
import { builtInDecks, DECKS_ROOT, PROBLEMS_ROOT, ROOT } from './builtInDecks';

const SEED_ORDER = ['bn-vs-ln', 'self-attention', 'bert-pretraining', 'pre-norm-vs-post-norm', 'gpt-vs-bert', 'speeding-up-bert'];

/** The sections every topic has, in this order (others may sit between them), English → Chinese. */
const REQUIRED_SECTIONS: [string, string][] = [
  ['In 30 seconds', '30 秒回答'],
  ['Answer', '回答'],
  ['Key formulas', '关键公式'],
  ['Common mistakes', '常见误区'],
  ['Follow-up questions', '追问'],
];

interface Section {
  heading: string;
  listItems: number;
  tableRows: number;
  displayMath: string[];
}

/** A body split at its `## ` headings, with what must match across languages; code blocks are left out. */
function sectionsOf(body: string): Section[] {
  const withoutCode = body.replace(/^```[\s\S]*?^```/gm, '');
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const line of withoutCode.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      current = { heading: heading[1].trim(), listItems: 0, tableRows: 0, displayMath: [] };
      sections.push(current);
      continue;
    }
    if (!current) continue;
    if (/^\s*(?:[-*]|\d+\.)\s/.test(line)) current.listItems++;
    if (/^\|.*\|\s*$/.test(line)) current.tableRows++;
  }
  // Display formulas, compared without spacing and without the words inside \text{…}.
  const bySection = withoutCode.split(/^## .+$/m).slice(1);
  bySection.forEach((text, index) => {
    if (!sections[index]) return;
    sections[index].displayMath = [...text.matchAll(/\$\$([\s\S]*?)\$\$/g)].map((match) =>
      match[1].replace(/\\(?:text|mathrm|textsf)\{[^{}]*\}/g, '').replace(/\\[,;:!]|\\quad|\\qquad|\s+/g, ''),
    );
  });
  return sections;
}

function diagramsUsed(body: string): string[] {
  return [...body.matchAll(/!\[[^\]]*\]\(diagrams\/([a-z0-9-]+)\.svg\)/g)].map((match) => match[1]);
}

describe('the built-in curriculum', () => {
  let decks: Deck[];
  let topics: LoadedTopic[];
  const engine = new MarkdownEngine();

  before(async () => {
    decks = await builtInDecks();
    topics = decks.flatMap((deck) => deck.topics);
  });

  it('loads every deck and topic without problems', () => {
    assert.deepEqual(decks.flatMap((deck) => deck.problems), []);
    assert.deepEqual(
      fs.readdirSync(DECKS_ROOT).sort(),
      decks.map((deck) => deck.id).sort(),
      'every folder in content/decks is a deck named by its manifest id',
    );
    for (const deck of decks) {
      assert.ok(deck.title.en && deck.title['zh-cn'], `${deck.id}: a title in both languages`);
      assert.ok(deck.description?.en && deck.description['zh-cn'], `${deck.id}: a description in both languages`);
      assert.ok(Number.isFinite(deck.order), `${deck.id}: an order`);
    }
  });

  it('starts with the six ByteDance AI Lab questions, in their order and in their original Chinese', () => {
    assert.equal(decks[0].id, 'bytedance-ai-lab');
    assert.deepEqual(decks[0].topics.map((topic) => topic.id), SEED_ORDER);
    const asked = ['BN和LN区别。', '讲讲self attention。', 'Bert的预训练过程。', 'Pre Norm与Post Norm的区别?', 'GPT与Bert的区别。', '如何加速Bert模型的训练。'];
    assert.deepEqual(decks[0].topics.map((topic) => topic.question?.['zh-cn']), asked);
  });

  it('gives every topic its texts in both languages and a checklist of 5–10 points', () => {
    for (const topic of topics) {
      for (const field of ['title', 'summary', 'question', 'body'] as const) {
        assert.ok(topic[field]?.en && topic[field]?.['zh-cn'], `${topic.id}: ${field} in both languages`);
      }
      assert.match(topic.body['zh-cn'] ?? '', /[\u4e00-\u9fff]/, `${topic.id}: the Chinese body is Chinese`);
      const { en = [], 'zh-cn': zh = [] } = topic.checklist ?? {};
      assert.ok(en.length >= 5 && en.length <= 10, `${topic.id}: ${en.length} checklist points`);
      assert.equal(zh.length, en.length, `${topic.id}: checklist lengths match`);
    }
  });

  it('has the same sections, list lengths, table rows and display formulas in English and Chinese', () => {
    for (const topic of topics) {
      const en = sectionsOf(topic.body.en ?? '');
      const zh = sectionsOf(topic.body['zh-cn'] ?? '');
      assert.equal(zh.length, en.length, `${topic.id}: ${en.length} English sections, ${zh.length} Chinese`);
      en.forEach((section, index) => {
        const other = zh[index];
        const where = `${topic.id}, section ${index + 1} ("${section.heading}" / "${other.heading}")`;
        assert.equal(other.listItems, section.listItems, `${where}: list items`);
        assert.equal(other.tableRows, section.tableRows, `${where}: table rows`);
        assert.deepEqual(other.displayMath, section.displayMath, `${where}: display formulas`);
      });
    }
  });

  it('has the standard sections in order in both languages', () => {
    for (const topic of topics) {
      for (const [language, column] of [['en', 0], ['zh-cn', 1]] as const) {
        const headings = sectionsOf(topic.body[language] ?? '').map((section) => section.heading);
        const positions = REQUIRED_SECTIONS.map((names) => headings.indexOf(names[column]));
        assert.ok(!positions.includes(-1), `${topic.id} (${language}): missing ${REQUIRED_SECTIONS.filter((_, i) => positions[i] === -1).map((n) => n[column]).join(', ')}`);
        assert.deepEqual([...positions].sort((a, b) => a - b), positions, `${topic.id} (${language}): sections in the standard order`);
      }
    }
  });

  it('cites at least two sources per topic, each with a year and an https link', () => {
    for (const topic of topics) {
      assert.ok(topic.sources.length >= 2, `${topic.id}: ${topic.sources.length} sources`);
      for (const source of topic.sources) {
        assert.match(source.url, /^https:\/\//, `${topic.id}: ${source.title}`);
        assert.ok(source.year, `${topic.id}: ${source.title} has a year`);
      }
    }
  });

  it('links only to topics and practice problems that exist', () => {
    const ids = new Set(topics.map((topic) => topic.id));
    const problems = new Set(fs.existsSync(PROBLEMS_ROOT) ? fs.readdirSync(PROBLEMS_ROOT) : []);
    for (const topic of topics) {
      for (const related of topic.related) {
        assert.ok(ids.has(related), `${topic.id}: related topic "${related}" does not exist`);
        assert.notEqual(related, topic.id, `${topic.id} lists itself as related`);
      }
      for (const problem of topic.problems) assert.ok(problems.has(problem), `${topic.id}: practice problem "${problem}" does not exist`);
    }
  });

  it('covers every topic a practice problem names: each id in a problem.md `topics:` is a built-in topic', () => {
    const ids = new Set(topics.map((topic) => topic.id));
    const problems: string[] = [];
    for (const id of fs.readdirSync(PROBLEMS_ROOT).sort()) {
      const file = path.join(PROBLEMS_ROOT, id, 'problem.md');
      if (!fs.existsSync(file)) continue;
      const parsed = parseProblemFile(file, fs.readFileSync(file, 'utf8'));
      if (!parsed.ok) {
        problems.push(`content/problems/${id}/problem.md: does not parse`);
        continue;
      }
      for (const topic of parsed.frontMatter.topics) {
        if (!ids.has(topic)) problems.push(`content/problems/${id}/problem.md: topics: "${topic}" is not a built-in topic`);
      }
    }
    assert.ok(problems.length === 0, `${problems.length} unknown topic(s):\n${problems.join('\n')}`);
  });

  it('links topics and practice problems both ways: a topic lists every problem that names it, and the reverse', () => {
    const mismatches: string[] = [];
    const named = new Map<string, string[]>();
    for (const id of fs.readdirSync(PROBLEMS_ROOT).sort()) {
      const file = path.join(PROBLEMS_ROOT, id, 'problem.md');
      const parsed = parseProblemFile(file, fs.readFileSync(file, 'utf8'));
      if (parsed.ok) named.set(id, parsed.frontMatter.topics);
    }
    for (const topic of topics) {
      for (const problem of topic.problems) {
        if (!(named.get(problem) ?? []).includes(topic.id)) mismatches.push(`${topic.id} lists ${problem}, whose topics: do not name ${topic.id}`);
      }
    }
    for (const [problem, ids] of named) {
      for (const id of ids) {
        const topic = topics.find((t) => t.id === id);
        if (topic && !topic.problems.includes(problem)) mismatches.push(`content/problems/${problem} names ${id}, whose problems: do not list ${problem}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });

  it('shows images only from its own deck: every image is diagrams/NAME.svg and that file exists', () => {
    const problems: string[] = [];
    for (const deck of decks) {
      for (const topic of deck.topics) {
        for (const language of CONTENT_LANGUAGES) {
          const body = (topic.body[language] ?? '').replace(/^```[\s\S]*?^```/gm, '');
          for (const [, src] of body.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]*)/g)) {
            const name = /^diagrams\/([a-z0-9-]+)\.svg$/.exec(src)?.[1];
            const where = `${path.relative(ROOT, topic.file)} (${language})`;
            if (!name) problems.push(`${where}: image "${src}" is not diagrams/NAME.svg`);
            else if (!fs.existsSync(path.join(deck.diagramsFolder, `${name}.svg`))) problems.push(`${where}: diagrams/${name}.svg is not in content/decks/${deck.id}/diagrams`);
          }
        }
      }
    }
    assert.ok(problems.length === 0, `${problems.length} image(s) that do not resolve:\n${problems.join('\n')}`);
  });

  it('renders every formula and diagram without error, in both languages', () => {
    for (const deck of decks) {
      for (const topic of deck.topics) {
        for (const language of CONTENT_LANGUAGES) {
          const missing: string[] = [];
          const html = engine.render(topic.body[language] ?? '', 'trusted', {
            readDiagram: (name) => {
              const file = path.join(deck.diagramsFolder, `${name}.svg`);
              if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
              missing.push(name);
              return undefined;
            },
          });
          assert.deepEqual(missing, [], `${topic.id} (${language}): diagrams exist in ${deck.id}/diagrams`);
          assert.match(html, /class="katex/, `${topic.id} (${language}): has math`);
          assert.doesNotMatch(html, /katex-error/, `${topic.id} (${language}): every formula renders`);
        }
      }
    }
  });

  it('uses every diagram it ships, the same ones in both languages', () => {
    for (const deck of decks) {
      const used = new Set<string>();
      for (const topic of deck.topics) {
        const byLanguage = CONTENT_LANGUAGES.map((language: ContentLanguage) => diagramsUsed(topic.body[language] ?? ''));
        assert.deepEqual(byLanguage[1], byLanguage[0], `${topic.id}: the same diagrams in both languages`);
        for (const name of byLanguage[0]) used.add(name);
      }
      const shipped = fs.existsSync(deck.diagramsFolder) ? fs.readdirSync(deck.diagramsFolder).map((name) => name.replace(/\.svg$/, '')) : [];
      assert.deepEqual(shipped.filter((name) => !used.has(name)), [], `${deck.id}: diagrams no topic shows`);
    }
  });

  it('ships diagrams that the webview CSP and themes allow: no scripts, styles, sizes, foreign links or shared ids', () => {
    const ids = new Map<string, string>();
    for (const deck of decks) {
      if (!fs.existsSync(deck.diagramsFolder)) continue;
      for (const name of fs.readdirSync(deck.diagramsFolder)) {
        const where = `${deck.id}/diagrams/${name}`;
        assert.match(name, /^[a-z0-9-]+\.svg$/, where);
        const svg = fs.readFileSync(path.join(deck.diagramsFolder, name), 'utf8');
        assert.doesNotMatch(svg, /<script|<style|\sstyle=|<foreignObject|\bon[a-z]+=|href="(?!#)/i, where);
        assert.match(svg, /<title[ >]/, `${where} has a title for screen readers`);
        assert.doesNotMatch(svg, /<svg[^>]*\s(width|height)=/, `${where} scales with the panel`);
        assert.doesNotMatch(svg, /(fill|stroke)="#/, `${where} takes its colours from the theme classes`);
        // Diagrams are inlined into one page, so an id used by two diagrams would make one's arrows point at the other's.
        for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) {
          assert.ok(!ids.has(id) || ids.get(id) === where, `${where}: id "${id}" is also used by ${ids.get(id)}`);
          ids.set(id, where);
        }
      }
    }
  });
});
