// The registry is the one list of card kinds: every kind in it has a schema, session behaviour, a renderer, an Anki
// export, labels in both languages and a page module, and the schema, the session, the quiz document, the Anki
// export and the README's card counts all go by it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MarkdownEngine } from '../../../../../src/content/core/markdownEngine';
import { exportAnkiDeck } from '../../../../../src/quiz/core/ankiExport';
import { cardFieldSchemas } from '../../../../../src/quiz/core/cardFields';
import { CARD_KINDS, parseCardFile } from '../../../../../src/quiz/core/cardSchema';
import { CARD_KIND_MODULES, cardKindOf, type CardKindId } from '../../../../../src/quiz/core/kinds/registry';
import type { QuizItem } from '../../../../../src/quiz/core/quizItems';
import { renderQuizMain } from '../../../../../src/quiz/core/quizDocument';
import { QuizSession } from '../../../../../src/quiz/core/quizSession';
import { emptyProgress } from '../../../../../src/quiz/core/progressStore';
import { CONTENT_LANGUAGES } from '../../../../../src/content/core/language';
import { builtInCards } from '../../../content/builtInDecks';
import { localTime } from '../fixtures';
import { clozeItem, codeItem, mcItem, recallItem } from '../sessionFixtures';
import { elementsOf, hasClass, textOf } from '../html';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const engine = new MarkdownEngine();
const now = localTime(10, 12);

/** One card of each kind: a kind missing here does not compile. */
const SAMPLES: Record<CardKindId, QuizItem> = { mc: mcItem, recall: recallItem, cloze: clozeItem, code: codeItem };

