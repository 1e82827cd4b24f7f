// The compact form of quiz progress that follows the user through Settings Sync, and the card-state rows it shares
// with the log file. The full progress stays in a file on each machine (reviewHistory.ts); what syncs is bounded: the states of the most recently reviewed cards and the newest reviews that fit in
// SYNCED_PROGRESS_BUDGET_BYTES, so years of history never grow it. vscode-free.
import { State, type Card } from 'ts-fsrs';
import { Rating, type QuizReview } from './scheduler';

export const SYNCED_PROGRESS_KEY = 'mlInterview.quiz.synced';
export const COMPACT_VERSION = 1;

/**
 * Everything the extension syncs is designed to stay under 100,000 bytes of JSON: the sync service rejects large
 * payloads (HTTP 413, microsoft/vscode#86178, #202359) and an extension's synced state travels with every other
 * extension's. The quiz's share is this; problem progress and mock-interview reports are bounded by their own caps.
 */
export const SYNC_LIMIT_BYTES = 100_000;
export const SYNCED_PROGRESS_BUDGET_BYTES = 40_000;
/** Reviews may take this share of the budget before card states; card states take the rest, then reviews again. */
const REVIEW_SHARE = 0.4;
/** How many recently taken-back review ids travel, so another machine drops them too. */
const SYNCED_UNDONE = 50;

/** A reset: reviews answered before `before` are erased everywhere; the mark with the later `stamp` wins. */
export interface ResetMark {
  before: number;
  stamp: number;
}
export const NO_RESET: ResetMark = { before: 0, stamp: 0 };

export function laterMark(a: ResetMark, b: ResetMark): ResetMark {
  return b.stamp > a.stamp ? b : a;
}

/** [due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, state, reps, lapses, last_review or -1]. */
type CardRow = [number, number, number, number, number, number, number, number, number, number];

/** Rows already made, by card state (states are never changed in place: a new answer makes a new object). */
const rows = new WeakMap<Card, CardRow>();

export function cardToRow(card: Card): CardRow {
  const known = rows.get(card);
  if (known) return known;
  const row: CardRow = [
    card.due.getTime(),
    card.stability,
    card.difficulty,
    card.elapsed_days,
    card.scheduled_days,
    card.learning_steps,
    card.state,
    card.reps,
    card.lapses,
    card.last_review ? card.last_review.getTime() : -1,
  ];
  rows.set(card, row);
  return row;
}

