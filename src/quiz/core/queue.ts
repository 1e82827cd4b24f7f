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
 * What one pass over the cards' states yields, independent of the settings and of `now`: per card (by position)
 * whether it is new, in review or (re)learning, and its due time. Typed arrays, so a call reads a few contiguous bytes
 * per card instead of chasing the card, its id, the states record, the card state and its Date.
 */
interface QueueIndex {
  readonly deck: DeckIndex;
  readonly kind: Uint8Array;
  readonly dueMs: Float64Array;
}

/**
 * The latest index built over each states record. The progress store never changes a states record in place (a
 * review makes a new one), so a record's identity stands for its content, and the WeakMap lets a replaced record
 * go with its index.
 */
const indexes = new WeakMap<object, QueueIndex>();
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

/** The pass over the states, in its own small function: the engine compiles it quickly while the first call runs it. */
function buildIndex(deck: DeckIndex, states: Readonly<Record<string, Card | undefined>>): QueueIndex {
  const { cards } = deck;
  const count = cards.length;
  const kind = new Uint8Array(count);
  const dueMs = new Float64Array(count);
  for (let position = 0; position < count; position++) {
    const state = states[cards[position].id];
    // A state still in New counts as not studied, like a missing one (the kind stays NEW).
    if (state !== undefined && state.state !== State.New) {
      kind[position] = state.state === State.Review ? REVIEW : LEARNING;
      dueMs[position] = state.due.getTime();
    }
  }
  return { deck, kind, dueMs };
}

