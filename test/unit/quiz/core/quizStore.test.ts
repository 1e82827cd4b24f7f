import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serializeProgress, type QuizProgress } from '../../../../src/quiz/core/progressStore';
import { backupKeyFor, PROGRESS_KEY, QuizStore, SYNCED_KEYS, type ProgressMemento, type Recovery } from '../../../../src/quiz/core/quizStore';
import { ReviewHistoryFile } from '../../../../src/quiz/core/reviewHistory';
import { QuizScheduler, Rating, type Grade } from '../../../../src/quiz/core/scheduler';
import { SYNCED_PROGRESS_KEY } from '../../../../src/quiz/core/syncedProgress';
import { localTime, MINUTE, reviewHistory } from './fixtures';

const scheduler = new QuizScheduler();

/** globalState as the windows of one machine share it: one map, updates applied at once. */
class MemoryMemento implements ProgressMemento {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): Promise<void> {
    // Stored as JSON, as VS Code does: get() hands back a copy.
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

/** One machine: its globalState and its folder for the review log. Windows are stores over both. */
class Machine {
  readonly memento = new MemoryMemento();
  constructor(readonly folder: string) {}
  get logFile(): string {
    return path.join(this.folder, 'quiz-history.jsonl');
  }
  window(recoveries: Recovery[] = [], memento: ProgressMemento = this.memento, now = () => localTime(5, 8)): QuizStore {
    return new QuizStore(memento, new ReviewHistoryFile(this.logFile), () => scheduler, now, (recovery) => recoveries.push(recovery));
  }
  /** What Settings Sync carries from this machine to another: the synced keys' values. */
  syncTo(other: Machine): void {
    for (const key of SYNCED_KEYS) {
      const value = this.memento.get(key);
      if (value !== undefined) void other.memento.update(key, value);
    }
  }
}

async function answer(store: QuizStore, cardId: string, rating: Grade, at: Date, id: string): Promise<QuizProgress> {
  const progress = await store.current();
  return store.record(scheduler.rate(cardId, progress.cards[cardId], rating, at, id));
}

const ids = (progress: QuizProgress) => progress.log.map((review) => review.id);

describe('quiz store', () => {
  let root: string;
  let machines = 0;
  const machine = () => new Machine(path.join(root, `machine-${(machines += 1)}`));
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mlip-store-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('persists an answer so that a fresh store (a reload) reads the same due date', async () => {
    const here = machine();
    const first = here.window();
    const answered = scheduler.rate('a/1', (await first.current()).cards['a/1'], Rating.Good, localTime(5, 9), 'r1');
    await first.record(answered);
    const reloaded = await here.window().current();
    assert.equal(reloaded.cards['a/1'].due.getTime(), answered.state.due.getTime());
    assert.deepEqual(ids(reloaded), ['r1']);
    assert.deepEqual(reloaded.log[0], answered.review);
  });

  it('keeps the log in a file of its own and only a bounded copy in synced globalState', async () => {
    const here = machine();
    await answer(here.window(), 'a/1', Rating.Good, localTime(5, 9), 'r1');
    assert.equal(readFileSync(here.logFile, 'utf8').trim().split('\n').length, 2, 'the review and the card\'s state');
    assert.deepEqual([...here.memento.values.keys()], [SYNCED_PROGRESS_KEY], 'nothing else in globalState');
    assert.deepEqual(SYNCED_KEYS.includes(SYNCED_PROGRESS_KEY), true);
    assert.deepEqual(SYNCED_KEYS.includes(PROGRESS_KEY), false);
    assert.deepEqual((here.memento.get(SYNCED_PROGRESS_KEY) as { reviews: unknown[] }).reviews, [['r1', 'a/1', Rating.Good, localTime(5, 9).getTime()]]);
  });

  it('loses no review when two windows answer in the same second', async () => {
    const here = machine();
    const windowA = here.window();
    const windowB = here.window();
    const seenByA = await windowA.current();
    const seenByB = await windowB.current();
    await windowA.record(scheduler.rate('a/1', seenByA.cards['a/1'], Rating.Good, localTime(5, 9), 'a1'));
    await windowB.record(scheduler.rate('b/1', seenByB.cards['b/1'], Rating.Again, localTime(5, 9), 'b1'));
    const merged = await here.window().current();
    assert.deepEqual(ids(merged), ['a1', 'b1']);
    assert.deepEqual(Object.keys(merged.cards).sort(), ['a/1', 'b/1']);
  });

  it('re-derives a card both windows answered at once from both reviews', async () => {
    const here = machine();
    const windowA = here.window();
    const windowB = here.window();
    const seenByA = await windowA.current();
    const seenByB = await windowB.current();
    await windowA.record(scheduler.rate('a/1', seenByA.cards['a/1'], Rating.Good, localTime(5, 9), 'a1'));
    await windowB.record(scheduler.rate('a/1', seenByB.cards['a/1'], Rating.Easy, localTime(5, 9, 1), 'b1'));
    const merged = await here.window().current();
    const expected = scheduler.replay('a/1', merged.log);
    assert.deepEqual(ids(merged), ['a1', 'b1']);
    assert.deepEqual(merged.cards['a/1'], expected.state);
  });

  it('brings another machine\'s answers into this machine\'s log and cards through the synced copy, both ways', async () => {
    const laptop = machine();
    const desktop = machine();
    await answer(laptop.window(), 'a/1', Rating.Good, localTime(5, 9), 'l1');
    laptop.syncTo(desktop);
    const desktopWindow = desktop.window();
    const onDesktop = await desktopWindow.current();
    assert.deepEqual(ids(onDesktop), ['l1']);
    const onLaptop = await laptop.window().current();
    assert.deepEqual(onDesktop.cards['a/1'], onLaptop.cards['a/1']);
    assert.deepEqual(onDesktop.log, onLaptop.log, 'the memory fields are re-derived exactly');
    // Kept in the desktop's own file (the review and the card's state), not only in the synced copy.
    assert.equal(readFileSync(desktop.logFile, 'utf8').trim().split('\n').length, 2);
    await answer(desktopWindow, 'b/1', Rating.Hard, localTime(5, 10), 'd1');
    desktop.syncTo(laptop);
    assert.deepEqual(ids(await laptop.window().current()), ['l1', 'd1']);
  });

  it('replays a card two machines answered between syncs from the reviews of both', async () => {
    const laptop = machine();
    const desktop = machine();
    await answer(laptop.window(), 'a/1', Rating.Good, localTime(5, 9), 'l1');
    laptop.syncTo(desktop);
    await desktop.window().current();
    await answer(laptop.window(), 'a/1', Rating.Again, localTime(6, 9), 'l2');
    await answer(desktop.window(), 'a/1', Rating.Easy, localTime(6, 10), 'd2');
    laptop.syncTo(desktop);
    const onDesktop = await desktop.window().current();
    desktop.syncTo(laptop);
    const onLaptop = await laptop.window().current();
    const expected = scheduler.replay('a/1', onDesktop.log);
    assert.deepEqual(ids(onDesktop), ['l1', 'l2', 'd2']);
    assert.deepEqual(onDesktop.cards['a/1'], expected.state);
    assert.deepEqual(onLaptop.cards['a/1'], expected.state);
    assert.deepEqual(ids(onLaptop), ['l1', 'l2', 'd2']);
  });

  it('takes another machine\'s newer card state when its reviews left the synced copy before this machine saw them', async () => {
    const laptop = machine();
    const desktop = machine();
    const history = reviewHistory(scheduler, 'a/1', [Rating.Good, Rating.Good, Rating.Good], localTime(5, 9), 2 * 24 * 60 * MINUTE, 'l');
    const laptopWindow = laptop.window();
    for (const review of history.reviews) await answer(laptopWindow, 'a/1', review.rating, review.review, review.id);
    laptop.syncTo(desktop);
    // The synced copy kept the card's state but none of its reviews (they aged out of it).
    const synced = desktop.memento.get(SYNCED_PROGRESS_KEY) as { reviews: unknown[] };
    await desktop.memento.update(SYNCED_PROGRESS_KEY, { ...synced, reviews: [] });
    const onDesktop = await desktop.window().current();
    assert.deepEqual(onDesktop.cards['a/1'], history.state);
    assert.deepEqual(ids(onDesktop), [], 'the reviews themselves stay on the laptop');
    assert.deepEqual(ids(await laptop.window().current()), ['l#0', 'l#1', 'l#2']);
  });

  it('takes an answer back in every window and on every machine (Undo)', async () => {
    const laptop = machine();
    const desktop = machine();
    const quiz = laptop.window();
    await answer(quiz, 'a/1', Rating.Good, localTime(5, 9), 'r1');
    await answer(quiz, 'a/1', Rating.Again, localTime(5, 10), 'r2');
    laptop.syncTo(desktop);
    assert.deepEqual(ids(await desktop.window().current()), ['r1', 'r2']);
    const otherWindow = laptop.window();
    await otherWindow.current();
    await quiz.undo('a/1', 'r2');
    const expected = scheduler.replay('a/1', (await quiz.current()).log).state;
    assert.deepEqual(ids(await otherWindow.current()), ['r1']);
    assert.deepEqual((await otherWindow.current()).cards['a/1'], expected);
    assert.deepEqual(ids(await laptop.window().current()), ['r1'], 'a reload reads the taken-back line');
    laptop.syncTo(desktop);
    const onDesktop = await desktop.window().current();
    assert.deepEqual(ids(onDesktop), ['r1']);
    assert.deepEqual(onDesktop.cards['a/1'], expected);
  });

  it('moves progress saved by earlier versions (the whole log in one synced key) into the log file, then removes it', async () => {
    const here = machine();
    const history = reviewHistory(scheduler, 'a/1', [Rating.Good, Rating.Hard], localTime(5, 9), 60 * MINUTE, 'old');
    const earlier: QuizProgress = { version: 1, cards: { 'a/1': history.state }, log: history.reviews };
    await here.memento.update(PROGRESS_KEY, serializeProgress(earlier));
    const recoveries: Recovery[] = [];
    const moved = await here.window(recoveries).current();
    assert.deepEqual(moved, earlier);
    assert.equal(here.memento.get(PROGRESS_KEY), undefined);
    assert.equal(readFileSync(here.logFile, 'utf8').trim().split('\n').length, 3, 'two reviews and the card\'s state');
    assert.deepEqual(recoveries, []);
    assert.deepEqual(await here.window().current(), earlier, 'a reload reads the moved copy');
    assert.deepEqual((here.memento.get(SYNCED_PROGRESS_KEY) as { reviews: unknown[] }).reviews.length, 2, 'the synced copy is written at once');
  });

  it('keeps unreadable earlier progress under a backup key, starts clean and says where the copy is', async () => {
    const here = machine();
    await here.memento.update(PROGRESS_KEY, '{"version":1,"cards":');
    const recoveries: Recovery[] = [];
    const progress = await here.window(recoveries).current();
    assert.deepEqual(progress, { version: 1, cards: {}, log: [] });
    const backupKey = backupKeyFor(localTime(5, 8));
    assert.equal(backupKey, `mlInterview.quiz.progress.corrupt-${localTime(5, 8).toISOString()}`);
    assert.equal(here.memento.get(backupKey), '{"version":1,"cards":');
    assert.equal(here.memento.get(PROGRESS_KEY), undefined);
    assert.equal(recoveries.length, 1);
    assert.equal(recoveries[0].backupKey, backupKey);
    assert.match(recoveries[0].reason, /^Quiz progress could not be read: it is not valid JSON/);
    await here.window(recoveries).current();
    assert.equal(recoveries.length, 1, 'the next window reads clean data without another warning');
  });

  it('replays a card whose state line is damaged from its reviews, leaving the damaged line in the file', async () => {
    const here = machine();
    const quiz = here.window();
    await answer(quiz, 'a/1', Rating.Good, localTime(5, 9), 'r1');
    await answer(quiz, 'b/1', Rating.Again, localTime(5, 10), 'r2');
    const before = await quiz.current();
    const lines = readFileSync(here.logFile, 'utf8').split('\n');
    const stateLine = lines.findIndex((line) => line.startsWith('{"card":"a/1"'));
    lines[stateLine] = '{"card":"a/1","state":["damaged"]}';
    writeFileSync(here.logFile, lines.join('\n'));
    assert.deepEqual(await here.window().current(), before);
    assert.ok(readFileSync(here.logFile, 'utf8').includes('{"card":"a/1","state":["damaged"]}'));
  });

  it('loses only the answer whose save failed: earlier and later answers are kept', async () => {
    const here = machine();
    let failNext = false;
    const flaky: ProgressMemento = {
      get: (key) => here.memento.get(key),
      update: (key, value) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('disk full'));
        }
        return here.memento.update(key, value);
      },
    };
    const quiz = here.window([], flaky);
    await answer(quiz, 'a/1', Rating.Good, localTime(5, 9), 'r1');
    failNext = true;
    await assert.rejects(answer(quiz, 'b/1', Rating.Good, localTime(5, 9, 1), 'r2'), /disk full/);
    assert.deepEqual(ids(await here.window().current()), ['r1'], 'the stored progress is untouched');
    await answer(quiz, 'c/1', Rating.Again, localTime(5, 9, 2), 'r3');
    const reloaded = await here.window().current();
    assert.deepEqual(ids(reloaded), ['r1', 'r3']);
    assert.deepEqual(Object.keys(reloaded.cards).sort(), ['a/1', 'c/1']);
  });

  it('resets everywhere: another window answering from what it saw before, and another machine', async () => {
    const laptop = machine();
    const desktop = machine();
    const quiz = laptop.window([], laptop.memento, () => localTime(5, 12));
    await answer(quiz, 'a/1', Rating.Good, localTime(5, 9), 'r1');
    laptop.syncTo(desktop);
    assert.deepEqual(ids(await desktop.window().current()), ['r1']);
    const staleWindow = laptop.window();
    await staleWindow.current();
    await quiz.reset();
    assert.deepEqual(await laptop.window().current(), { version: 1, cards: {}, log: [] });
    assert.equal(readFileSync(laptop.logFile, 'utf8'), `${JSON.stringify({ reset: { before: localTime(5, 12).getTime() + 1, stamp: localTime(5, 12).getTime() } })}\n`);
    // The other window answers from the progress it saw before the reset: its answer is kept, the erased one is not.
    await answer(staleWindow, 'b/1', Rating.Good, localTime(5, 13), 'r2');
    assert.deepEqual(ids(await laptop.window().current()), ['r2']);
    laptop.syncTo(desktop);
    const onDesktop = await desktop.window().current();
    assert.deepEqual(ids(onDesktop), ['r2']);
    assert.deepEqual(Object.keys(onDesktop.cards), ['b/1']);
    assert.equal(readFileSync(desktop.logFile, 'utf8').includes('"r1"'), false, 'the desktop\'s file forgets the erased review');
  });

  it('imports an export made before a reset: the reviews come back', async () => {
    const here = machine();
    const quiz = here.window([], here.memento, () => localTime(5, 12));
    await answer(quiz, 'a/1', Rating.Good, localTime(5, 9), 'r1');
    const exported = await quiz.current();
    await quiz.reset();
    const merged = await quiz.importProgress(exported);
    assert.deepEqual(merged, exported);
    assert.deepEqual(await here.window().current(), exported);
    assert.deepEqual(await quiz.importProgress(exported), exported, 'importing twice changes nothing');
  });
});
