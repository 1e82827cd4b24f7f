// The queue is built from an index of the cards over their states (typed arrays, cached per states record) and sorts
// with packed numeric keys. These tests hold it equal to the straightforward algorithm it replaced, kept here as the
// reference, over generated decks and settings, and check that the cached index follows every change of its inputs.
import assert from 'node:assert/strict';
import type { Card } from 'ts-fsrs';
import {
  buildQueue,
  countTodaysReviews,
  DEFAULT_QUEUE_SETTINGS,
  startOfNextStudyDay,
  type QueueCard,
  type QueueEntry,
  type QueueSettings,
  type SessionQueue,
} from '../../../../src/quiz/core/queue';
import { QuizScheduler, Rating, State, type QuizReview } from '../../../../src/quiz/core/scheduler';
import { DAY, localTime, MINUTE, reviewCardDueAt } from './fixtures';

const scheduler = new QuizScheduler();
const now = localTime(10, 12);

/** The queue as it was built before the index: one object per due card, a comparator sort, every new card listed. */
function referenceQueue(
  cards: readonly QueueCard[],
  states: Readonly<Record<string, Card | undefined>>,
  log: readonly QuizReview[],
  at: Date,
  settings: Partial<QueueSettings> = {},
): SessionQueue {
  const options: QueueSettings = { ...DEFAULT_QUEUE_SETTINGS, ...settings };
  const topicFilter = options.topics ? new Set(options.topics) : undefined;
  const nowMs = at.getTime();
  const today = countTodaysReviews(log, at, options.rolloverHour);
  let newLeft = Math.max(0, options.newPerDay - today.newStarted);
  let reviewsLeft = Math.max(0, options.reviewsPerDay - today.reviewsDone);
  const ranks = new Map<string, number>();
  for (const topic of options.topicOrder ?? []) if (!ranks.has(topic)) ranks.set(topic, ranks.size);
  for (const card of cards) if (!ranks.has(card.topic)) ranks.set(card.topic, ranks.size);
  type Scheduled = { cardId: string; due: number; learning: boolean; position: number };
  const byDue = (a: Scheduled, b: Scheduled) => a.due - b.due || a.position - b.position;
  const due: Scheduled[] = [];
  const notYetDue: Scheduled[] = [];
  let soonestNotYetDue = Infinity;
  const newByRank: string[][] = [];
  cards.forEach((card, position) => {
    if (topicFilter && !topicFilter.has(card.topic)) return;
    const raw = states[card.id];
    const state = raw !== undefined && raw.state !== State.New ? raw : undefined;
    if (state === undefined) {
      (newByRank[ranks.get(card.topic) ?? 0] ??= []).push(card.id);
      return;
    }
    const dueMs = state.due.getTime();
    const scheduled = { cardId: card.id, due: dueMs, learning: state.state !== State.Review, position };
    if (dueMs <= nowMs) due.push(scheduled);
    else {
      soonestNotYetDue = Math.min(soonestNotYetDue, dueMs);
      if (options.practiseAhead) notYetDue.push(scheduled);
    }
  });
  const entries: QueueEntry[] = [];
  let heldBack = false;
  for (const card of due.sort(byDue)) {
    if (card.learning) entries.push({ cardId: card.cardId, reason: 'learning' });
    else if (reviewsLeft > 0 || options.practiseAhead) {
      entries.push({ cardId: card.cardId, reason: 'review' });
      reviewsLeft = Math.max(0, reviewsLeft - 1);
    } else heldBack = true;
  }
  const lists = newByRank.filter((ids) => ids !== undefined && ids.length > 0);
  introduce: for (let round = 0; lists.length > 0; round++) {
    let taken = false;
    for (const ids of lists) {
      const cardId = ids[round];
      if (cardId === undefined) continue;
      taken = true;
      if (newLeft === 0) {
        heldBack = true;
        break introduce;
      }
      entries.push({ cardId, reason: 'new' });
      newLeft -= 1;
    }
    if (!taken) break;
  }
  if (options.practiseAhead) entries.push(...notYetDue.sort(byDue).map((card): QueueEntry => ({ cardId: card.cardId, reason: 'ahead' })));
  const soonest = Math.min(soonestNotYetDue, heldBack ? startOfNextStudyDay(at, options.rolloverHour).getTime() : Infinity);
  return { entries, nextDueAt: Number.isFinite(soonest) ? new Date(soonest) : undefined, newLeftToday: newLeft, reviewsLeftToday: reviewsLeft };
}

