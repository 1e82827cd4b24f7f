// A thin wrapper over ts-fsrs: all memory-model maths stays in the library; this file only adds card ids,
// review ids, replay of a review history and the compact interval labels shown on the rating buttons.
import { createEmptyCard, fsrs, Rating, State, type Card, type FSRS, type Grade, type ReviewLog } from 'ts-fsrs';

export { Rating, State };
export type { Card, Grade };

/** The four answer buttons, in the order they are shown. */
export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/** One answered card: the ts-fsrs review log plus our own ids. `state` is the card's state *before* this review. */
export interface QuizReview extends Omit<ReviewLog, 'rating'> {
  rating: Grade;
  /** Unique across windows and machines, so two logs can be merged without losing or doubling a review. */
  id: string;
  cardId: string;
}

export interface SchedulerSettings {
  /** Share of reviews FSRS aims to have recalled; Anki's allowed range 0.7–0.99 (values outside are clamped). */
  desiredRetention?: number;
  maximumIntervalDays?: number;
  /** Off by default so that replaying a log always reproduces the same due dates. */
  enableFuzz?: boolean;
}

export interface RatingPreview {
  rating: Grade;
  due: Date;
  intervalMs: number;
  /** Compact label for the button, e.g. "10m", "3d", "3.2mo". */
  label: string;
}

export const DEFAULT_DESIRED_RETENTION = 0.9;
const MIN_RETENTION = 0.7;
const MAX_RETENTION = 0.99;

export function newReviewId(): string {
  return globalThis.crypto.randomUUID();
}

/** Replays reviews in the order they happened; the id breaks ties so every window derives the same order. */
export function compareReviews(a: Pick<QuizReview, 'review' | 'id'>, b: Pick<QuizReview, 'review' | 'id'>): number {
  return a.review.getTime() - b.review.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class QuizScheduler {
  readonly desiredRetention: number;
  private readonly engine: FSRS;

  constructor(settings: SchedulerSettings = {}) {
    const retention = settings.desiredRetention ?? DEFAULT_DESIRED_RETENTION;
    this.desiredRetention = Number.isFinite(retention)
      ? Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, retention))
      : DEFAULT_DESIRED_RETENTION;
    this.engine = fsrs({
      request_retention: this.desiredRetention,
      enable_fuzz: settings.enableFuzz ?? false,
      ...(settings.maximumIntervalDays !== undefined ? { maximum_interval: settings.maximumIntervalDays } : {}),
    });
  }

  newCardState(now: Date): Card {
    return createEmptyCard(now);
  }

  /** Applies one rating; a card never seen before (state undefined) starts as a new card. */
  rate(cardId: string, state: Card | undefined, rating: Grade, now: Date, reviewId: string = newReviewId()): { state: Card; review: QuizReview } {
    const { card, log } = this.engine.next(state ?? createEmptyCard(now), now, rating);
    return { state: card, review: { ...log, rating, id: reviewId, cardId } };
  }

  /** What each button would give, in GRADES order, for the "Again 1m · Hard 6m · Good 10m · Easy 8d" row. */
  preview(state: Card | undefined, now: Date): RatingPreview[] {
    const outcomes = this.engine.repeat(state ?? createEmptyCard(now), now);
    return GRADES.map((rating) => {
      const due = outcomes[rating].card.due;
      const intervalMs = due.getTime() - now.getTime();
      return { rating, due, intervalMs, label: formatInterval(intervalMs) };
    });
  }

  /**
   * Re-derives a card's state from its reviews, applied in time order from a new card. Returns the state and the
   * reviews rewritten with the values the replay produced (their ids, card, rating and time are kept).
   */
  replay(cardId: string, reviews: readonly Pick<QuizReview, 'id' | 'rating' | 'review'>[]): { state: Card | undefined; reviews: QuizReview[] } {
    const ordered = [...reviews].sort(compareReviews);
    let state: Card | undefined;
    const replayed = ordered.map((review) => {
      const result = this.rate(cardId, state, review.rating, review.review, review.id);
      state = result.state;
      return result.review;
    });
    return { state, reviews: replayed };
  }

  /** Probability of recalling the card at `now` (0 for a new card). */
  retrievability(state: Card, now: Date): number {
    return this.engine.get_retrievability(state, now, false);
  }
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Anki-style compact interval: "<1m", "10m", "1.5h", "3d", "3.2mo", "1.1y" (a month is 30 days, a year 365). */
export function formatInterval(ms: number): string {
  if (ms < MINUTE_MS) return '<1m';
  if (ms < HOUR_MS) return `${Math.round(ms / MINUTE_MS)}m`;
  if (ms < DAY_MS) return `${oneDecimal(ms / HOUR_MS)}h`;
  const days = ms / DAY_MS;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${oneDecimal(days / 30)}mo`;
  return `${oneDecimal(days / 365)}y`;
}
