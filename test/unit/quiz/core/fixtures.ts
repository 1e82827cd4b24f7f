// Shared builders for the quiz tests: fixed local times, simple cards and card states made through ts-fsrs.
import type { Card } from 'ts-fsrs';
import type { CardText } from '../../../../src/quiz/core/cardSchema';
import { QuizScheduler, Rating, type Grade, type QuizReview } from '../../../../src/quiz/core/scheduler';

/** Local time, so day-boundary tests hold in every time zone. January avoids daylight-saving changes in the north. */
export function localTime(day: number, hour: number, minute = 0): Date {
  return new Date(2025, 0, day, hour, minute);
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export function both(en: string, zh = `${en}（中）`): CardText {
  return { en, 'zh-cn': zh };
}

/** Applies ratings one after another, `gapMs` apart, and returns the final state and the reviews. */
export function reviewHistory(
  scheduler: QuizScheduler,
  cardId: string,
  ratings: readonly Grade[],
  start: Date,
  gapMs: number,
  idPrefix = cardId,
): { state: Card; reviews: QuizReview[] } {
  let state: Card | undefined;
  const reviews: QuizReview[] = [];
  ratings.forEach((rating, index) => {
    const result = scheduler.rate(cardId, state, rating, new Date(start.getTime() + index * gapMs), `${idPrefix}#${index}`);
    state = result.state;
    reviews.push(result.review);
  });
  if (state === undefined) throw new Error('reviewHistory needs at least one rating');
  return { state, reviews };
}

/** A card in the Review state whose due date is `due`: graduated with Good, Good, then moved. */
export function reviewCardDueAt(scheduler: QuizScheduler, due: Date): Card {
  const { state } = reviewHistory(scheduler, 'x', [Rating.Good, Rating.Good], new Date(due.getTime() - 30 * DAY), 10 * MINUTE);
  return { ...state, due };
}
