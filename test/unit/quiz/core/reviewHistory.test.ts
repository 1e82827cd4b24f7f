import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { reviewToRow, ReviewHistoryFile, rowToReview } from '../../../../src/quiz/core/reviewHistory';
import { QuizScheduler, Rating } from '../../../../src/quiz/core/scheduler';
import { localTime, MINUTE, reviewHistory } from './fixtures';

const scheduler = new QuizScheduler();
const sample = reviewHistory(scheduler, 'a/1', [Rating.Good, Rating.Again, Rating.Easy], localTime(5, 9), 30 * MINUTE, 'r').reviews;
const line = (index: number) => `${JSON.stringify(reviewToRow(sample[index]))}\n`;

describe('review history file', () => {
  let folder: string;
  let file: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mlip-history-'));
    file = path.join(folder, 'nested', 'quiz-history.jsonl');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a review as one line and reads it back exactly', async () => {
    const history = new ReviewHistoryFile(file);
    assert.deepEqual((await history.read()).reviews, []);
    await history.append({ reviews: [sample[0]] });
    assert.equal(readFileSync(file, 'utf8'), line(0));
    assert.deepEqual(rowToReview(reviewToRow(sample[0])), sample[0]);
    assert.deepEqual((await new ReviewHistoryFile(file).read()).reviews, [sample[0]]);
  });

  it('picks up what another window appended, reading only the new lines, and keeps a snapshot while nothing changes', async () => {
    const mine = new ReviewHistoryFile(file);
    const theirs = new ReviewHistoryFile(file);
    await mine.append({ reviews: [sample[0]] });
    const first = await mine.read();
    assert.equal(await mine.read(), first, 'the same snapshot while the file is unchanged');
    await theirs.append({ reviews: [sample[2], sample[1]] });
    const second = await mine.read();
    assert.notEqual(second, first);
    assert.deepEqual(second.reviews.map((review) => review.id), ['r#0', 'r#1', 'r#2'], 'kept in time order');
  });

  it('reads each id once, and leaves out reviews taken back, even when the review line comes again later', async () => {
    const history = new ReviewHistoryFile(file);
    await history.append({ reviews: [sample[0], sample[1], sample[0]] });
    await history.append({ undone: ['r#1'] });
    await history.append({ reviews: [sample[1], sample[2]] });
    const read = await new ReviewHistoryFile(file).read();
    assert.deepEqual(read.reviews.map((review) => review.id), ['r#0', 'r#2']);
    assert.deepEqual([...read.undone], ['r#1']);
  });

  it('waits for a line another window is still writing, and skips an unreadable line without touching the file', async () => {
    const history = new ReviewHistoryFile(file);
    await history.append({ reviews: [sample[0]] });
    const torn = line(1);
    appendFileSync(file, torn.slice(0, 20));
    assert.deepEqual((await history.read()).reviews.map((review) => review.id), ['r#0']);
    appendFileSync(file, `${torn.slice(20)}{"not":"a review"}\n[1,2]\n${line(2)}`);
    const read = await history.read();
    assert.deepEqual(read.reviews.map((review) => review.id), ['r#0', 'r#1', 'r#2']);
    assert.equal(read.unreadableLines, 2);
    assert.equal(readFileSync(file, 'utf8'), `${line(0)}${torn}{"not":"a review"}\n[1,2]\n${line(2)}`);
  });

  it('falls back to line by line when a line is not JSON', async () => {
    writeFileSync(path.join(folder, 'log.jsonl'), `${line(0)}{oops\n${line(1)}`);
    const read = await new ReviewHistoryFile(path.join(folder, 'log.jsonl')).read();
    assert.deepEqual(read.reviews.map((review) => review.id), ['r#0', 'r#1']);
    assert.equal(read.unreadableLines, 1);
  });

  it('replaces the log at once; another window then reads the new file from its start', async () => {
    const mine = new ReviewHistoryFile(file);
    const theirs = new ReviewHistoryFile(file);
    await mine.append({ reviews: sample });
    assert.equal((await theirs.read()).reviews.length, 3);
    await mine.replace({ reviews: [sample[2]] });
    assert.deepEqual((await theirs.read()).reviews.map((review) => review.id), ['r#2']);
    await mine.replace({});
    assert.deepEqual((await theirs.read()).reviews, []);
    assert.equal(readFileSync(file, 'utf8'), '');
  });

  it('keeps each card\'s latest state and the latest reset mark; a new-again card has no state', async () => {
    const history = new ReviewHistoryFile(file);
    const first = scheduler.rate('a/1', undefined, Rating.Good, localTime(5, 9)).state;
    const second = scheduler.rate('a/1', first, Rating.Again, localTime(5, 10)).state;
    await history.append({ states: [['a/1', first], ['b/1', first]], reset: { before: 5, stamp: 9 } });
    await history.append({ states: [['a/1', second], ['b/1', undefined]], reset: { before: 7, stamp: 3 } });
    const read = await new ReviewHistoryFile(file).read();
    assert.deepEqual([...read.cards], [['a/1', second]]);
    assert.deepEqual(read.reset, { before: 5, stamp: 9 }, 'the mark with the later stamp');
    assert.equal(read.unreadableLines, 0);
    appendFileSync(file, '{"card":"c/1","state":["damaged"]}\n');
    assert.equal((await history.read()).unreadableLines, 1);
  });

  it('rejects rows with a wrong field rather than reading a wrong review', () => {
    const row = reviewToRow(sample[0]);
    for (const [index, bad] of [[0, ''], [2, 7], [3, 'noon'], [4, 9], [8, -1], [11, 0.5]] as const) {
      const broken = [...row];
      broken[index] = bad;
      assert.equal(rowToReview(broken), undefined, `field ${index}`);
    }
    assert.equal(rowToReview(row.slice(0, 11)), undefined);
  });
});
