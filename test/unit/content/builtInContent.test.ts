import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadDeck, type Deck } from '../../../src/content/deckLoader';
import { MarkdownEngine } from '../../../src/content/markdownEngine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TOPICS = path.join(ROOT, 'content', 'topics');
const DIAGRAMS = path.join(ROOT, 'content', 'diagrams');
const SEED_ORDER = ['bn-vs-ln', 'self-attention', 'bert-pretraining', 'pre-norm-vs-post-norm', 'gpt-vs-bert', 'speeding-up-bert'];

describe('built-in topics', () => {
  let deck: Deck;
  const engine = new MarkdownEngine();

  before(async () => {
    deck = await loadDeck({ id: 'builtin', label: 'Built-in', folder: TOPICS, trusted: true });
  });

  it('load without problems, six topics in the seed order', () => {
    assert.deepEqual(deck.problems, []);
    assert.deepEqual(deck.topics.map((t) => t.id), SEED_ORDER);
  });

  it('have every text in both languages, with checklists of the same length', () => {
    for (const topic of deck.topics) {
      for (const field of ['title', 'summary', 'question', 'body'] as const) {
        assert.ok(topic[field]?.en && topic[field]?.['zh-cn'], `${topic.id}: ${field} in both languages`);
      }
      assert.notEqual(topic.body.en, topic.body['zh-cn'], `${topic.id}: the two bodies are different texts`);
      assert.match(topic.body['zh-cn'] ?? '', /[\u4e00-\u9fff]/, `${topic.id}: the Chinese body is Chinese`);
      const { en = [], 'zh-cn': zh = [] } = topic.checklist ?? {};
      assert.ok(en.length >= 4, `${topic.id}: a checklist of at least four points`);
      assert.equal(zh.length, en.length, `${topic.id}: checklist lengths match`);
    }
  });

  it('quote the seed question in Chinese', () => {
    // The six questions as the seed document asks them.
    const seedQuestions = ['BN和LN区别。', '讲讲self attention。', 'Bert的预训练过程。', 'Pre Norm与Post Norm的区别?', 'GPT与Bert的区别。', '如何加速Bert模型的训练。'];
    assert.deepEqual(deck.topics.map((topic) => topic.question?.['zh-cn']), seedQuestions);
  });

  it('cite sources, each with a link', () => {
    for (const topic of deck.topics) {
      assert.ok(topic.sources.length >= 1, `${topic.id}: at least one source`);
      for (const source of topic.sources) assert.match(source.url, /^https:\/\//, `${topic.id}: ${source.title}`);
    }
  });

  it('render every formula and diagram without error in both languages', () => {
    for (const topic of deck.topics) {
      for (const language of ['en', 'zh-cn'] as const) {
        const missing: string[] = [];
        const html = engine.render(topic.body[language] ?? '', 'trusted', {
          readDiagram: (name) => {
            const file = path.join(DIAGRAMS, `${name}.svg`);
            if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
            missing.push(name);
            return undefined;
          },
        });
        assert.deepEqual(missing, [], `${topic.id} (${language}): diagrams exist`);
        assert.match(html, /<figure class="diagram"><svg/, `${topic.id} (${language}): has a diagram`);
        assert.match(html, /class="katex/, `${topic.id} (${language}): has math`);
        assert.doesNotMatch(html, /katex-error/, `${topic.id} (${language}): every formula renders`);
      }
    }
  });

  it('ship diagrams that the webview CSP and themes allow: no scripts, styles, sizes or foreign links', () => {
    for (const name of fs.readdirSync(DIAGRAMS)) {
      const svg = fs.readFileSync(path.join(DIAGRAMS, name), 'utf8');
      assert.doesNotMatch(svg, /<script|<style|\sstyle=|<foreignObject|\bon[a-z]+=|href="(?!#)/i, name);
      assert.match(svg, /<title[ >]/, `${name} has a title for screen readers`);
      assert.doesNotMatch(svg, /<svg[^>]*\s(width|height)=/, `${name} scales with the panel`);
      assert.doesNotMatch(svg, /(fill|stroke)="#/, `${name} takes its colours from the theme classes`);
    }
  });
});
