import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import markdownItKatex from '@vscode/markdown-it-katex';
import MarkdownItEngine from 'markdown-it';
import { CONTENT_LANGUAGES as LANGUAGES } from '../../../src/content/language';
import { EXERCISE_IDS, parseCardFiles, type QuizCard } from '../../../src/quiz/cardSchema';

const ROOT = path.join(__dirname, '../../..');
const CARDS_DIR = path.join(ROOT, 'content/cards');
const EXERCISES_DIR = path.join(ROOT, 'content/exercises');
const TOPICS = ['bn-vs-ln', 'self-attention', 'bert-pretraining', 'pre-norm-vs-post-norm', 'gpt-vs-bert', 'speeding-up-bert'];

function loadBuiltInCards() {
  const files = readdirSync(CARDS_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ fileName: `content/cards/${name}`, text: readFileSync(path.join(CARDS_DIR, name), 'utf8'), topicId: name.replace(/\.yaml$/, '') }));
  return { files, ...parseCardFiles(files, { requireBothLanguages: true }) };
}

/** Every Markdown text of a card, with where it comes from. */
function textsOf(card: QuizCard): { where: string; text: string }[] {
  const localized = (field: string, value: Record<string, string>) => LANGUAGES.map((language) => ({ where: `${card.id} ${field}.${language}`, text: value[language] }));
  const texts = [...localized('prompt', card.prompt)];
  if (card.kind === 'mc') {
    card.options.forEach((option, index) => texts.push(...localized(`options[${index}]`, option.text)));
    texts.push(...localized('explanation', card.explanation));
  } else if (card.kind === 'recall') {
    texts.push(...localized('answer', card.answer));
    for (const language of LANGUAGES) {
      card.checklist[language].forEach((item, index) => texts.push({ where: `${card.id} checklist.${language}[${index}]`, text: item }));
    }
  } else {
    texts.push(...localized('explanation', card.explanation));
  }
  return texts;
}

describe('built-in cards', () => {
  const { files, cards, errors } = loadBuiltInCards();

  it('validate, one file per topic, in both languages', () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(files.map((file) => file.topicId).sort(), [...TOPICS].sort());
  });

  it('have at least six cards per topic, with at least two multiple-choice and two recall cards', () => {
    assert.ok(cards.length >= 36, `${cards.length} cards`);
    for (const topic of TOPICS) {
      const ofTopic = cards.filter((card) => card.topic === topic);
      assert.ok(ofTopic.length >= 6, `${topic}: ${ofTopic.length} cards`);
      assert.ok(ofTopic.filter((card) => card.kind === 'mc').length >= 2, `${topic}: multiple choice`);
      assert.ok(ofTopic.filter((card) => card.kind === 'recall').length >= 2, `${topic}: recall`);
    }
  });

  it('have code cards for BatchNorm and LayerNorm under bn-vs-ln and causal attention under self-attention', () => {
    const codeCards = cards.filter((card) => card.kind === 'code').map((card) => card.kind === 'code' && `${card.topic}:${card.exercise}`);
    assert.deepEqual(codeCards.sort(), ['bn-vs-ln:batchnorm', 'bn-vs-ln:layernorm', 'self-attention:attention-causal']);
  });

  it('write the Chinese side in Chinese and give recall checklists the same length', () => {
    for (const card of cards) {
      assert.match(card.prompt['zh-cn'], /[\u4e00-\u9fff]/, `${card.id} prompt.zh-cn`);
      assert.notEqual(card.prompt.en, card.prompt['zh-cn'], card.id);
      if (card.kind === 'recall') assert.equal(card.checklist.en.length, card.checklist['zh-cn'].length, card.id);
    }
  });

  it('give multiple-choice cards three or four distractors of distinct text', () => {
    for (const card of cards) {
      if (card.kind !== 'mc') continue;
      assert.ok(card.options.length >= 4 && card.options.length <= 5, card.id);
      assert.equal(new Set(card.options.map((option) => option.text.en)).size, card.options.length, card.id);
    }
  });

  it('render all math with KaTeX (strict) and leave no stray dollar signs', () => {
    const md = new MarkdownItEngine({ html: false });
    md.use(markdownItKatex, { throwOnError: true, strict: 'error' });
    for (const card of cards) {
      for (const { where, text } of textsOf(card)) {
        const html = md.render(text);
        assert.doesNotMatch(html, /katex-error/, `${where}: ${text}`);
        // KaTeX keeps the TeX source in an annotation; outside it, a $ means math that was not recognised.
        assert.doesNotMatch(html.replace(/<annotation[\s\S]*?<\/annotation>/g, ''), /\$/, `${where}: ${text}`);
      }
    }
  });
});

describe('exercise starters', () => {
  const load = createRequire(__filename);
  const starter = (id: string) => load(path.join(EXERCISES_DIR, `${id}.ts`)) as Record<string, unknown>;

  it('exist for every exercise id', () => {
    assert.deepEqual(
      readdirSync(EXERCISES_DIR).sort(),
      EXERCISE_IDS.map((id) => `${id}.ts`).sort(),
    );
  });

  it('export the graded signatures and throw "Not implemented yet"', () => {
    const { BatchNorm1d } = starter('batchnorm') as { BatchNorm1d: new (features: number, options?: { eps?: number; momentum?: number }) => Record<string, unknown> & { forward(x: number[][]): number[][] } };
    const norm = new BatchNorm1d(3, { momentum: 0.2 });
    assert.deepEqual([norm.gamma, norm.beta, norm.runningMean, norm.runningVar, norm.training], [[1, 1, 1], [0, 0, 0], [0, 0, 0], [1, 1, 1], true]);
    assert.throws(() => norm.forward([[1, 2, 3]]), { message: 'Not implemented yet' });

    const { layerNorm } = starter('layernorm') as { layerNorm: (x: number[][], gamma: number[], beta: number[], eps?: number) => number[][] };
    assert.throws(() => layerNorm([[1, 2]], [1, 1], [0, 0]), { message: 'Not implemented yet' });

    const { scaledDotProductAttention } = starter('attention-causal') as { scaledDotProductAttention: (q: number[][], k: number[][], v: number[][], options?: { causal?: boolean }) => unknown };
    assert.throws(() => scaledDotProductAttention([[1]], [[1]], [[1]], { causal: true }), { message: 'Not implemented yet' });
  });
});
