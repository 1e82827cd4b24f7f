import * as assert from 'node:assert/strict';
import { chooseDailyPlan, type PlanProblem } from '../../../../src/mock/core/dailyPlan';

const problem = (problemId: string, extra: Partial<PlanProblem> = {}): PlanProblem => ({ problemId, difficulty: 'medium', solved: false, due: false, mastery: 0.5, ...extra });

describe('daily plan', () => {
  it('has the due count, the first unstudied topic and an unsolved problem over the weakest topics', () => {
    const plan = chooseDailyPlan({
      due: 7,
      topics: [
        { key: 'builtin/a', state: 'mastered', mastery: 1 },
        { key: 'builtin/no-cards', mastery: 0 },
        { key: 'builtin/b', state: 'new', mastery: 0 },
        { key: 'builtin/c', state: 'new', mastery: 0 },
      ],
      problems: [problem('strong', { mastery: 0.9 }), problem('weak-hard', { mastery: 0.1, difficulty: 'hard' }), problem('weak-easy', { mastery: 0.1, difficulty: 'easy' }), problem('solved', { solved: true, mastery: 0 })],
    });
    assert.deepEqual(plan, { due: 7, newTopicKey: 'builtin/b', problemId: 'weak-easy' });
  });

  it('puts a problem due for review first, and falls back to a due solved one', () => {
    assert.equal(chooseDailyPlan({ due: 0, topics: [], problems: [problem('weak', { mastery: 0 }), problem('due', { due: true, mastery: 0.9 })] }).problemId, 'due');
    assert.equal(chooseDailyPlan({ due: 0, topics: [], problems: [problem('a', { solved: true }), problem('b', { solved: true, due: true })] }).problemId, 'b');
    assert.deepEqual(chooseDailyPlan({ due: -1, topics: [{ key: 'k', state: 'learning', mastery: 0 }], problems: [problem('a', { solved: true })] }), { due: 0 });
  });
});
