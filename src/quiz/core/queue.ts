// Builds the session queue: due cards first (most overdue first), then new cards interleaved across topics (in topic order), within the
// daily limits counted from today's reviews. Pure and linear in the number of cards: one pass joins the cards with
// their states into typed arrays (kept per states record, so later calls over the same progress skip the join), then
// a pass over those arrays, a packed numeric sort of the due cards, and only the first new cards of each topic.
import { State, type Card } from 'ts-fsrs';
import type { QuizReview } from './scheduler';

export interface QueueCard {
  id: string;
  topic: string;
}

export interface QueueSettings {
  newPerDay: number;
  /** Limits cards in the Review state; (re)learning cards due now are always shown, as in Anki. */
  reviewsPerDay: number;
  /** Local hour at which a new study day starts (Anki's default is 4 a.m.). */
  rolloverHour: number;
  /** Only cards of these topics; undefined means all. */
  topics?: readonly string[];
  /** Order in which new cards' topics are introduced; topics not listed follow in the order they first appear. */
  topicOrder?: readonly string[];
  /** Practise ahead: ignore the review limit and then add cards not yet due, soonest first. */
  practiseAhead?: boolean;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = { newPerDay: 20, reviewsPerDay: 200, rolloverHour: 4 };

export type QueueReason = 'learning' | 'review' | 'new' | 'ahead';

export interface QueueEntry {
  cardId: string;
  reason: QueueReason;
}

/** Rebuild it after every answer: the counts come from the log, so a card answered Again comes back when due. */
export interface SessionQueue {
  entries: QueueEntry[];
  /** Earliest moment after `now` when another card becomes available (a due date, or tomorrow when a limit held cards back). */
  nextDueAt: Date | undefined;
  /** What remains of today's limits once the cards in this queue are answered. */
  newLeftToday: number;
  reviewsLeftToday: number;
}

/** Start of the study day containing `now`, in local time: today at the rollover hour, or yesterday's if earlier. */
export function startOfStudyDay(now: Date, rolloverHour: number = DEFAULT_QUEUE_SETTINGS.rolloverHour): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate(), rolloverHour);
  // The Date constructor normalises day 0 or -1, and keeps local midnight and DST right.
  return start.getTime() <= now.getTime() ? start : new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, rolloverHour);
}

export function startOfNextStudyDay(now: Date, rolloverHour: number = DEFAULT_QUEUE_SETTINGS.rolloverHour): Date {
  const start = startOfStudyDay(now, rolloverHour);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1, rolloverHour);
}