/** The index for these cards over these states: the cached one when the cards are those it was built from. */
function queueIndex(cards: readonly QueueCard[], states: Readonly<Record<string, Card | undefined>>): QueueIndex {
  const cached = indexes.get(states);
  if (cached !== undefined && sameCards(cached.deck, cards)) {
    latestDeck = cached.deck;
    return cached;
  }
  if (latestDeck === undefined || !sameCards(latestDeck, cards)) latestDeck = buildDeckIndex(cards);
  const index = buildIndex(latestDeck, states);
  indexes.set(states, index);
  return index;
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
 * Sorts card positions by due time, then position, in place. Due times are whole milliseconds, so while the span of
 * due times times the number of cards stays below 2^53 each (due, position) pair packs exactly into one number
 * (`(due - earliest) * cards + position`), and the engine's numeric sort, with no comparator called per pair,
 * orders them; a wider span falls back to the comparator.
 */
function sortByDue(positions: Int32Array, dueMs: Float64Array): Int32Array {
  const length = positions.length;
  if (length < 2) return positions;
  let earliest = Infinity;
  let latest = -Infinity;
  for (let i = 0; i < length; i++) {
    const due = dueMs[positions[i]];
    if (due < earliest) earliest = due;
    if (due > latest) latest = due;
  }
  const cards = dueMs.length;
  if (!((latest - earliest + 1) * cards <= Number.MAX_SAFE_INTEGER)) return positions.sort((a, b) => dueMs[a] - dueMs[b] || a - b);
  const keys = new Float64Array(length);
  for (let i = 0; i < length; i++) keys[i] = (dueMs[positions[i]] - earliest) * cards + positions[i];
  keys.sort();
  for (let i = 0; i < length; i++) positions[i] = keys[i] % cards;
  return positions;
}

/**
 * The first `limit` positions by due time, then position, in that order, without sorting the rest: a bounded
 * max-heap keeps the best `limit` seen so far. `positions` must be in increasing order (the pass writes them so).
 */
function firstByDue(positions: Int32Array, dueMs: Float64Array, limit: number): Int32Array {
  if (limit >= positions.length) return sortByDue(positions, dueMs);
  if (limit <= 0) return new Int32Array(0);
  const heap = new Int32Array(limit);
  // a comes after b: later due, or the same due and a later position.
  const after = (a: number, b: number) => dueMs[a] > dueMs[b] || (dueMs[a] === dueMs[b] && a > b);
  const siftDown = (from: number) => {
    let parent = from;
    for (;;) {
      const left = 2 * parent + 1;
      if (left >= limit) return;
      const child = left + 1 < limit && after(heap[left + 1], heap[left]) ? left + 1 : left;
      if (!after(heap[child], heap[parent])) return;
      const swap = heap[parent];
      heap[parent] = heap[child];
      heap[child] = swap;
      parent = child;
    }
  };
  heap.set(positions.subarray(0, limit));
  for (let node = (limit >> 1) - 1; node >= 0; node--) siftDown(node);
  for (let i = limit; i < positions.length; i++) {
    const position = positions[i];
    // Positions only grow, so an equal due time never beats the heap's latest.
    if (dueMs[position] < dueMs[heap[0]]) {
      heap[0] = position;
      siftDown(0);
    }
  }
  return sortByDue(heap, dueMs);
}

/** The cards of one call, sorted out by the pass over the index (positions in deck order). */
interface Classified {
  /** Due cards in (re)learning. */
  dueLearning: Int32Array;
  /** Due cards in review. */
  dueReview: Int32Array;
  /** Cards not yet due, listed only when practising ahead. */
  ahead: Int32Array | undefined;
  soonestNotYetDue: number;
  /** New cards by topic rank, each list in deck order and at most `keepPerTopic` long. */
  newByRank: number[][];
}

/**
 * The pass over every card, in its own small function (as are the loops after it) so the engine compiles it on its
 * own, quickly, while the first call still runs it: the first call is the one a window waits for.
 */
function classify(
  index: QueueIndex,
  included: Uint8Array | undefined,
  ranks: Int32Array,
  nowMs: number,
  keepPerTopic: number,
  listAhead: boolean,
): Classified {
  const { kind, dueMs } = index;
  const { topicOf } = index.deck;
  const count = kind.length;
  const dueLearning = new Int32Array(count);
  let dueLearningCount = 0;
  const dueReview = new Int32Array(count);
  let dueReviewCount = 0;
  // Cards not yet due matter only for their soonest date, unless practising ahead lists them all.
  const ahead = listAhead ? new Int32Array(count) : undefined;
  let aheadCount = 0;
  let soonestNotYetDue = Infinity;
  const newByRank: number[][] = [];
  for (let position = 0; position < count; position++) {
    const topic = topicOf[position];
    if (included !== undefined && included[topic] === 0) continue;
    const cardKind = kind[position];
    if (cardKind === NEW) {
      const list = (newByRank[ranks[topic]] ??= []);
      if (list.length < keepPerTopic) list.push(position);
      continue;
    }
    const due = dueMs[position];
    if (due <= nowMs) {
      if (cardKind === LEARNING) dueLearning[dueLearningCount++] = position;
      else dueReview[dueReviewCount++] = position;
    } else {
      soonestNotYetDue = Math.min(soonestNotYetDue, due);
      if (ahead !== undefined) ahead[aheadCount++] = position;
    }
  }
  return {
    dueLearning: dueLearning.subarray(0, dueLearningCount),
    dueReview: dueReview.subarray(0, dueReviewCount),
    ahead: ahead?.subarray(0, aheadCount),
    soonestNotYetDue,
    newByRank,
  };
}

/** Adds the due cards, each list sorted by due time, merged by due time, then position. */
function addDueEntries(entries: QueueEntry[], cards: readonly QueueCard[], dueMs: Float64Array, learningDue: Int32Array, reviewsDue: Int32Array): void {
  for (let l = 0, r = 0; l < learningDue.length || r < reviewsDue.length; ) {
    const takeLearning =
      r === reviewsDue.length ||
      (l < learningDue.length && (dueMs[learningDue[l]] - dueMs[reviewsDue[r]] || learningDue[l] - reviewsDue[r]) < 0);
    if (takeLearning) entries.push({ cardId: cards[learningDue[l++]].id, reason: 'learning' });
    else entries.push({ cardId: cards[reviewsDue[r++]].id, reason: 'review' });
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

  const index = queueIndex(cards, states);
  const { deck, dueMs } = index;
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
  const { dueLearning, dueReview, ahead, soonestNotYetDue, newByRank } = classify(index, included, ranks, nowMs, newLeft + 1, practiseAhead);

  const entries: QueueEntry[] = [];
  // Every due learning card is shown; review cards up to the limit (all when practising ahead), most overdue first.
  const reviewLimit = practiseAhead ? dueReview.length : reviewsLeft;
  const learningDue = sortByDue(dueLearning, dueMs);
  const reviewsDue = firstByDue(dueReview, dueMs, reviewLimit);
  reviewsLeft = Math.max(0, reviewsLeft - reviewsDue.length);
  addDueEntries(entries, deck.cards, dueMs, learningDue, reviewsDue);
  const introduced = addNewEntries(entries, deck.cards, newByRank, newLeft);
  newLeft -= introduced.added;
  const heldBackByLimit = dueReview.length > reviewsDue.length || introduced.heldBack;
  if (ahead !== undefined) {
    for (const position of sortByDue(ahead, dueMs)) entries.push({ cardId: deck.cards[position].id, reason: 'ahead' });
  }

  const soonest = Math.min(soonestNotYetDue, heldBackByLimit ? startOfNextStudyDay(now, options.rolloverHour).getTime() : Infinity);
  return {
    entries,
    nextDueAt: Number.isFinite(soonest) ? new Date(soonest) : undefined,
    newLeftToday: newLeft,
    reviewsLeftToday: reviewsLeft,
  };
}
