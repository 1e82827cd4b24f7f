// The persisted quiz progress: card states and the review log, (de)serialized through one zod codec schema.
// Unreadable data is never dropped silently: load() hands back the raw copy and a message. Two windows' copies
// merge by the union of their review logs, re-deriving diverged cards by replaying their reviews.
import { State, type Card } from 'ts-fsrs';
import * as z from 'zod';
import { formatIssuePath } from './issuePath';
import { DEFAULT_QUEUE_SETTINGS, startOfStudyDay, studyDayKey, type QueueCard } from './queue';
import { compareReviews, Rating, type QuizReview, type QuizScheduler } from './scheduler';

export const PROGRESS_VERSION = 1;

export interface QuizProgress {
  version: typeof PROGRESS_VERSION;
  cards: Record<string, Card>;
  log: QuizReview[];
}

const isoDate = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});
const count = z.number().int().nonnegative();
const finiteNumber = z.number().refine(Number.isFinite, 'should be a finite number');
const cardState = z.enum(State);

const memoryFields = {
  due: isoDate,
  stability: finiteNumber,
  difficulty: finiteNumber,
  elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  state: cardState,
};

const cardSchema = z.object({ ...memoryFields, reps: count, lapses: count, last_review: isoDate.optional() });

const reviewSchema = z.object({
  ...memoryFields,
  id: z.string().min(1),
  cardId: z.string().min(1),
  rating: z.union([z.literal(Rating.Again), z.literal(Rating.Hard), z.literal(Rating.Good), z.literal(Rating.Easy)]),
  last_elapsed_days: count,
  review: isoDate,
});

// Not strict: fields added by a later minor change (or an export's metadata) are ignored rather than fatal.
const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  cards: z.record(z.string().min(1), cardSchema),
  log: z.array(reviewSchema),
});

/** The JSON-safe form kept in globalState and written by Export Progress (dates as ISO strings). */
export type StoredProgress = z.input<typeof progressSchema>;

export type LoadResult =
  | { ok: true; progress: QuizProgress }
  | {
      ok: false;
      /** A clean start. */
      progress: QuizProgress;
      /** The data exactly as it was found: keep it (e.g. under a backup key) so nothing is lost. */
      unreadableCopy: unknown;
      /** Tells the user what happened, for a notification. */
      message: string;
    };

export function emptyProgress(): QuizProgress {
  return { version: PROGRESS_VERSION, cards: {}, log: [] };
}

export function serializeProgress(progress: QuizProgress): StoredProgress {
  return progressSchema.encode(progress);
}

const RECOVERY_NOTE = 'A copy of the unreadable data has been kept, and the quiz starts with a clean slate.';

function unreadable(raw: unknown, reason: string): LoadResult {
  return { ok: false, progress: emptyProgress(), unreadableCopy: raw, message: `Quiz progress could not be read: ${reason}. ${RECOVERY_NOTE}` };
}

function describeProblems(error: z.ZodError): string {
  const [first] = error.issues;
  const where = first.path.length > 0 ? `${formatIssuePath(first.path)}: ` : '';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return `${where}${first.message}${more}`;
}

/**
 * Reads what globalState held: nothing (first run), the stored object, or a JSON string of it. Anything else —
 * truncated JSON, wrong types, a format from a newer version — gives a clean state plus the raw copy and a message.
 */
