import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import markdownItKatex from '@vscode/markdown-it-katex';
import MarkdownItEngine from 'markdown-it';
import { CONTENT_LANGUAGES as LANGUAGES } from '../../../src/content/core/language';
import { builtInCards, builtInDecks, ROOT } from './builtInDecks';
import { parseCardFile, type QuizCard } from '../../../src/quiz/core/cardSchema';


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
  } else if (card.kind === 'cloze') {
    // The masked prompt is covered above; the filled text is the card's text with its answers.
    if (card.explanation) texts.push(...localized('explanation', card.explanation));
  } else {
    texts.push(...localized('explanation', card.explanation));
  }
  return texts;
}

describe('built-in cards', () => {
  const { files, cards, errors } = builtInCards();

  it('validate, one file per topic of its deck, in both languages', async () => {
    assert.deepEqual(errors, []);
    for (const deck of await builtInDecks()) {
      const topicIds = deck.topics.map((topic) => topic.id).sort();
      assert.deepEqual(files.filter((file) => file.deck === deck.id).map((file) => file.topicId).sort(), topicIds, `${deck.id}: a card file per topic`);
    }
  });

  it('name a topic of the deck their file is in', async () => {
    const decks = await builtInDecks();
    const problems: string[] = [];
    for (const file of files) {
      const topicIds = decks.find((deck) => deck.id === file.deck)?.topics.map((topic) => topic.id) ?? [];
      // Parsed without the file's topic, so a card naming another topic is reported here rather than dropped.
      for (const card of parseCardFile({ fileName: file.fileName, text: file.text }, { requireBothLanguages: true }).cards) {
        if (!topicIds.includes(card.topic)) problems.push(`${file.fileName}: card ${card.id} names topic "${card.topic}", not a topic of deck ${file.deck} (${topicIds.join(', ')})`);
      }
    }
    assert.ok(problems.length === 0, `${problems.length} card(s) with an unknown topic:\n${problems.join('\n')}`);
  });

  it('have at least six cards per topic: two multiple-choice, one recall and two cloze at least', async () => {
    for (const topic of (await builtInDecks()).flatMap((deck) => deck.topics)) {
      const ofTopic = cards.filter((card) => card.topic === topic.id);
      const count = (kind: string) => ofTopic.filter((card) => card.kind === kind).length;
      assert.ok(ofTopic.length >= 6, `${topic.id}: ${ofTopic.length} cards`);
      assert.ok(count('mc') >= 2, `${topic.id}: ${count('mc')} multiple-choice cards`);
      assert.ok(count('recall') >= 1, `${topic.id}: ${count('recall')} recall cards`);
      assert.ok(count('cloze') >= 2, `${topic.id}: ${count('cloze')} cloze cards`);
    }
  });

  it('do not give the answer away by length: the correct option is strictly the longest in at most a third of the multiple-choice cards', () => {
    const mc = cards.filter((card) => card.kind === 'mc');
    const giveaways = mc.filter((card) => {
      const lengths = card.options.map((option) => option.text.en.length);
      const correct = lengths[card.options.findIndex((option) => option.correct)];
      return lengths.every((length, index) => index === card.options.findIndex((option) => option.correct) || length < correct);
    });
    assert.ok(mc.length > 0);
    assert.ok(giveaways.length * 3 <= mc.length, `${giveaways.length} of ${mc.length} cards: ${giveaways.map((card) => card.id).join(', ')}`);
  });

  it('leave code cards to the practice problems: a card file names a problem only to give it a prompt of its own', () => {
    const problems = new Set(readdirSync(path.join(ROOT, 'content', 'problems')));
    for (const card of cards) if (card.kind === 'code') assert.ok(problems.has(card.problem), `${card.id}: no problem ${card.problem}`);
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
