import assert from 'node:assert/strict';
import type { Card } from 'ts-fsrs';
import {
  computeProgressStats,
  emptyProgress,
  exportProgressJson,
  loadProgress,
  mergeProgress,
  PROGRESS_VERSION,
  recordReview,
  serializeProgress,
  type QuizProgress,
} from '../../../../src/quiz/core/progressStore';
import { QuizScheduler, Rating, type Grade, type QuizReview } from '../../../../src/quiz/core/scheduler';
import { DAY, localTime, MINUTE } from './fixtures';

const scheduler = new QuizScheduler();

/** Answers cards in sequence, as one window would, recording every review. */
function study(progress: QuizProgress, answers: readonly [cardId: string, rating: Grade, at: Date, id: string][]): QuizProgress {
  return answers.reduce((current, [cardId, rating, at, id]) => {
    const { state, review } = scheduler.rate(cardId, current.cards[cardId], rating, at, id);
    return recordReview(current, state, review);
  }, progress);
}

const base = study(emptyProgress(), [
  ['t/a', Rating.Good, localTime(1, 10), 'base-1'],
  ['t/a', Rating.Good, localTime(1, 10, 10), 'base-2'],
  ['t/b', Rating.Easy, localTime(1, 11), 'base-3'],
]);

describe('progress store: load and save', () => {
  it('round-trips through the stored JSON form with dates as ISO strings', () => {
    const stored = serializeProgress(base);
    assert.equal(typeof stored.cards['t/a'].due, 'string');
    assert.equal(stored.log[0].review, localTime(1, 10).toISOString());
    const text = JSON.stringify(stored);
    for (const raw of [stored, text, JSON.parse(text) as unknown]) {
      const loaded = loadProgress(raw);
      assert.ok(loaded.ok);
      assert.deepEqual(loaded.progress, base);
    }
  });

  it('starts empty, without a message, when nothing was stored', () => {
    assert.deepEqual(loadProgress(undefined), { ok: true, progress: emptyProgress() });
    assert.deepEqual(loadProgress(null), { ok: true, progress: emptyProgress() });
  });

  function assertRecovered(raw: unknown, messagePart: RegExp): void {
    const result = loadProgress(raw);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.unreadableCopy, raw, 'the raw data is handed back untouched');
    assert.deepEqual(result.progress, emptyProgress());
    assert.match(result.message, messagePart);
    assert.match(result.message, /copy of the unreadable data has been kept/);
  }

  it('keeps a truncated JSON string and explains', () => {
    const text = JSON.stringify(serializeProgress(base));
    assertRecovered(text.slice(0, text.length / 2), /not valid JSON/);
  });

  it('keeps data of the wrong types and names the field', () => {
    const stored = serializeProgress(base);
    const broken = { ...stored, cards: { ...stored.cards, 't/a': { ...stored.cards['t/a'], due: 5 } } };
    assertRecovered(broken, /cards\["t\/a"\]\.due/);
    assertRecovered({ ...stored, log: 'nope' }, /^Quiz progress could not be read: log: /);
    assertRecovered(42, /expected object/);
  });

  it('keeps data from a newer version and says to update', () => {
    assertRecovered({ ...serializeProgress(base), version: PROGRESS_VERSION + 1 }, /newer version of the extension \(format 2; this one reads format 1\)/);
  });

  it('puts a hand-edited log back in time order', () => {
    const stored = serializeProgress(base);
    const loaded = loadProgress({ ...stored, log: [stored.log[2], stored.log[0], stored.log[1]] });
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.progress.log.map((review) => review.id), ['base-1', 'base-2', 'base-3']);
  });

  it('records a review without changing the earlier progress', () => {
    const before = JSON.stringify(serializeProgress(base));
    study(base, [['t/c', Rating.Good, localTime(2, 9), 'x']]);
    assert.equal(JSON.stringify(serializeProgress(base)), before);
  });

  it('exports JSON that loads back', () => {
    const exported = exportProgressJson(base, localTime(5, 12));
    assert.equal((JSON.parse(exported) as { exportedAt: string }).exportedAt, localTime(5, 12).toISOString());
    const loaded = loadProgress(exported);
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.progress, base);
  });
});