/** Checks for fields read back from JSON (the synced copy here, the log file's lines in reviewHistory.ts). */
export const STATES: ReadonlySet<number> = new Set<number>([State.New, State.Learning, State.Review, State.Relearning]);
export const RATINGS: ReadonlySet<number> = new Set<number>([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
export const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function rowToCard(row: unknown): Card | undefined {
  if (!Array.isArray(row) || row.length !== 10) return undefined;
  const [due, stability, difficulty, elapsed, scheduled, steps, state, reps, lapses, lastReview] = row as unknown[];
  if (!isFiniteNumber(due) || !isFiniteNumber(stability) || !isFiniteNumber(difficulty) || !STATES.has(state as number)) return undefined;
  if (![elapsed, scheduled, steps, reps, lapses].every(isCount) || !isFiniteNumber(lastReview)) return undefined;
  const card: Card = {
    due: new Date(due),
    stability,
    difficulty,
    elapsed_days: elapsed as number,
    scheduled_days: scheduled as number,
    learning_steps: steps as number,
    state: state as State,
    reps: reps as number,
    lapses: lapses as number,
    // As ts-fsrs makes a new card: the key present, undefined.
    last_review: lastReview >= 0 ? new Date(lastReview) : undefined,
  };
  rows.set(card, row as CardRow);
  return card;
}

export const lastReviewTime = (card: Card | undefined): number => card?.last_review?.getTime() ?? -1;

export function isMark(value: unknown): value is ResetMark {
  return typeof value === 'object' && value !== null && isFiniteNumber((value as ResetMark).before) && isFiniteNumber((value as ResetMark).stamp);
}

/** A review as it syncs: what replaying needs (the memory fields are re-derived on the machine that receives it). */
type SyncedReviewRow = [string, string, number, number];
export type SyncedReview = Pick<QuizReview, 'id' | 'cardId' | 'rating' | 'review'>;

interface SyncedForm {
  version: number;
  reset: ResetMark;
  cards: Record<string, CardRow>;
  reviews: SyncedReviewRow[];
  undone: string[];
}

export interface SyncedProgress {
  reset: ResetMark;
  cards: Map<string, Card>;
  reviews: SyncedReview[];
  undone: ReadonlySet<string>;
}

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * The synced copy of `progress`, at most `budget` bytes of JSON: the newest reviews (up to REVIEW_SHARE of it), the
 * states of the most recently reviewed cards, then more reviews if room is left. Reviews and states left out are
 * older ones that reached other machines when they were new (a machine that joins later starts those cards afresh).
 */
export function encodeSynced(
  progress: { cards: Readonly<Record<string, Card>>; log: readonly QuizReview[] },
  reset: ResetMark,
  undone: Iterable<string>,
  budget = SYNCED_PROGRESS_BUDGET_BYTES,
): SyncedForm {
  const recentUndone = [...undone].slice(-SYNCED_UNDONE);
  const form: SyncedForm = { version: COMPACT_VERSION, reset, cards: {}, reviews: [], undone: recentUndone };
  let used = jsonBytes(form);
  const newestFirst: SyncedReviewRow[] = [];
  let reviewIndex = progress.log.length - 1;
  const takeReviews = (limit: number) => {
    for (; reviewIndex >= 0; reviewIndex -= 1) {
      const review = progress.log[reviewIndex];
      const row: SyncedReviewRow = [review.id, review.cardId, review.rating, review.review.getTime()];
      const bytes = jsonBytes(row) + 1;
      if (used + bytes > limit) return;
      used += bytes;
      newestFirst.push(row);
    }
  };
  takeReviews(budget * REVIEW_SHARE);
  // The most recently reviewed cards, found from the end of the time-ordered log: the cost follows what fits, not the
  // number of cards.
  const seen = new Set<string>();
  for (let index = progress.log.length - 1; index >= 0; index -= 1) {
    const id = progress.log[index].cardId;
    if (seen.has(id)) continue;
    seen.add(id);
    const card = progress.cards[id];
    if (!card) continue;
    const row = cardToRow(card);
    const bytes = jsonBytes(id) + jsonBytes(row) + 2;
    if (used + bytes > budget) break;
    used += bytes;
    form.cards[id] = row;
  }
  takeReviews(budget);
  form.reviews = newestFirst.reverse();
  return form;
}


/** Another machine's (or this one's) synced copy; anything unreadable in it is skipped (each machine keeps its own). */
export function decodeSynced(raw: unknown): SyncedProgress {
  const empty: SyncedProgress = { reset: NO_RESET, cards: new Map(), reviews: [], undone: new Set() };
  if (typeof raw !== 'object' || raw === null || (raw as SyncedForm).version !== COMPACT_VERSION) return empty;
  const data = raw as Partial<SyncedForm>;
  const cards = new Map<string, Card>();
  if (typeof data.cards === 'object' && data.cards !== null) {
    for (const [id, row] of Object.entries(data.cards)) {
      const card = rowToCard(row);
      if (card) cards.set(id, card);
    }
  }
  const reviews: SyncedReview[] = [];
  for (const row of Array.isArray(data.reviews) ? data.reviews : []) {
    if (!Array.isArray(row) || row.length !== 4) continue;
    const [id, cardId, rating, time] = row as unknown[];
    if (typeof id !== 'string' || id === '' || typeof cardId !== 'string' || cardId === '' || !RATINGS.has(rating as number) || !isFiniteNumber(time)) continue;
    reviews.push({ id, cardId, rating: rating as QuizReview['rating'], review: new Date(time) });
  }
  const undone = new Set(Array.isArray(data.undone) ? data.undone.filter((id): id is string => typeof id === 'string') : []);
  return { reset: isMark(data.reset) ? data.reset : NO_RESET, cards, reviews, undone };
}
