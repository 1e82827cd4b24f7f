// Builds the session queue: due cards first (most overdue first), then new cards interleaved across topics (in topic order), within the
// daily limits counted from today's reviews. Pure and linear in the number of cards, so a 10,000-card deck is cheap.
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

/** The card's state once it has been studied; undefined while it is still new. */
function studiedState(state: Card | undefined): Card | undefined {
  return state !== undefined && state.state !== State.New ? state : undefined;
}

/** Topic ranks: the explicit order first, then topics in the order their first card appears. */
function rankTopics(cards: readonly QueueCard[], topicOrder: readonly string[] = []): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const topic of topicOrder) if (!ranks.has(topic)) ranks.set(topic, ranks.size);
  for (const card of cards) if (!ranks.has(card.topic)) ranks.set(card.topic, ranks.size);
  return ranks;
}

interface Scheduled {
  cardId: string;
  due: number;
  learning: boolean;
  position: number;
}

const byDueThenPosition = (a: Scheduled, b: Scheduled) => a.due - b.due || a.position - b.position;

export function buildQueue(
  cards: readonly QueueCard[],
  states: Readonly<Record<string, Card | undefined>>,
  log: readonly QuizReview[],
  now: Date,
  settings: Partial<QueueSettings> = {},
): SessionQueue {
  const options: QueueSettings = { ...DEFAULT_QUEUE_SETTINGS, ...settings };
  const topicFilter = options.topics ? new Set(options.topics) : undefined;
  const nowMs = now.getTime();
  const today = countTodaysReviews(log, now, options.rolloverHour);
  let newLeft = Math.max(0, options.newPerDay - today.newStarted);
  let reviewsLeft = Math.max(0, options.reviewsPerDay - today.reviewsDone);

  const due: Scheduled[] = [];
  // Cards not yet due matter only for their soonest date, unless practising ahead lists them all.
  const notYetDue: Scheduled[] = [];
  let soonestNotYetDue = Infinity;
  // New cards by topic rank, each list in deck order: taking from the lists in rank order gives the introduction
  // order without sorting every new card of a large deck.
  const newCardsByTopicRank: string[][] = [];
  const topicRanks = rankTopics(cards, options.topicOrder);
  cards.forEach((card, position) => {
    if (topicFilter && !topicFilter.has(card.topic)) return;
    const state = studiedState(states[card.id]);
    if (state === undefined) {
      const rank = topicRanks.get(card.topic) ?? 0;
      (newCardsByTopicRank[rank] ??= []).push(card.id);
      return;
    }
    const dueMs = state.due.getTime();
    if (dueMs <= nowMs) {
      due.push({ cardId: card.id, due: dueMs, learning: state.state !== State.Review, position });
    } else {
      soonestNotYetDue = Math.min(soonestNotYetDue, dueMs);
      if (options.practiseAhead) notYetDue.push({ cardId: card.id, due: dueMs, learning: state.state !== State.Review, position });
    }
  });

  const entries: QueueEntry[] = [];
  let heldBackByLimit = false;
  for (const card of due.sort(byDueThenPosition)) {
    if (card.learning) {
      entries.push({ cardId: card.cardId, reason: 'learning' });
    } else if (reviewsLeft > 0 || options.practiseAhead) {
      entries.push({ cardId: card.cardId, reason: 'review' });
      reviewsLeft = Math.max(0, reviewsLeft - 1);
    } else {
      heldBackByLimit = true;
    }
  }
  // New cards interleave the topics: the first card of each topic in rank order, then the second of each, and so on,
  // so a session mixes topics instead of working through one before the next.
  const lists = newCardsByTopicRank.filter((cardIds): cardIds is string[] => cardIds !== undefined && cardIds.length > 0);
  introduce: for (let round = 0; lists.length > 0; round++) {
    let taken = false;
    for (const cardIds of lists) {
      const cardId = cardIds[round];
      if (cardId === undefined) continue;
      taken = true;
      if (newLeft === 0) {
        heldBackByLimit = true;
        break introduce;
      }
      entries.push({ cardId, reason: 'new' });
      newLeft -= 1;
    }
    if (!taken) break;
  }
  if (options.practiseAhead) {
    entries.push(...notYetDue.sort(byDueThenPosition).map((card): QueueEntry => ({ cardId: card.cardId, reason: 'ahead' })));
  }

  const soonest = Math.min(soonestNotYetDue, heldBackByLimit ? startOfNextStudyDay(now, options.rolloverHour).getTime() : Infinity);
  return {
    entries,
    nextDueAt: Number.isFinite(soonest) ? new Date(soonest) : undefined,
    newLeftToday: newLeft,
    reviewsLeftToday: reviewsLeft,
  };
}
