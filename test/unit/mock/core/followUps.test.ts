import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { followUpsOf } from '../../../../src/mock/core/followUps';
import { loadBuiltInDecks } from '../../../../src/content/core/deckLoader';

describe('follow-up questions', () => {
  it('reads the question and answer of each item in the section, in either language', () => {
    const body = {
      en: '## Answer\n\n- *Not this?* No.\n\n## Follow-up questions\n\n- *Can BN be folded?* Yes: it is affine\n  at inference.\n- A plain item\n\n## Sources\n\n- *Not this either*',
      'zh-cn': '## 追问\n\n- *能折叠吗？* 可以。',
    };
    assert.deepEqual(followUpsOf(body, 'en'), [
      { question: 'Can BN be folded?', answer: 'Yes: it is affine at inference.' },
      { question: 'A plain item', answer: '' },
    ]);
    assert.deepEqual(followUpsOf(body, 'zh-cn'), [{ question: '能折叠吗？', answer: '可以。' }]);
    assert.deepEqual(followUpsOf({ en: '## Answer\n' }, 'en'), []);
  });

  it('finds follow-ups in every built-in topic, the same number in both languages', async () => {
    const decks = await loadBuiltInDecks(path.resolve(__dirname, '..', '..', '..', '..', 'content', 'decks'));
    const topics = decks.flatMap((deck) => deck.topics);
    assert.ok(topics.length > 40);
    for (const topic of topics) {
      const en = followUpsOf(topic.body, 'en');
      assert.ok(en.length > 0, topic.id);
      assert.equal(followUpsOf(topic.body, 'zh-cn').length, en.length, topic.id);
      assert.ok(en.every((followUp) => followUp.question.length > 0), topic.id);
    }
  });
});