describe('progress store: merging two windows', () => {
  // Window A and window B both start from `base` and review concurrently, including the same card t/a.
  const windowA = study(base, [
    ['t/a', Rating.Good, localTime(3, 9), 'a-1'],
    ['t/c', Rating.Again, localTime(3, 9, 5), 'a-2'],
  ]);
  const windowB = study(base, [
    ['t/a', Rating.Hard, localTime(3, 9, 2), 'b-1'],
    ['t/b', Rating.Good, localTime(3, 9, 3), 'b-2'],
  ]);

  const reviewIds = (progress: QuizProgress) => progress.log.map((review) => review.id);

  it('keeps every review from both, once, in time order', () => {
    const merged = mergeProgress(windowA, windowB, scheduler);
    assert.deepEqual(reviewIds(merged), ['base-1', 'base-2', 'base-3', 'a-1', 'b-1', 'b-2', 'a-2']);
  });

  it('does not depend on the order of the arguments', () => {
    assert.deepEqual(mergeProgress(windowA, windowB, scheduler), mergeProgress(windowB, windowA, scheduler));
  });

  it('re-derives a card reviewed in both windows by replaying all its reviews', () => {
    const merged = mergeProgress(windowA, windowB, scheduler);
    const reviewsOfA = merged.log.filter((review) => review.cardId === 't/a');
    assert.deepEqual(merged.cards['t/a'], scheduler.replay('t/a', reviewsOfA).state);
    assert.equal(merged.cards['t/a'].reps, 4);
    assert.equal(merged.cards['t/a'].last_review?.getTime(), localTime(3, 9, 2).getTime());
  });

  it('keeps the state of a card only one window touched', () => {
    const merged = mergeProgress(windowA, windowB, scheduler);
    assert.deepEqual(merged.cards['t/c'], windowA.cards['t/c']);
    assert.deepEqual(merged.cards['t/b'], windowB.cards['t/b']);
  });

  it('is idempotent and absorbs an older copy', () => {
    assert.deepEqual(mergeProgress(windowA, windowA, scheduler), windowA);
    assert.deepEqual(mergeProgress(base, windowA, scheduler), windowA);
    assert.deepEqual(mergeProgress(emptyProgress(), windowB, scheduler), windowB);
  });

  it('merges three windows to the same result in any grouping', () => {
    const windowC = study(base, [['t/d', Rating.Easy, localTime(3, 9, 1), 'c-1']]);
    const left = mergeProgress(mergeProgress(windowA, windowB, scheduler), windowC, scheduler);
    const right = mergeProgress(windowA, mergeProgress(windowC, windowB, scheduler), scheduler);
    assert.deepEqual(left, right);
    assert.equal(left.log.length, base.log.length + 5);
  });
});

describe('progress store: statistics', () => {
  const now = localTime(10, 12);
  const deck = [
    { id: 't/a', topic: 't' },
    { id: 't/b', topic: 't' },
    { id: 't/new', topic: 't' },
    { id: 'u/a', topic: 'u' },
  ];
  const mature: Card = { ...base.cards['t/b'], stability: 30, due: new Date(now.getTime() + 10 * DAY) };
  const review = (cardId: string, rating: Grade, at: Date, state: Card['state']): QuizReview => ({
    ...scheduler.rate(cardId, undefined, rating, at, `${cardId}@${at.getTime()}`).review,
    state,
  });
  const progress: QuizProgress = {
    version: PROGRESS_VERSION,
    cards: {
      't/a': { ...base.cards['t/a'], due: new Date(now.getTime() - DAY) },
      't/b': mature,
      'u/a': { ...scheduler.rate('u/a', undefined, Rating.Again, now).state, due: new Date(now.getTime() - MINUTE) },
    },
    log: [
      review('t/a', Rating.Good, localTime(10, 9), 2),
      review('t/b', Rating.Again, localTime(10, 9, 1), 2),
      review('t/b', Rating.Good, localTime(9, 20), 2),
      review('u/a', Rating.Again, localTime(9, 3), 0), // before 4 a.m.: counts for January 8
      review('t/a', Rating.Easy, localTime(1, 12), 2), // outside a 7-day window
    ],
  };

  it('counts reviews per study day, oldest first', () => {
    const stats = computeProgressStats(progress, deck, now, { days: 3 });
    assert.deepEqual(stats.reviewsPerDay, [
      { day: '2025-01-08', count: 1 },
      { day: '2025-01-09', count: 1 },
      { day: '2025-01-10', count: 2 },
    ]);
  });

  it('gives retention as the share of review-state answers not rated Again, within the window', () => {
    assert.deepEqual(computeProgressStats(progress, deck, now, { days: 7 }).retention, { reviews: 3, passed: 2, rate: 2 / 3 });
    assert.deepEqual(computeProgressStats(progress, deck, now, { days: 30 }).retention, { reviews: 4, passed: 3, rate: 3 / 4 });
    assert.equal(computeProgressStats(emptyProgress(), deck, now).retention.rate, undefined);
  });

  it('counts the deck’s cards by state, unseen cards as new', () => {
    assert.deepEqual(computeProgressStats(progress, deck, now).cardsByState, { new: 1, learning: 1, review: 2, relearning: 0 });
  });

  it('gives per-topic mastery (stability of 21 days or more) and due counts', () => {
    const { topics } = computeProgressStats(progress, deck, now);
    assert.deepEqual(topics, [
      { topic: 't', cards: 3, newCards: 1, due: 1, mastered: 1, mastery: 1 / 3 },
      { topic: 'u', cards: 1, newCards: 0, due: 1, mastered: 0, mastery: 0 },
    ]);
    const stricter = computeProgressStats(progress, deck, now, { masteryStabilityDays: 31 }).topics[0];
    assert.equal(stricter.mastered, 0);
  });
});