/** "YYYY-MM-DD" of the study day containing `date` (the calendar date on which that study day began). */
export function studyDayKey(date: Date, rolloverHour: number = DEFAULT_QUEUE_SETTINGS.rolloverHour): string {
  const start = startOfStudyDay(date, rolloverHour);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`;
}

/**
 * New cards started and review-state cards answered since the study day began. The log is in time order (the
 * progress store keeps it so), so only today's tail is read: a long history costs nothing.
 */
export function countTodaysReviews(log: readonly QuizReview[], now: Date, rolloverHour: number): { newStarted: number; reviewsDone: number } {
  const dayStart = startOfStudyDay(now, rolloverHour).getTime();
  const startedCards = new Set<string>();
  let reviewsDone = 0;
  for (let index = log.length - 1; index >= 0; index--) {
    const review = log[index];
    if (review.review.getTime() < dayStart) break;
    if (review.state === State.New) startedCards.add(review.cardId);
    else if (review.state === State.Review) reviewsDone += 1;
  }
  return { newStarted: startedCards.size, reviewsDone };
}

/** What an index records of each card. */
const NEW = 0;
const REVIEW = 1;
const LEARNING = 2;

/**
 * What the queue needs of the cards alone, whatever their states: per card (by position) its topic's index in
 * first-appearance order. Kept while the cards stay the same, so a new states record (after every review) costs only
 * the pass over the states.
 */
interface DeckIndex {
  /** The cards it was built from: a later call is served from this index only when its cards are these. */
  readonly cards: readonly QueueCard[];
  readonly topicOf: Int32Array;
  /** Distinct topics in the order their first card appears. */
  readonly topics: readonly string[];
}

/**
 * What the cards' states come to, independent of the settings and of `now`: per card (by position) whether it is
 * new, in review or (re)learning, and its due time. Filled by the first call over a states record, during its pass
 * over the cards; typed arrays, so a later call reads a few contiguous bytes per card instead of chasing the card,
 * its id, the states record, the card state and its Date.
 */
interface StatesIndex {
  readonly deck: DeckIndex;
  readonly kind: Uint8Array;
  readonly dueMs: Float64Array;
}

/**
 * The latest index built over each states record. The progress store never changes a states record in place (a
 * review makes a new one), so a record's identity stands for its content, and the WeakMap lets a replaced record
 * go with its index.
 */
const indexes = new WeakMap<object, StatesIndex>();
/** The deck index last built or used: callers rebuild the card list for every call, from the same cards. */
let latestDeck: DeckIndex | undefined;

function buildDeckIndex(cards: readonly QueueCard[]): DeckIndex {
  const count = cards.length;
  const topicOf = new Int32Array(count);
  const topics: string[] = [];
  const topicIndexes = new Map<string, number>();
  // Cards come grouped by topic, so the previous card's topic usually answers without a Map lookup.
  let lastTopic: string | undefined;
  let lastTopicIndex = -1;
  for (let position = 0; position < count; position++) {
    const topic = cards[position].topic;
    if (topic !== lastTopic) {
      let topicIndex = topicIndexes.get(topic);
      if (topicIndex === undefined) {
        topicIndex = topics.length;
        topics.push(topic);
        topicIndexes.set(topic, topicIndex);
      }
      lastTopic = topic;
      lastTopicIndex = topicIndex;
    }
    topicOf[position] = lastTopicIndex;
  }
  return { cards, topicOf, topics };
}

/**
 * The index for these cards over these states: the cached one when the cards are those it was built from, else an
 * empty one for this call's pass to fill (`fill`).
 */
function statesIndex(cards: readonly QueueCard[], states: Readonly<Record<string, Card | undefined>>): { index: StatesIndex; fill: boolean } {
  const cached = indexes.get(states);
  if (cached !== undefined && sameCards(cached.deck, cards)) {
    latestDeck = cached.deck;
    return { index: cached, fill: false };
  }
  if (latestDeck === undefined || !sameCards(latestDeck, cards)) latestDeck = buildDeckIndex(cards);
  return { index: { deck: latestDeck, kind: new Uint8Array(cards.length), dueMs: new Float64Array(cards.length) }, fill: true };
}

/** Whether `cards` holds, in order, the ids and topics the index was built from (callers rebuild the list each time). */
function sameCards(deck: DeckIndex, cards: readonly QueueCard[]): boolean {
  const indexed = deck.cards;
  if (indexed === cards) return true;
  if (indexed.length !== cards.length) return false;
  for (let position = 0; position < cards.length; position++) {
    const card = cards[position];
    const was = indexed[position];
    if (card !== was && (card.id !== was.id || card.topic !== was.topic)) return false;
  }
  return true;
}

/** Topic ranks by topic index: the explicit order first, then topics in the order their first card appears. */
function rankTopics(topics: readonly string[], topicOrder: readonly string[] = []): Int32Array {
  const ranks = new Int32Array(topics.length);
  if (topicOrder.length === 0) {
    for (let topic = 0; topic < topics.length; topic++) ranks[topic] = topic;
    return ranks;
  }
  const explicit = new Map<string, number>();
  for (const topic of topicOrder) if (!explicit.has(topic)) explicit.set(topic, explicit.size);
  let next = explicit.size;
  for (let topic = 0; topic < topics.length; topic++) ranks[topic] = explicit.get(topics[topic]) ?? next++;
  return ranks;
}

/**
 * Cards are put in due order (then deck order) by sorting keys, one number per card. Due times are whole
 * milliseconds, so while a card's due time lies within 2^53 / cards milliseconds of now (2.8 years for 100,000
 * cards), `(due - now) * cards + position` is exact: the engine's numeric sort orders such keys with no comparator
 * called per pair, and the remainder by `cards` gives the position back. When one lies further, the keys are the
 * positions themselves, sorted by a comparator.
 */
function positionOfKey(key: number, cards: number): number {
  const remainder = key % cards;
  return remainder < 0 ? remainder + cards : remainder;
}

/** Sorts keys in place into due order, then position. */
function sortKeys(keys: Float64Array, packed: boolean, dueMs: Float64Array): Float64Array {
  return packed ? keys.sort() : keys.sort((a, b) => dueMs[a] - dueMs[b] || a - b);
}

/** Restores the max-heap order below `parent`. */
function siftDown(heap: Float64Array, parent: number): void {
  const length = heap.length;
  const value = heap[parent];
  for (;;) {
    let child = 2 * parent + 1;
    if (child >= length) break;
    if (child + 1 < length && heap[child + 1] > heap[child]) child++;
    if (heap[child] <= value) break;
    heap[parent] = heap[child];
    parent = child;
  }
  heap[parent] = value;
}

/**
 * The first `limit` packed keys (not sorted among themselves), without sorting the rest: a bounded max-heap keeps
 * the smallest `limit` seen so far.
 */
function smallestKeys(keys: Float64Array, limit: number): Float64Array {
  const heap = keys.slice(0, limit);
  for (let node = (limit >> 1) - 1; node >= 0; node--) siftDown(heap, node);
  for (let i = limit; i < keys.length; i++) {
    if (keys[i] < heap[0]) {
      heap[0] = keys[i];
      siftDown(heap, 0);
    }
  }
  return heap;
}

/**
 * Fills the index over a states record: the only pass that looks the cards up in it, in a function of its own and
 * as small as can be, so the engine compiles it quickly while the first call over the record still runs it.
 */
function fillIndex(index: StatesIndex, states: Readonly<Record<string, Card | undefined>>): void {
  const { kind, dueMs } = index;
  const { cards } = index.deck;
  const newState = State.New;
  const reviewState = State.Review;
  for (let position = 0; position < cards.length; position++) {
    const state = states[cards[position].id];
    // A state still in New counts as not studied, like a missing one (the kind stays NEW).
    if (state === undefined || state.state === newState) continue;
    kind[position] = state.state === reviewState ? REVIEW : LEARNING;
    dueMs[position] = state.due.getTime();
  }
}

/** The cards of one call, sorted out by its pass over them. */
interface Classified {
  /** Keys of the due cards: those in (re)learning first, those in review from `keys.length - dueReviewCount` on. */
  dueKeys: Float64Array;
  dueLearningCount: number;
  dueReviewCount: number;
  /** Keys of the cards not yet due, listed only when practising ahead. */
  aheadKeys: Float64Array | undefined;
  soonestNotYetDue: number;
  /** Whether every key is packed (see positionOfKey); if not, the pass is run again with positions as keys. */
  packed: boolean;
  /** New cards by topic rank, each list in deck order and at most `keepPerTopic` long. */
  newByRank: number[][];
}

/**
 * The pass over every card: its topic, kind and due time (looked up in `states` and written to the index when this
 * call fills it, else read from the index), then where it goes in this call. One pass, so the first call over a
 * states record (each window's first, and the one after every review) reads every card once; in its own small
 * function, as are the loops after it, so the engine compiles it on its own, quickly, while that call still runs it.
 */
function classify(
  index: StatesIndex,
  included: Uint8Array | undefined,
  ranks: Int32Array,
  nowMs: number,
  keepPerTopic: number,
  listAhead: boolean,
  packing: boolean,
): Classified {
  const { deck, kind, dueMs } = index;
  const { topicOf } = deck;
  const count = kind.length;
  // Keys are positions when not packing (scale 0); the largest distance from now a packed key holds exactly.
  const scale = packing ? count : 0;
  const packable = Math.floor(Number.MAX_SAFE_INTEGER / count) - 1;
  const dueKeys = new Float64Array(count);
  let dueLearningCount = 0;
  let dueReviewCount = 0;
  // Cards not yet due matter only for their soonest date, unless practising ahead lists them all.
  const aheadKeys = listAhead ? new Float64Array(count) : undefined;
  let aheadCount = 0;
  let soonestNotYetDue = Infinity;
  let farthest = 0;
  const newByRank: number[][] = [];
  for (let position = 0; position < count; position++) {
    const cardKind = kind[position];
    const topic = topicOf[position];
    if (included !== undefined && included[topic] === 0) continue;
    if (cardKind === NEW) {
      const list = (newByRank[ranks[topic]] ??= []);
      if (list.length < keepPerTopic) list.push(position);
      continue;
    }
    const fromNow = dueMs[position] - nowMs;
    if (fromNow <= 0) {
      if (-fromNow > farthest) farthest = -fromNow;
      const key = fromNow * scale + position;
      if (cardKind === LEARNING) dueKeys[dueLearningCount++] = key;
      else dueKeys[count - ++dueReviewCount] = key;
    } else {
      soonestNotYetDue = Math.min(soonestNotYetDue, dueMs[position]);
      if (aheadKeys !== undefined) {
        if (fromNow > farthest) farthest = fromNow;
        aheadKeys[aheadCount++] = fromNow * scale + position;
      }
    }
  }
  return {
    dueKeys,
    dueLearningCount,
    dueReviewCount,
    aheadKeys: aheadKeys?.subarray(0, aheadCount),
    soonestNotYetDue,
    packed: packing && farthest <= packable,
    newByRank,
  };
}

/**
 * The due cards' keys in due order: every (re)learning card, and review cards up to `reviewLimit`, most overdue
 * first. Moves the chosen review keys next to the learning ones.
 */
function dueInOrder(classified: Classified, reviewLimit: number, dueMs: Float64Array): Float64Array {
  const { dueKeys, dueLearningCount, dueReviewCount, packed } = classified;
  // Review keys were written from the end backwards, so the review region is in reverse deck order.
  const reviews = dueKeys.subarray(dueKeys.length - dueReviewCount);
  const taken = Math.max(0, Math.min(reviewLimit, dueReviewCount));
  if (taken < dueReviewCount) {
    const first = packed ? smallestKeys(reviews, taken) : sortKeys(reviews, packed, dueMs).slice(0, taken);
    dueKeys.set(first, dueLearningCount);
  } else {
    dueKeys.copyWithin(dueLearningCount, dueKeys.length - dueReviewCount);
  }
  return sortKeys(dueKeys.subarray(0, dueLearningCount + taken), packed, dueMs);
}

/** Adds the cards of keys in due order, each with its reason. */
function addKeyEntries(entries: QueueEntry[], deck: DeckIndex, kind: Uint8Array, keys: Float64Array, ahead: boolean): void {
  const { cards } = deck;
  const count = cards.length;
  for (let i = 0; i < keys.length; i++) {
    const position = positionOfKey(keys[i], count);
    entries.push({ cardId: cards[position].id, reason: ahead ? 'ahead' : kind[position] === LEARNING ? 'learning' : 'review' });
  }
}

/**
 * Adds up to `newLeft` new cards, interleaving the topics: the first card of each topic in rank order, then the second
 * of each, and so on, so a session mixes topics instead of working through one before the next. Returns how many it
 * added and whether the limit held cards back.
 */
function addNewEntries(entries: QueueEntry[], cards: readonly QueueCard[], newByRank: readonly (number[] | undefined)[], newLeft: number): { added: number; heldBack: boolean } {
  const lists = newByRank.filter((positions): positions is number[] => positions !== undefined && positions.length > 0);
  let added = 0;
  for (let round = 0; lists.length > 0; round++) {
    let taken = false;
    for (const positions of lists) {
      const position = positions[round];
      if (position === undefined) continue;
      taken = true;
      if (added === newLeft) return { added, heldBack: true };
      entries.push({ cardId: cards[position].id, reason: 'new' });
      added += 1;
    }
    if (!taken) break;
  }
  return { added, heldBack: false };
}

export function buildQueue(
  cards: readonly QueueCard[],
  states: Readonly<Record<string, Card | undefined>>,
  log: readonly QuizReview[],
  now: Date,
  settings: Partial<QueueSettings> = {},
): SessionQueue {
  const options: QueueSettings = { ...DEFAULT_QUEUE_SETTINGS, ...settings };
  const nowMs = now.getTime();
  const today = countTodaysReviews(log, now, options.rolloverHour);
  let newLeft = Math.max(0, options.newPerDay - today.newStarted);
  let reviewsLeft = Math.max(0, options.reviewsPerDay - today.reviewsDone);
  const practiseAhead = options.practiseAhead === true;

  const { index, fill } = statesIndex(cards, states);
  const { deck, dueMs, kind } = index;
  const { topics } = deck;
  let included: Uint8Array | undefined;
  if (options.topics) {
    const filter = new Set(options.topics);
    included = new Uint8Array(topics.length);
    for (let topic = 0; topic < topics.length; topic++) included[topic] = filter.has(topics[topic]) ? 1 : 0;
  }
  const ranks = rankTopics(topics, options.topicOrder);
  // A round of new cards takes at least one, so no round past `newLeft` is reached: each topic's list keeps at most
  // its first `newLeft + 1` cards (the last one only tells that the limit held cards back).
  if (fill) {
    fillIndex(index, states);
    indexes.set(states, index);
  }
  let classified = classify(index, included, ranks, nowMs, newLeft + 1, practiseAhead, true);
  if (!classified.packed) classified = classify(index, included, ranks, nowMs, newLeft + 1, practiseAhead, false);
  const { dueReviewCount, aheadKeys, soonestNotYetDue, newByRank, packed } = classified;

  const entries: QueueEntry[] = [];
  const dueKeys = dueInOrder(classified, practiseAhead ? dueReviewCount : reviewsLeft, dueMs);
  const reviewsTaken = dueKeys.length - classified.dueLearningCount;
  reviewsLeft = Math.max(0, reviewsLeft - reviewsTaken);
  addKeyEntries(entries, deck, kind, dueKeys, false);
  const introduced = addNewEntries(entries, deck.cards, newByRank, newLeft);
  newLeft -= introduced.added;
  const heldBackByLimit = dueReviewCount > reviewsTaken || introduced.heldBack;
  if (aheadKeys !== undefined) addKeyEntries(entries, deck, kind, sortKeys(aheadKeys, packed, dueMs), true);

  const soonest = Math.min(soonestNotYetDue, heldBackByLimit ? startOfNextStudyDay(now, options.rolloverHour).getTime() : Infinity);
  return {
    entries,
    nextDueAt: Number.isFinite(soonest) ? new Date(soonest) : undefined,
    newLeftToday: newLeft,
    reviewsLeftToday: reviewsLeft,
  };
}
