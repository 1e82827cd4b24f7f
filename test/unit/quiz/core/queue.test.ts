import assert from 'node:assert/strict';
import type { Card } from 'ts-fsrs';
import { buildQueue, countTodaysReviews, startOfStudyDay, studyDayKey, type QueueCard } from '../../../../src/quiz/core/queue';
import { QuizScheduler, Rating, State, type QuizReview } from '../../../../src/quiz/core/scheduler';
import { DAY, localTime, MINUTE, reviewCardDueAt } from './fixtures';

const scheduler = new QuizScheduler();
const now = localTime(10, 12);

const deck: QueueCard[] = [
  { id: 'a/1', topic: 'a' },
  { id: 'a/2', topic: 'a' },
  { id: 'b/1', topic: 'b' },
  { id: 'a/3', topic: 'a' },
  { id: 'b/2', topic: 'b' },
  { id: 'c/1', topic: 'c' },
  { id: 'c/2', topic: 'c' },
];

function learningCardDueAt(due: Date): Card {
  const { state } = scheduler.rate('x', undefined, Rating.Again, new Date(due.getTime() - MINUTE));
  return { ...state, due };
}

/** A log entry from earlier today for a card in the given state (only time, card and state matter here). */
function todaysReview(cardId: string, state: State, at = localTime(10, 9)): QuizReview {
  const review = scheduler.rate(cardId, undefined, Rating.Good, at).review;
  return { ...review, state };
}

const ids = (queue: ReturnType<typeof buildQueue>) => queue.entries.map((entry) => `${entry.cardId}:${entry.reason}`);

describe('buildQueue', () => {
  const states: Record<string, Card> = {
    'a/2': reviewCardDueAt(scheduler, new Date(now.getTime() - 1 * DAY)),
    'b/1': reviewCardDueAt(scheduler, new Date(now.getTime() - 3 * DAY)),
    'c/1': learningCardDueAt(new Date(now.getTime() - 2 * MINUTE)),
    'c/2': reviewCardDueAt(scheduler, new Date(now.getTime() + 2 * DAY)),
  };

  it('puts due cards first, most overdue first, then new cards interleaved across topics', () => {
    const queue = buildQueue(deck, states, [], now);
    assert.deepEqual(ids(queue), ['b/1:review', 'a/2:review', 'c/1:learning', 'a/1:new', 'b/2:new', 'a/3:new']);
    assert.equal(queue.nextDueAt?.getTime(), now.getTime() + 2 * DAY);
  });

  it('introduces new cards one topic after another, in the given topic order, round by round', () => {
    const queue = buildQueue(deck, {}, [], now, { topicOrder: ['c', 'b'] });
    assert.deepEqual(ids(queue), ['c/1:new', 'b/1:new', 'a/1:new', 'c/2:new', 'b/2:new', 'a/2:new', 'a/3:new']);
  });

  it('limits new cards by the ones already started today', () => {
    const log = [todaysReview('a/1', State.New), todaysReview('a/1', State.Learning), todaysReview('b/2', State.New)];
    const queue = buildQueue(deck, states, log, now, { newPerDay: 3 });
    assert.deepEqual(ids(queue), ['b/1:review', 'a/2:review', 'c/1:learning', 'a/1:new']);
    assert.equal(queue.newLeftToday, 0);
  });

  it('limits review cards by today’s reviews but always shows due learning cards', () => {
    const log = [todaysReview('z/1', State.Review), todaysReview('z/2', State.Review)];
    const queue = buildQueue(deck, states, log, now, { reviewsPerDay: 3, newPerDay: 0 });
    assert.deepEqual(ids(queue), ['b/1:review', 'c/1:learning']);
    assert.equal(queue.reviewsLeftToday, 0);
    // a/2 was held back by the limit, so more is available from the next study day (4 a.m. tomorrow).
    assert.equal(queue.nextDueAt?.getTime(), localTime(11, 4).getTime());
  });

  it('counts only reviews since the rollover hour toward today', () => {
    const log = [todaysReview('a/1', State.New, localTime(10, 3, 59)), todaysReview('b/2', State.New, localTime(10, 4))];
    assert.deepEqual(countTodaysReviews(log, now, 4), { newStarted: 1, reviewsDone: 0 });
    assert.deepEqual(countTodaysReviews(log, now, 0), { newStarted: 2, reviewsDone: 0 });
  });

  it('filters by topic', () => {
    const queue = buildQueue(deck, states, [], now, { topics: ['b', 'c'] });
    assert.deepEqual(ids(queue), ['b/1:review', 'c/1:learning', 'b/2:new']);
  });

  it('says when the next card is due once nothing is left', () => {
    const studied: Record<string, Card> = {
      'a/1': reviewCardDueAt(scheduler, new Date(now.getTime() + 5 * DAY)),
      'b/1': reviewCardDueAt(scheduler, new Date(now.getTime() + 1 * DAY)),
    };
    const queue = buildQueue(deck.slice(0, 1).concat(deck[2]), studied, [], now);
    assert.deepEqual(queue.entries, []);
    assert.equal(queue.nextDueAt?.getTime(), now.getTime() + DAY);
  });

  it('has no next due date for an empty deck', () => {
    assert.equal(buildQueue([], {}, [], now).nextDueAt, undefined);
  });

  it('practises ahead: due cards regardless of the review limit, then cards not yet due, soonest first', () => {
    const ahead: Record<string, Card> = {
      ...states,
      'a/1': reviewCardDueAt(scheduler, new Date(now.getTime() + 5 * DAY)),
      'a/3': reviewCardDueAt(scheduler, new Date(now.getTime() + 1 * DAY)),
    };
    const queue = buildQueue(deck, ahead, [], now, { practiseAhead: true, reviewsPerDay: 1, newPerDay: 0 });
    assert.deepEqual(ids(queue), ['b/1:review', 'a/2:review', 'c/1:learning', 'a/3:ahead', 'c/2:ahead', 'a/1:ahead']);
  });

  it('orders a 10,000-card deck', () => {
    const many: QueueCard[] = Array.from({ length: 10_000 }, (_, index) => ({ id: `t${index % 6}/card-${index}`, topic: `t${index % 6}` }));
    const manyStates: Record<string, Card> = {};
    const template = reviewCardDueAt(scheduler, now);
    many.forEach((card, index) => {
      if (index % 2 === 0) manyStates[card.id] = { ...template, due: new Date(now.getTime() + (index - 5_000) * MINUTE) };
    });
    const queue = buildQueue(many, manyStates, [], now, { reviewsPerDay: 10_000, newPerDay: 10_000 });
    assert.equal(queue.entries.length, 2_501 + 5_000); // even indices up to 5,000 are due, odd ones are new
    assert.equal(queue.entries[0].cardId, 't0/card-0');
  });
});

describe('study days', () => {
  it('start at the rollover hour in local time', () => {
    assert.equal(startOfStudyDay(localTime(10, 12), 4).getTime(), localTime(10, 4).getTime());
    assert.equal(startOfStudyDay(localTime(10, 3), 4).getTime(), localTime(9, 4).getTime());
    assert.equal(startOfStudyDay(localTime(1, 2), 4).getTime(), new Date(2024, 11, 31, 4).getTime());
  });

  it('are keyed by the date they began', () => {
    assert.equal(studyDayKey(localTime(10, 3), 4), '2025-01-09');
    assert.equal(studyDayKey(localTime(10, 4), 4), '2025-01-10');
  });
});