describe('card kind registry', () => {
  it('lists each kind once, and CARD_KINDS is its list', () => {
    const ids = CARD_KIND_MODULES.map((kind) => kind.id);
    assert.deepEqual([...CARD_KINDS], ids);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(Object.keys(SAMPLES).sort(), [...ids].sort());
  });

  for (const kind of CARD_KIND_MODULES) {
    describe(`kind "${kind.id}"`, () => {
      const item = SAMPLES[kind.id];

      it('has a schema whose cards are of this kind', () => {
        for (const requireBoth of [true, false]) {
          const schema = kind.schema(cardFieldSchemas(requireBoth));
          assert.deepEqual([...(schema._zod.propValues?.kind ?? [])], [kind.id]);
        }
        assert.match(kind.fieldsHint(), new RegExp(`^${kind.id} `), 'the fix for an unknown field names its fields');
        for (const fix of Object.values(kind.fieldFixes)) assert.ok(fix().length > 0);
      });

      it('has a name and its own labels in both languages, with the same keys', () => {
        for (const language of CONTENT_LANGUAGES) assert.ok(kind.labels[language].name.trim().length > 0, language);
        assert.notEqual(kind.labels.en.name, kind.labels['zh-cn'].name);
        assert.deepEqual(Object.keys(kind.labels['zh-cn']).sort(), Object.keys(kind.labels.en).sort());
        const names = CARD_KIND_MODULES.map((other) => other.labels.en.name);
        assert.equal(names.filter((name) => name === kind.labels.en.name).length, 1, 'names differ between kinds');
      });

      it('has session behaviour that leads to a rating', () => {
        const { session } = kind;
        assert.ok(session.choose || session.reveal || session.codeChecked, 'an action that answers the card');
        const quiz = new QuizSession([item], undefined);
        const view = quiz.view(emptyProgress(), now, { newPerDay: 10, reviewsPerDay: 10 });
        assert.equal(view.kind === 'card' && view.item.id, item.id);
        assert.equal(view.kind === 'card' && view.phase, 'question');
      });

      it('renders its card as an article of its kind, with its name in the header', () => {
        const view = new QuizSession([item], undefined).view(emptyProgress(), now, { newPerDay: 10, reviewsPerDay: 10 });
        for (const language of CONTENT_LANGUAGES) {
          const elements = elementsOf(renderQuizMain({ language, now, view }, engine));
          const article = elements.find((element) => element.tagName === 'article');
          assert.ok(article && hasClass(article, `card-${kind.id}`));
          const name = elements.find((element) => hasClass(element, 'kind'));
          assert.equal(name && textOf(name), kind.labels[language].name);
        }
        assert.equal(cardKindOf(item.card), kind);
      });

      it('exports its card to Anki as one note of a known type, tagged with its kind', () => {
        for (const language of CONTENT_LANGUAGES) {
          const note = kind.anki(item.card as never, { language, block: (text) => `<p>${text}</p>`, inline: (text) => text, listItems: (items) => items.join('') });
          assert.ok(['Basic', 'Cloze'].includes(note.noteType));
          assert.ok(note.front.length > 0);
        }
        const row = exportAnkiDeck([item.card], { language: 'en' }).trimEnd().split('\n').pop() ?? '';
        assert.match(row, new RegExp(`ml-interview::${kind.ankiTag}(\\s|$)`));
      });

      it('has a page module in webview-src/quiz/kinds, listed in PAGE_KINDS', () => {
        // Read as text: the page modules are browser code (DOM types), outside this tsconfig.
        const index = readFileSync(path.join(ROOT, 'webview-src', 'quiz', 'kinds', 'index.ts'), 'utf8');
        const list = /PAGE_KINDS[^=]*=\s*\[([^\]]*)\]/.exec(index)?.[1].split(',').map((name) => name.trim()) ?? [];
        const modules = list.map((name) => {
          const file = new RegExp(`import \\{ ${name} \\} from '\\./([\\w-]+)'`).exec(index)?.[1];
          return file ? /id: '([\w-]+)'/.exec(readFileSync(path.join(ROOT, 'webview-src', 'quiz', 'kinds', `${file}.ts`), 'utf8'))?.[1] : undefined;
        });
        assert.deepEqual(modules, CARD_KIND_MODULES.map((other) => other.id));
      });
    });
  }

  it('parses a card of every kind from YAML through the one union', () => {
    const text = [
      '- { id: a/m, topic: a, kind: mc, prompt: { en: Q }, options: [{ en: x, correct: true }, { en: y }], explanation: { en: E } }',
      '- { id: a/r, topic: a, kind: recall, prompt: { en: Q }, answer: { en: A }, checklist: { en: [p] } }',
      "- { id: a/z, topic: a, kind: cloze, text: { en: 'a {{c1::b}}' } }",
      '- { id: a/c, topic: a, kind: code, prompt: { en: Q }, problem: layernorm, explanation: { en: E } }',
    ].join('\n');
    const result = parseCardFile({ fileName: 'a.cards.yaml', text });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.cards.map((card) => card.kind), [...CARD_KINDS]);
  });

  it('keeps the README’s card counts, by kind, equal to the built-in cards', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const line = /over (\d+) cards \(([^)]*)\)/.exec(readme);
    assert.ok(line, 'the README says how many cards there are');
    const { cards } = builtInCards();
    // Every practice problem is a code card too (src/problems/registerProblems.ts), unless a card file names it.
    const named = new Set(cards.flatMap((card) => (card.kind === 'code' ? [card.problem] : [])));
    const problemCards = readdirSync(path.join(ROOT, 'content', 'problems')).filter((id) => !named.has(id)).length;
    assert.equal(Number(line[1]), cards.length + problemCards);
    const counted = Object.fromEntries(
      line[2].split(',').map((part) => {
        const [, count, words] = /^\s*(\d+) (.+?)\s*$/.exec(part) ?? [];
        const kind = CARD_KIND_MODULES.find((candidate) => words === candidate.id || words === candidate.labels.en.name.toLowerCase());
        assert.ok(kind, `"${words}" names a card kind`);
        return [kind.id, Number(count)];
      }),
    );
    const actual = Object.fromEntries(CARD_KIND_MODULES.map((kind) => [kind.id, cards.filter((card) => card.kind === kind.id).length + (kind.id === 'code' ? problemCards : 0)]));
    assert.deepEqual(counted, actual);
  });
});