/** A small deterministic generator (mulberry32), so a failing deck can be rebuilt from its seed. */
function random(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let t = value;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const reviewTemplate = reviewCardDueAt(scheduler, now);
const learningTemplate = scheduler.rate('x', undefined, Rating.Again, new Date(now.getTime() - MINUTE)).state;
const newTemplate: Card = { ...reviewTemplate, state: State.New };

/**
 * A deck of `size` cards over a few topics, grouped or interleaved, with new, learning, review and explicitly New
 * states whose due times repeat (ties) and spread over `spanDays` around now, and states of cards not in the deck.
 */
function generatedDeck(seed: number, size: number, spanDays: number) {
  const next = random(seed);
  const topicCount = 1 + Math.floor(next() * 7);
  const grouped = next() < 0.5;
  const cards: QueueCard[] = [];
  const states: Record<string, Card> = {};
  const dueChoices = Array.from({ length: 12 }, () => Math.round((next() - 0.6) * spanDays * DAY));
  for (let i = 0; i < size; i++) {
    const topic = `t${grouped ? Math.floor((i * topicCount) / size) : Math.floor(next() * topicCount)}`;
    const card = { id: `${topic}/c${i}`, topic };
    cards.push(card);
    const roll = next();
    const due = new Date(now.getTime() + dueChoices[Math.floor(next() * dueChoices.length)]);
    if (roll < 0.3) continue;
    if (roll < 0.35) states[card.id] = { ...newTemplate, due };
    else if (roll < 0.55) states[card.id] = { ...learningTemplate, state: roll < 0.45 ? State.Learning : State.Relearning, due };
    else states[card.id] = { ...reviewTemplate, due };
  }
  states['gone/c0'] = { ...reviewTemplate, due: new Date(now.getTime() - DAY) };
  const log: QuizReview[] = [];
  for (let i = 0; i < Math.floor(next() * 6); i++) {
    const review = scheduler.rate(cards[i % cards.length].id, undefined, Rating.Good, new Date(now.getTime() - (6 - i) * MINUTE)).review;
    log.push({ ...review, state: next() < 0.5 ? State.New : State.Review });
  }
  return { cards, states, log, topicCount };
}

describe('buildQueue over its index', () => {
  it('equals the reference algorithm on generated decks, for every kind of setting', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const next = random(seed * 7919);
      // A span of a few days packs (due, position) into one number; thousands of years take the comparator instead.
      const spanDays = seed % 5 === 0 ? 3_000_000 : 1 + Math.floor(next() * 60);
      const { cards, states, log, topicCount } = generatedDeck(seed, 1 + Math.floor(next() * 300), spanDays);
      const variants: Partial<QueueSettings>[] = [
        {},
        { newPerDay: Math.floor(next() * 8), reviewsPerDay: Math.floor(next() * 30) },
        { newPerDay: 0, reviewsPerDay: 0 },
        { topics: [`t${Math.floor(next() * topicCount)}`, 'nowhere'], reviewsPerDay: 5 },
        { topicOrder: [`t${topicCount - 1}`, 'nowhere', 't0', `t${topicCount - 1}`], newPerDay: 9 },
        { practiseAhead: true, reviewsPerDay: Math.floor(next() * 10), newPerDay: 3 },
        { rolloverHour: 0, reviewsPerDay: 1_000, newPerDay: 1_000 },
      ];
      for (const settings of variants) {
        const context = `seed ${seed}, settings ${JSON.stringify(settings)}`;
        assert.deepEqual(buildQueue(cards, states, log, now, settings), referenceQueue(cards, states, log, now, settings), context);
      }
    }
  });

  it('puts equal due times in deck order, in both sorts and across the review limit', () => {
    const cards: QueueCard[] = Array.from({ length: 8 }, (_, i) => ({ id: `a/${i}`, topic: 'a' }));
    const sameDue = new Date(now.getTime() - DAY);
    const states: Record<string, Card> = {};
    // Positions 7, 5, 3, 1 are due at the same moment, 6 earlier; 0, 2, 4 are learning at the same moment.
    for (const i of [7, 5, 3, 1]) states[`a/${i}`] = { ...reviewTemplate, due: sameDue };
    states['a/6'] = { ...reviewTemplate, due: new Date(sameDue.getTime() - MINUTE) };
    for (const i of [4, 2, 0]) states[`a/${i}`] = { ...learningTemplate, due: sameDue };
    const ids = (queue: SessionQueue) => queue.entries.map((entry) => `${entry.cardId}:${entry.reason}`);
    assert.deepEqual(ids(buildQueue(cards, states, [], now, { reviewsPerDay: 3 })), [
      'a/6:review',
      'a/0:learning',
      'a/1:review',
      'a/2:learning',
      'a/3:review',
      'a/4:learning',
    ]);
    // The same with due times a million years apart, where (due, position) no longer packs into one number.
    const wide: Record<string, Card> = { ...states, 'a/6': { ...reviewTemplate, due: new Date(-8.64e15) } };
    assert.deepEqual(ids(buildQueue(cards, wide, [], now, { reviewsPerDay: 3 })), [
      'a/6:review',
      'a/0:learning',
      'a/1:review',
      'a/2:learning',
      'a/3:review',
      'a/4:learning',
    ]);
  });
});

