// Items for the session and renderer tests: one card of each kind in topic a, a recall card in topic b.
import type { QuizItem } from '../../../../src/quiz/core/quizItems';
import { both } from './fixtures';

export const mcItem: QuizItem = {
  id: 'a/mc',
  deckId: 'test-deck',
  topicKey: 'builtin/a',
  topicTitle: both('Norms <&>'),
  trust: 'trusted',
  card: {
    id: 'a/mc',
    topic: 'a',
    kind: 'mc',
    prompt: both('Which is *right*?'),
    options: [
      { text: both('Right'), correct: true },
      { text: both('Wrong <b>'), correct: false },
      { text: both('Also wrong'), correct: false },
    ],
    explanation: both('Because.'),
  },
};

export const recallItem: QuizItem = {
  id: 'a/recall',
  deckId: 'test-deck',
  topicKey: 'builtin/a',
  topicTitle: both('Norms <&>'),
  trust: 'untrusted',
  card: {
    id: 'a/recall',
    topic: 'a',
    kind: 'recall',
    prompt: both('Explain <script>x</script>'),
    answer: both('The answer.'),
    checklist: { en: ['Point one', 'Point two'], 'zh-cn': ['要点一', '要点二'] },
  },
};

export const codeItem: QuizItem = {
  id: 'a/code',
  deckId: 'test-deck',
  topicKey: 'builtin/a',
  topicTitle: both('Norms <&>'),
  trust: 'trusted',
  card: { id: 'a/code', topic: 'a', kind: 'code', problem: 'layernorm', prompt: both('Implement it.'), explanation: both('Normalize rows.') },
};

export const otherTopicItem: QuizItem = {
  id: 'user:b/recall',
  deckId: 'test-deck',
  topicKey: 'user:file:///w/b',
  topicTitle: both('Other'),
  trust: 'untrusted',
  card: { id: 'b/recall', topic: 'b', kind: 'recall', prompt: both('B?'), answer: both('B.'), checklist: { en: ['b'], 'zh-cn': ['乙'] } },
};

export const ITEMS: QuizItem[] = [mcItem, recallItem, codeItem, otherTopicItem];

export const clozeItem: QuizItem = {
  id: 'a/cloze',
  deckId: 'test-deck',
  topicKey: 'builtin/a',
  topicTitle: both('Norms <&>'),
  trust: 'trusted',
  card: {
    id: 'a/cloze',
    topic: 'a',
    kind: 'cloze',
    text: both('Scale by $\\frac{1}{ {{c1::\\sqrt{d_k}}} }$ in {{c2::attention::where}}'),
    prompt: both('Scale by $\\frac{1}{ \\boxed{\\,1\\,} }$ in **[2]**'),
  },
};
