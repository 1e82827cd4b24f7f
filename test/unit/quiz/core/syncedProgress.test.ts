import assert from 'node:assert/strict';
import type { Card } from 'ts-fsrs';
import { MOCK_REPORTS_SYNC_BUDGET_BYTES } from '../../../../src/mock/core/mockStore';
import { cardToRow, decodeSynced, encodeSynced, NO_RESET, rowToCard, SYNC_LIMIT_BYTES, SYNCED_PROGRESS_BUDGET_BYTES } from '../../../../src/quiz/core/syncedProgress';
import { QuizScheduler, Rating, type QuizReview } from '../../../../src/quiz/core/scheduler';
import { DAY, localTime } from './fixtures';

const scheduler = new QuizScheduler();
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Years of daily use: 300,000 reviews over 20,000 cards and three years, card ids as long as the built-in ones. */
function yearsOfUse(): { cards: Record<string, Card>; log: QuizReview[] } {
  const cards: Record<string, Card> = {};
  const log: QuizReview[] = [];
  const start = localTime(1, 9).getTime();
  const { state, review } = scheduler.rate('x', undefined, Rating.Good, new Date(start));
  for (let index = 0; index < 300_000; index += 1) {
    const cardId = `builtin/transformers-llms/topic-${index % 2_000}/card-${index % 10}`;
    const at = new Date(start + Math.floor((index / 300_000) * 3 * 365 * DAY));
    log.push({ ...review, cardId, review: at, id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` });
    cards[cardId] = { ...state, last_review: at, due: new Date(at.getTime() + 3 * DAY) };
  }
  return { cards, log };
}

describe('synced progress', () => {
  it('round-trips a card state exactly', () => {
    const { state } = scheduler.rate('a/1', undefined, Rating.Hard, localTime(5, 9));
    assert.deepEqual(rowToCard(cardToRow(state)), state);
    const fresh = scheduler.newCardState(localTime(5, 9));
    assert.deepEqual(rowToCard(cardToRow(fresh)), fresh);
    assert.equal(rowToCard([1, 2, 3]), undefined);
  });

  it('stays within its budget with 300,000 reviews, keeping the newest reviews and the most recently reviewed cards', () => {
    const progress = yearsOfUse();
    const form = encodeSynced(progress, NO_RESET, []);
    assert.ok(bytes(form) <= SYNCED_PROGRESS_BUDGET_BYTES, `${bytes(form)} bytes`);
    assert.ok(form.reviews.length > 100, `${form.reviews.length} reviews`);
    assert.ok(Object.keys(form.cards).length > 100, `${Object.keys(form.cards).length} cards`);
    assert.deepEqual(form.reviews.map((row) => row[0]), progress.log.slice(-form.reviews.length).map((review) => review.id), 'the newest reviews, oldest first');
    const newest = progress.log[progress.log.length - 1];
    assert.ok(form.cards[newest.cardId], 'the card answered last is there');
    const decoded = decodeSynced(JSON.parse(JSON.stringify(form)));
    assert.deepEqual(decoded.cards.get(newest.cardId), progress.cards[newest.cardId]);
    assert.deepEqual(decoded.reviews[decoded.reviews.length - 1], { id: newest.id, cardId: newest.cardId, rating: newest.rating, review: newest.review });
  });

  it('carries everything of a small history', () => {
    const a = scheduler.rate('a/1', undefined, Rating.Good, localTime(5, 9), 'r1');
    const b = scheduler.rate('b/1', undefined, Rating.Again, localTime(5, 9, 1), 'r2');
    const form = encodeSynced({ cards: { 'a/1': a.state, 'b/1': b.state }, log: [a.review, b.review] }, { before: 5, stamp: 6 }, ['r0']);
    assert.deepEqual(form, {
      version: 1,
      reset: { before: 5, stamp: 6 },
      cards: { 'b/1': cardToRow(b.state), 'a/1': cardToRow(a.state) },
      reviews: [
        ['r1', 'a/1', Rating.Good, localTime(5, 9).getTime()],
        ['r2', 'b/1', Rating.Again, localTime(5, 9, 1).getTime()],
      ],
      undone: ['r0'],
    });
  });

  it('skips what it cannot read in another machine\'s copy and ignores a copy from a newer format', () => {
    const decoded = decodeSynced({ version: 1, reset: { before: 1, stamp: 2 }, cards: { good: cardToRow(scheduler.newCardState(localTime(5, 9))), bad: 'x' }, reviews: [['r1', 'a/1', 3, 5], ['r2', 'a/1', 9, 5], 'junk'], undone: ['u', 7] });
    assert.deepEqual([...decoded.cards.keys()], ['good']);
    assert.deepEqual(decoded.reviews.map((review) => review.id), ['r1']);
    assert.deepEqual([...decoded.undone], ['u']);
    assert.deepEqual(decoded.reset, { before: 1, stamp: 2 });
    assert.equal(decodeSynced({ version: 2, cards: {}, reviews: [], undone: [] }).reviews.length, 0);
    assert.equal(decodeSynced(undefined).cards.size, 0);
  });

  it('budgets every synced key under the design limit (quiz + mock reports by construction, the rest measured in another test)', () => {
    assert.ok(SYNCED_PROGRESS_BUDGET_BYTES + MOCK_REPORTS_SYNC_BUDGET_BYTES < SYNC_LIMIT_BYTES);
  });
});