describe('the cached queue index', () => {
  const cards: QueueCard[] = [
    { id: 'a/1', topic: 'a' },
    { id: 'a/2', topic: 'a' },
    { id: 'b/1', topic: 'b' },
  ];
  const ids = (queue: SessionQueue) => queue.entries.map((entry) => `${entry.cardId}:${entry.reason}`);

  it('serves a rebuilt list of the same cards from the index, and a changed list from a new one', () => {
    const states: Record<string, Card> = { 'a/2': { ...reviewTemplate, due: new Date(now.getTime() - DAY) } };
    assert.deepEqual(ids(buildQueue(cards, states, [], now)), ['a/2:review', 'a/1:new', 'b/1:new']);
    // Callers rebuild the list each time: equal cards in new objects.
    const rebuilt = cards.map((card) => ({ ...card }));
    assert.deepEqual(ids(buildQueue(rebuilt, states, [], now)), ['a/2:review', 'a/1:new', 'b/1:new']);
    // Another card at a position, a card moved to another topic, a card more, a card less: each seen.
    // (each right after a call with the original list, so that it meets the index of the original).
    assert.deepEqual(ids(buildQueue([cards[0], { id: 'a/2', topic: 'b' }, cards[2]], states, [], now, { topics: ['a'] })), ['a/1:new']);
    assert.deepEqual(ids(buildQueue(cards, states, [], now)), ['a/2:review', 'a/1:new', 'b/1:new']);
    assert.deepEqual(ids(buildQueue([cards[0], { id: 'b/9', topic: 'b' }, cards[2]], states, [], now)), ['a/1:new', 'b/9:new', 'b/1:new']);
    assert.deepEqual(ids(buildQueue(cards, states, [], now)), ['a/2:review', 'a/1:new', 'b/1:new']);
    assert.deepEqual(ids(buildQueue([...cards, { id: 'c/1', topic: 'c' }], states, [], now)), ['a/2:review', 'a/1:new', 'b/1:new', 'c/1:new']);
    assert.deepEqual(ids(buildQueue(cards, states, [], now)), ['a/2:review', 'a/1:new', 'b/1:new']);
    assert.deepEqual(ids(buildQueue(cards.slice(1), states, [], now)), ['a/2:review', 'b/1:new']);
    // And back to the first list over the same states.
    assert.deepEqual(ids(buildQueue(cards, states, [], now)), ['a/2:review', 'a/1:new', 'b/1:new']);
  });

  it('follows the progress: a new states record after a review, and a later moment over the same record', () => {
    const before: Record<string, Card> = { 'a/2': { ...reviewTemplate, due: new Date(now.getTime() + 2 * DAY) } };
    assert.deepEqual(ids(buildQueue(cards, before, [], now)), ['a/1:new', 'b/1:new']);
    assert.equal(buildQueue(cards, before, [], now).nextDueAt?.getTime(), now.getTime() + 2 * DAY);
    // The progress store makes a new record for every review, as here for a/1 answered Again.
    const after: Record<string, Card> = { ...before, 'a/1': { ...learningTemplate, due: new Date(now.getTime() - MINUTE) } };
    assert.deepEqual(ids(buildQueue(cards, after, [], now)), ['a/1:learning', 'b/1:new']);
    // The record before the review still gives its own queue.
    assert.deepEqual(ids(buildQueue(cards, before, [], now)), ['a/1:new', 'b/1:new']);
    // Three days on, a/2 is due from the same record and the same list.
    const later = new Date(now.getTime() + 3 * DAY);
    assert.deepEqual(ids(buildQueue(cards, after, [], later)), ['a/1:learning', 'a/2:review', 'b/1:new']);
  });
});