export function loadProgress(raw: unknown): LoadResult {
  if (raw === undefined || raw === null) return { ok: true, progress: emptyProgress() };
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch (error) {
      return unreadable(raw, `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const version = typeof data === 'object' && data !== null && 'version' in data ? data.version : undefined;
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return unreadable(raw, `it was saved by a newer version of the extension (format ${version}; this one reads format ${PROGRESS_VERSION}), so update the extension to get it back`);
  }
  const parsed = progressSchema.safeParse(data);
  if (!parsed.success) return unreadable(raw, describeProblems(parsed.error));
  // The log is kept in time order (answers are appended, merges sort); a hand-edited one is put back in order, since
  // readers such as the queue's daily counts rely on it.
  const log = parsed.data.log;
  const inOrder = log.every((review, index) => index === 0 || compareReviews(log[index - 1], review) <= 0);
  return { ok: true, progress: inOrder ? parsed.data : { ...parsed.data, log: [...log].sort(compareReviews) } };
}

/** Progress after one answer: the card's new state and the review appended to the log. */
export function recordReview(progress: QuizProgress, state: Card, review: QuizReview): QuizProgress {
  return { ...progress, cards: { ...progress.cards, [review.cardId]: state }, log: [...progress.log, review] };
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

function isSuperset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size > b.size && [...b].every((id) => a.has(id));
}

/** A stable text form, so that choosing between two variants never depends on which window is `a`. */
function canonical(value: Card | QuizReview): string {
  return JSON.stringify(value, Object.keys(value).sort());
}

function pickCanonical<T extends Card | QuizReview>(x: T | undefined, y: T | undefined): T | undefined {
  if (x === undefined || y === undefined) return x ?? y;
  return canonical(x) <= canonical(y) ? x : y;
}

function groupByCard(log: Iterable<QuizReview>): Map<string, QuizReview[]> {
  const reviewsByCard = new Map<string, QuizReview[]>();
  for (const review of log) {
    const reviews = reviewsByCard.get(review.cardId);
    if (reviews) reviews.push(review);
    else reviewsByCard.set(review.cardId, [review]);
  }
  return reviewsByCard;
}

function reviewIds(reviewsByCard: ReadonlyMap<string, QuizReview[]>, cardId: string): Set<string> {
  return new Set((reviewsByCard.get(cardId) ?? []).map((review) => review.id));
}

interface CardSide {
  state: Card | undefined;
  reviewIds: ReadonlySet<string>;
}

/** The merged state when no replay is needed: one side already holds every review of the card. */
function stateWithoutReplay(a: CardSide, b: CardSide): { state: Card | undefined } | undefined {
  if (isSuperset(a.reviewIds, b.reviewIds) && a.state) return { state: a.state };
  if (isSuperset(b.reviewIds, a.reviewIds) && b.state) return { state: b.state };
  if (!sameIds(a.reviewIds, b.reviewIds)) return undefined;
  const statesAgree = a.reviewIds.size === 0 || (a.state && b.state && canonical(a.state) === canonical(b.state));
  return statesAgree ? { state: pickCanonical(a.state, b.state) } : undefined;
}

/**
 * Merges two copies written concurrently (two windows). The log is the union of both by review id, so no review
 * is lost or doubled. A card whose reviews one side fully contains keeps that side's state; a card both sides
 * reviewed independently is re-derived by replaying all its reviews in time order. The result does not depend
 * on the argument order.
 */
export function mergeProgress(a: QuizProgress, b: QuizProgress, scheduler: QuizScheduler): QuizProgress {
  const reviewsById = new Map<string, QuizReview>();
  for (const review of [...a.log, ...b.log]) {
    reviewsById.set(review.id, pickCanonical(reviewsById.get(review.id), review) ?? review);
  }
  const mergedByCard = groupByCard(reviewsById.values());
  const byCardA = groupByCard(a.log);
  const byCardB = groupByCard(b.log);
  const cards: Record<string, Card> = {};
  const log: QuizReview[] = [];
  for (const cardId of new Set([...Object.keys(a.cards), ...Object.keys(b.cards), ...mergedByCard.keys()])) {
    const reviews = mergedByCard.get(cardId) ?? [];
    const kept = stateWithoutReplay(
      { state: a.cards[cardId], reviewIds: reviewIds(byCardA, cardId) },
      { state: b.cards[cardId], reviewIds: reviewIds(byCardB, cardId) },
    );
    const merged = kept ? { state: kept.state, reviews } : scheduler.replay(cardId, reviews);
    if (merged.state) cards[cardId] = merged.state;
    log.push(...merged.reviews);
  }
  return { version: PROGRESS_VERSION, cards, log: log.sort(compareReviews) };
}

export interface ProgressStatsOptions {
  /** How many study days the per-day chart and the retention figure cover, today included. */
  days?: number;
  rolloverHour?: number;
  /** A card counts as mastered once FSRS puts its stability (days until recall drops to 90%) at this or more. */
  masteryStabilityDays?: number;
}

/** 21 days is Anki's "mature" threshold; with FSRS we apply it to stability rather than to the last interval. */
export const DEFAULT_MASTERY_STABILITY_DAYS = 21;

export interface TopicProgress {
  topic: string;
  cards: number;
  newCards: number;
  due: number;
  mastered: number;
  /** mastered / cards, 0 to 1. */
  mastery: number;
}

export type CardStateName = 'new' | 'learning' | 'review' | 'relearning';

export interface ProgressStats {
  /** Oldest first, today last; `day` is the local date the study day began. */
  reviewsPerDay: { day: string; count: number }[];
  /** Among reviews of cards in the Review state within the window: the share not rated Again. */
  retention: { reviews: number; passed: number; rate: number | undefined };
  cardsByState: Record<CardStateName, number>;
  topics: TopicProgress[];
}

const STATE_NAMES: Record<State, CardStateName> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** Figures for Show Progress, over the given deck's cards (cards without a state are new). */
export function computeProgressStats(progress: QuizProgress, deck: readonly QueueCard[], now: Date, options: ProgressStatsOptions = {}): ProgressStats {
  const days = Math.max(1, Math.floor(options.days ?? 30));
  const rolloverHour = options.rolloverHour ?? DEFAULT_QUEUE_SETTINGS.rolloverHour;
  const masteryStability = options.masteryStabilityDays ?? DEFAULT_MASTERY_STABILITY_DAYS;

  const today = startOfStudyDay(now, rolloverHour);
  const dayKeys = Array.from({ length: days }, (_, index) =>
    studyDayKey(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1 - index), rolloverHour), rolloverHour),
  );
  const windowStart = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1), rolloverHour).getTime();
  const perDay = new Map(dayKeys.map((key) => [key, 0]));
  const retention = { reviews: 0, passed: 0, rate: undefined as number | undefined };
  for (const review of progress.log) {
    const time = review.review.getTime();
    if (time < windowStart || time > now.getTime()) continue;
    const key = studyDayKey(review.review, rolloverHour);
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
    if (review.state === State.Review) {
      retention.reviews += 1;
      if (review.rating !== Rating.Again) retention.passed += 1;
    }
  }
  retention.rate = retention.reviews > 0 ? retention.passed / retention.reviews : undefined;

  const cardsByState: Record<CardStateName, number> = { new: 0, learning: 0, review: 0, relearning: 0 };
  const topics = new Map<string, TopicProgress>();
  for (const card of deck) {
    const state = progress.cards[card.id];
    const stateName = STATE_NAMES[state?.state ?? State.New];
    cardsByState[stateName] += 1;
    const topic = topics.get(card.topic) ?? { topic: card.topic, cards: 0, newCards: 0, due: 0, mastered: 0, mastery: 0 };
    topic.cards += 1;
    if (stateName === 'new') topic.newCards += 1;
    else if (state && state.due.getTime() <= now.getTime()) topic.due += 1;
    if (state?.state === State.Review && state.stability >= masteryStability) topic.mastered += 1;
    topic.mastery = topic.mastered / topic.cards;
    topics.set(card.topic, topic);
  }
  return { reviewsPerDay: dayKeys.map((day) => ({ day, count: perDay.get(day) ?? 0 })), retention, cardsByState, topics: [...topics.values()] };
}

/**
 * Export Progress (JSON): the stored form plus when it was made, and what other features keep with it (the practice
 * problems' records, under their own field); loadProgress() reads it back and ignores the other fields.
 */
export function exportProgressJson(progress: QuizProgress, now: Date, companions: Record<string, unknown> = {}): string {
  return JSON.stringify({ exportedAt: now.toISOString(), ...serializeProgress(progress), ...companions }, null, 2);
}
