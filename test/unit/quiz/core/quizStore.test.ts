import assert from 'node:assert/strict';
import { loadProgress, serializeProgress } from '../../../../src/quiz/core/progressStore';
import { backupKeyFor, PROGRESS_KEY, QuizStore, type ProgressMemento, type Recovery } from '../../../../src/quiz/core/quizStore';
import { QuizScheduler, Rating } from '../../../../src/quiz/core/scheduler';
import { localTime } from './fixtures';

const scheduler = new QuizScheduler();

/** globalState as two windows share it: one map, updates applied at once. */
class MemoryMemento implements ProgressMemento {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): Promise<void> {
    // Stored as JSON, as VS Code does: get() hands back a copy.
    this.values.set(key, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

const store = (memento: ProgressMemento, recoveries: Recovery[] = []) => new QuizStore(memento, () => scheduler, () => localTime(5, 8), (recovery) => recoveries.push(recovery));

describe('quiz store', () => {
  it('persists an answer so that a fresh store (a reload) reads the same due date', async () => {
    const memento = new MemoryMemento();
    const first = store(memento);
    const answer = scheduler.rate('a/1', (await first.current()).cards['a/1'], Rating.Good, localTime(5, 9), 'r1');
    await first.record(answer);
    const reloaded = await store(memento).current();
    assert.equal(reloaded.cards['a/1'].due.getTime(), answer.state.due.getTime());
    assert.deepEqual(reloaded.log.map((review) => review.id), ['r1']);
  });

  it('loses no review when two windows answer at once', async () => {
    const memento = new MemoryMemento();
    const windowA = store(memento);
    const windowB = store(memento);
    const seenByA = await windowA.current();
    const seenByB = await windowB.current();
    await windowA.record(scheduler.rate('a/1', seenByA.cards['a/1'], Rating.Good, localTime(5, 9), 'a1'));
    await windowB.record(scheduler.rate('b/1', seenByB.cards['b/1'], Rating.Again, localTime(5, 9, 1), 'b1'));
    const merged = await store(memento).current();
    assert.deepEqual(merged.log.map((review) => review.id), ['a1', 'b1']);
    assert.deepEqual(Object.keys(merged.cards).sort(), ['a/1', 'b/1']);
  });

  it('keeps unreadable data under a backup key, starts clean and says where the copy is', async () => {
    const memento = new MemoryMemento();
    await memento.update(PROGRESS_KEY, '{"version":1,"cards":');
    const recoveries: Recovery[] = [];
    const progress = await store(memento, recoveries).current();
    assert.deepEqual(progress, { version: 1, cards: {}, log: [] });
    const backupKey = backupKeyFor(localTime(5, 8));
    assert.equal(backupKey, `mlInterview.quiz.progress.corrupt-${localTime(5, 8).toISOString()}`);
    assert.equal(memento.get(backupKey), '{"version":1,"cards":');
    assert.deepEqual(memento.get(PROGRESS_KEY), serializeProgress(progress));
    assert.equal(recoveries.length, 1);
    assert.equal(recoveries[0].backupKey, backupKey);
    assert.match(recoveries[0].reason, /^Quiz progress could not be read: it is not valid JSON/);
    // Once replaced, the next window reads clean data without another warning.
    await store(memento, recoveries).current();
    assert.equal(recoveries.length, 1);
  });

  it('loses only the answer whose save failed: earlier and later answers are kept', async () => {
    const memento = new MemoryMemento();
    let failNext = false;
    const flaky: ProgressMemento = {
      get: (key) => memento.get(key),
      update: (key, value) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('disk full'));
        }
        return memento.update(key, value);
      },
    };
    const quiz = store(flaky);
    await quiz.record(scheduler.rate('a/1', (await quiz.current()).cards['a/1'], Rating.Good, localTime(5, 9), 'r1'));
    failNext = true;
    await assert.rejects(quiz.record(scheduler.rate('b/1', (await quiz.current()).cards['b/1'], Rating.Good, localTime(5, 9, 1), 'r2')), /disk full/);
    assert.deepEqual((await store(memento).current()).log.map((review) => review.id), ['r1'], 'the stored progress is untouched');
    await quiz.record(scheduler.rate('c/1', (await quiz.current()).cards['c/1'], Rating.Again, localTime(5, 9, 2), 'r3'));
    const reloaded = await store(memento).current();
    assert.deepEqual(reloaded.log.map((review) => review.id), ['r1', 'r3']);
    assert.deepEqual(Object.keys(reloaded.cards).sort(), ['a/1', 'c/1']);
  });

  it('resets to an empty log', async () => {
    const memento = new MemoryMemento();
    const quiz = store(memento);
    await quiz.record(scheduler.rate('a/1', undefined, Rating.Good, localTime(5, 9), 'r1'));
    await quiz.reset();
    const loaded = loadProgress(memento.get(PROGRESS_KEY));
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.progress, { version: 1, cards: {}, log: [] });
  });
});
