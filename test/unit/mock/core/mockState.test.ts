import * as assert from 'node:assert/strict';
import type { PlannedQuestion } from '../../../../src/mock/core/mockPlan';
import {
  finish,
  pause,
  problemChecked,
  questionElapsed,
  questionRemaining,
  rate,
  restoreInterview,
  resume,
  setAnswer,
  setChecked,
  skip,
  snapshotForSave,
  startInterview,
  submit,
  tick,
  totalElapsed,
  totalRemaining,
  type MockInterview,
} from '../../../../src/mock/core/mockState';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 1, 10);
const plan: PlannedQuestion[] = [
  { kind: 'concept', cardId: 'a/recall', topicKey: 'builtin/a', allottedMs: 4 * MIN },
  { kind: 'concept', cardId: 'b/recall', topicKey: 'builtin/b', allottedMs: 4 * MIN },
  { kind: 'problem', problemId: 'softmax', topicKeys: ['builtin/a'], allottedMs: 7 * MIN },
];

function started(): MockInterview {
  return startInterview({ id: 'i1', seed: 'i1', length: 15, tracks: [], plan, checklistTotals: { 'a/recall': 4, 'b/recall': 2 }, now: T0 });
}

describe('mock interview state', () => {
  it('starts on the first question with both clocks running from explicit times', () => {
    const state = started();
    assert.deepEqual(state.questions.map((question) => question.phase), ['answering', 'pending', 'pending']);
    assert.equal(questionElapsed(state, 0, T0 + 30_000), 30_000);
    assert.equal(questionRemaining(state, T0 + 30_000), 4 * MIN - 30_000);
    assert.equal(totalRemaining(state, T0 + 30_000), 15 * MIN - 30_000);
  });

  it('keeps the typed answer, then on submit stops the clock and proposes a rating from the ticked checklist', () => {
    let state = setAnswer(started(), 'BN normalises over the batch').state;
    state = submit(state, T0 + MIN).state;
    const question = state.questions[0];
    assert.equal(question.phase, 'review');
    assert.equal(question.kind === 'concept' && question.answer, 'BN normalises over the batch');
    assert.equal(question.spentMs, MIN);
    // Review is not interview time.
    assert.equal(totalElapsed(state, T0 + 5 * MIN), MIN);
    assert.equal(question.proposed, 1);
    state = setChecked(state, [0, 1, 1, 7]).state;
    assert.deepEqual(state.questions[0].kind === 'concept' && state.questions[0].checked, [0, 1]);
    assert.equal(state.questions[0].proposed, 2);
    state = setChecked(state, [0, 1, 2, 3]).state;
    assert.equal(state.questions[0].proposed, 3);
  });

  it('records the user’s rating, which may differ from the proposal, and starts the next question', () => {
    const reviewed = setChecked(submit(started(), T0 + MIN).state, [0, 1, 2, 3]).state;
    const rated = rate(reviewed, 2, T0 + 2 * MIN);
    assert.deepEqual(rated.toRecord, { kind: 'concept', cardId: 'a/recall', rating: 2 });
    assert.equal(rated.state.current, 1);
    assert.equal(rated.state.questions[1].phase, 'answering');
    assert.equal(rated.state.runningSince, T0 + 2 * MIN);
  });

  it('closes a question at the exact moment its time ran out, even when ticked late', () => {
    const ticked = tick(started(), T0 + 9 * MIN);
    assert.equal(ticked.changed, true);
    const question = ticked.state.questions[0];
    assert.equal(question.phase, 'review');
    assert.equal(question.timedOut, true);
    assert.equal(question.spentMs, 4 * MIN);
    assert.equal(tick(started(), T0 + 4 * MIN - 1).changed, false);
  });

  it('pauses only when asked: a paused clock does not run and takes no answers', () => {
    let state = pause(started(), T0 + MIN).state;
    assert.equal(state.paused, true);
    assert.equal(questionElapsed(state, 0, T0 + 30 * MIN), MIN);
    assert.equal(tick(state, T0 + 30 * MIN).changed, false);
    assert.equal(submit(state, T0 + 30 * MIN).changed, false);
    assert.equal(skip(state, T0 + 30 * MIN).changed, false);
    state = resume(state, T0 + 30 * MIN).state;
    assert.equal(questionElapsed(state, 0, T0 + 31 * MIN), 2 * MIN);
  });

  it('skips a question without a rating; the skipped time counts', () => {
    const skipped = skip(started(), T0 + 30_000);
    assert.equal(skipped.toRecord, undefined);
    assert.equal(skipped.state.questions[0].phase, 'skipped');
    assert.equal(skipped.state.questions[0].spentMs, 30_000);
    assert.equal(skipped.state.current, 1);
  });

  it('counts every Check of the current problem, keeps the best, and closes it when every test passes', () => {
    let state = skip(skip(started(), T0 + MIN).state, T0 + 2 * MIN).state;
    assert.equal(state.questions[2].kind, 'problem');
    state = problemChecked(state, { problemId: 'other', passed: 5, total: 5, language: 'ts' }, T0 + 3 * MIN).state;
    assert.equal(state.questions[2].kind === 'problem' && state.questions[2].checks, 0);
    state = problemChecked(state, { problemId: 'softmax', passed: 3, total: 5, language: 'ts' }, T0 + 3 * MIN).state;
    state = problemChecked(state, { problemId: 'softmax', passed: 1, total: 5, language: 'py' }, T0 + 4 * MIN).state;
    const problem = state.questions[2];
    assert.ok(problem.kind === 'problem');
    assert.deepEqual([problem.phase, problem.checks, problem.best], ['answering', 2, { passed: 3, total: 5, language: 'ts' }]);
    state = problemChecked(state, { problemId: 'softmax', passed: 5, total: 5, language: 'ts' }, T0 + 5 * MIN).state;
    assert.equal(state.questions[2].phase, 'review');
    // Passed on the third check: Hard, as the quiz proposes for an exercise that took several checks.
    assert.equal(state.questions[2].proposed, 2);
    const rated = rate(state, 3, T0 + 6 * MIN);
    assert.deepEqual(rated.toRecord, { kind: 'problem', problemId: 'softmax', rating: 3 });
    assert.equal(rated.state.finishedAt, T0 + 6 * MIN);
  });

  it('proposes Again for a problem submitted without a full pass', () => {
    const state = submit(skip(skip(started(), T0).state, T0).state, T0 + MIN).state;
    assert.equal(state.questions[2].proposed, 1);
  });

  it('ends when the interview’s time is up: the last question goes to review, the rest are not reached', () => {
    const long = startInterview({ id: 'i2', seed: 'i2', length: 15, tracks: [], plan: [{ kind: 'concept', cardId: 'a/recall', topicKey: 'builtin/a', allottedMs: 20 * MIN }, plan[1]], checklistTotals: {}, now: T0 });
    const ticked = tick(long, T0 + 16 * MIN).state;
    assert.equal(ticked.timeUp, true);
    assert.equal(ticked.questions[0].spentMs, 15 * MIN);
    const done = rate(ticked, 1, T0 + 17 * MIN).state;
    assert.deepEqual(done.questions.map((question) => question.phase), ['done', 'notReached']);
    assert.equal(done.finishedAt, T0 + 17 * MIN);
  });

  it('ends early on request: the question on the clock is skipped', () => {
    const ended = finish(started(), T0 + MIN);
    assert.deepEqual(ended.state.questions.map((question) => question.phase), ['skipped', 'notReached', 'notReached']);
    assert.equal(ended.state.finishedAt, T0 + MIN);
    assert.equal(ended.toRecord, undefined);
  });

  it('ends early with a question under review: its answer and ticks count, unrated', () => {
    const reviewed = setChecked(submit(started(), T0 + MIN).state, [0, 1]).state;
    const ended = finish(reviewed, T0 + 2 * MIN);
    const [first] = ended.state.questions;
    assert.deepEqual([first.phase, first.rating, first.kind === 'concept' && first.checked], ['done', undefined, [0, 1]]);
    assert.equal(ended.toRecord, undefined);
  });

  it('resumes after a reload paused, with the time up to the last save and the typed answer kept', () => {
    const typed = setAnswer(started(), 'half an answer').state;
    const saved = JSON.parse(JSON.stringify(snapshotForSave(typed, T0 + 2 * MIN))) as unknown;
    const restored = restoreInterview(saved);
    assert.ok(restored.ok);
    assert.equal(restored.wasRunning, true);
    assert.equal(restored.state.paused, true);
    assert.equal(restored.state.runningSince, undefined);
    assert.equal(questionElapsed(restored.state, 0, T0 + 60 * MIN), 2 * MIN);
    assert.equal(restored.state.questions[0].kind === 'concept' && restored.state.questions[0].answer, 'half an answer');
    const again = resume(restored.state, T0 + 60 * MIN).state;
    assert.equal(questionElapsed(again, 0, T0 + 61 * MIN), 3 * MIN);
  });

  it('refuses stored data that is not an interview', () => {
    for (const raw of [{}, { ...started(), version: 2 }, { ...started(), questions: [] }, { ...started(), current: 9 }, 'text']) {
      assert.equal(restoreInterview(raw).ok, false, JSON.stringify(raw).slice(0, 60));
    }
  });
});
