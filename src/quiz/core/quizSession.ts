// The quiz session as a state machine, free of vscode: which card is up, what the user has done with it, and what
// to show when nothing is due. Progress lives outside (the store); every call takes the current progress and time,
// and a transition that grades a card returns the review to record.
// What a card's actions mean (choose, reveal, tick, check, show the solution) is its kind's (kinds/registry.ts).
import type { Card } from 'ts-fsrs';
import type { CodeGrade } from './kinds/cardKind';
import type { CardPhase } from './kinds/cardKind';
import { cardKindOf, type QuizStep } from './kinds/registry';
import type { QuizProgress } from './progressStore';
import { buildQueue, type QueueReason, type QueueSettings } from './queue';
import type { QuizItem } from './quizItems';
import { GRADES, Rating, type Grade, type QuizReview, type QuizScheduler } from './scheduler';

export type { CardPhase };

export interface SessionSettings {
  newPerDay: number;
  reviewsPerDay: number;
  rolloverHour?: number;
}

/** Counts shown in the header: what is left in the queue, by kind. */
export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
  ahead: number;
}

/**
 * The card on screen: the item, the queue counts, and the step (its phase, the rating buttons' previews, the proposed
 * rating, and what its kind keeps: a multiple-choice card's `choice`, a recall card's `checked`, a cloze card's
 * `cloze` result, a code exercise's `codeGrade` and `checks`).
 */
export type CardView = Omit<QuizStep, 'itemId'> & {
  kind: 'card';
  item: QuizItem;
  counts: QueueCounts;
  /** Whether the last recorded rating can be undone. */
  canUndo?: boolean;
};

export interface EmptyView {
  kind: 'empty';
  /** When the next card becomes available (a due date, or tomorrow when a daily limit held cards back). */
  nextDueAt?: Date;
  /** Cards answered in this session. */
  answered: number;
  /** Whether Practise ahead would find cards (studied ones not yet due). */
  canPractiseAhead: boolean;
  /** True when the session is already practising ahead and has run out. */
  practisingAhead: boolean;
  /** Whether the last recorded rating can be undone. */
  canUndo?: boolean;
}

export type SessionView = CardView | EmptyView;

/** What a grading transition asks the store to record. */
export interface ReviewToRecord {
  state: Card;
  review: QuizReview;
}

type Current = QuizStep;

/** The last rating recorded in this session, to undo it. */
export interface RecordedRating {
  itemId: string;
  reviewId: string;
  reason: QueueReason;
}

/** A quiz scope is a topic key, or a whole deck (track) written `deck:<deck id>`. */
const DECK_SCOPE = 'deck:';

export function deckScope(deckId: string): string {
  return `${DECK_SCOPE}${deckId}`;
}

/** The deck a scope names, or undefined when it names a topic. */
export function deckOfScope(scope: string): string | undefined {
  return scope.startsWith(DECK_SCOPE) ? scope.slice(DECK_SCOPE.length) : undefined;
}

export class QuizSession {
  private current: Current | undefined;
  private practiseAhead = false;
  /** Cards answered (or skipped) in this session: practise-ahead does not serve them again. */
  private readonly done = new Set<string>();
  private readonly skipped = new Set<string>();
  private answered = 0;
  private lastRecorded: RecordedRating | undefined;
  private pendingStart: { itemId: string; reason: QueueReason } | undefined;

  constructor(
    private items: readonly QuizItem[],
    /** Limit to one topic (its key), to one deck (`deck:<deck id>`, see deckScope), or undefined for all topics. */
    readonly topicKey: string | undefined,
  ) {}

  /** New card data (a deck changed): the current card stays if it still exists. */
  setItems(items: readonly QuizItem[]): void {
    this.items = items;
    if (this.current && !items.some((item) => item.id === this.current?.itemId)) this.current = undefined;
  }

  /** Whether the user has done anything in this session (answered a card, or is in the middle of one). */
  get inProgress(): boolean {
    const current = this.current;
    if (this.answered > 0 || (current !== undefined && current.phase !== 'question')) return true;
    const card = current && this.cardOf(current);
    return current !== undefined && card !== undefined && cardKindOf(card).session.started?.(current) === true;
  }

  get isPractisingAhead(): boolean {
    return this.practiseAhead;
  }

  view(progress: QuizProgress, now: Date, settings: SessionSettings): SessionView {
    const queue = this.queue(progress, now, settings, this.practiseAhead);
    const entries = queue.entries.filter((entry) => !this.skipped.has(entry.cardId) && !(entry.reason === 'ahead' && this.done.has(entry.cardId)));
    if (!this.current && this.pendingStart) {
      // A card whose rating was undone comes back first, as it was before it was answered.
      this.current = this.start(this.pendingStart.itemId, this.pendingStart.reason, progress);
      this.pendingStart = undefined;
    }
    if (!this.current) {
      const next = entries[0];
      if (next) this.current = this.start(next.cardId, next.reason, progress);
    }
    const current = this.current;
    const item = current && this.items.find((candidate) => candidate.id === current.itemId);
    if (!current || !item) {
      const ahead = this.practiseAhead ? entries : this.queue(progress, now, settings, true).entries.filter((entry) => !this.skipped.has(entry.cardId));
      return {
        kind: 'empty',
        nextDueAt: queue.nextDueAt,
        answered: this.answered,
        canPractiseAhead: !this.practiseAhead && ahead.length > 0,
        practisingAhead: this.practiseAhead,
        ...this.undoable(),
      };
    }
    const counts: QueueCounts = { learning: 0, review: 0, new: 0, ahead: 0 };
    for (const entry of entries) counts[entry.reason] += 1;
    // The card on screen has been answered already but still counts until the user moves on.
    if (!entries.some((entry) => entry.cardId === current.itemId)) counts[current.reason] += 1;
    return { kind: 'card', item, ...current, counts, ...this.undoable() };
  }

  private undoable(): { canUndo?: true } {
    return this.lastRecorded ? { canUndo: true } : {};
  }

  /** An option picked (an index in display order), on a kind that has options: graded at once. */
  choose(displayIndex: number, progress: QuizProgress, now: Date, scheduler: QuizScheduler): ReviewToRecord | undefined {
    const current = this.current;
    const card = current && this.cardOf(current);
    if (!current || !card || current.phase !== 'question') return undefined;
    const rating = cardKindOf(card).session.choose?.(card, current, displayIndex);
    if (rating === undefined) return undefined;
    current.phase = 'answered';
    return this.grade(current, rating, progress, now, scheduler);
  }

  /**
   * Shows the answer, on a kind that reveals (recall: the model answer and the checklist; cloze: what was typed,
   * `answers`, one per blank number, compared with the blanks). Then the rating buttons offer what each would give.
   */
  reveal(progress: QuizProgress, now: Date, scheduler: QuizScheduler, answers: readonly string[] = []): boolean {
    const current = this.current;
    const card = current && this.cardOf(current);
    const session = card && cardKindOf(card).session;
    if (!current || !card || current.phase !== 'question' || !session?.reveal) return false;
    session.reveal(card, current, answers);
    current.phase = 'revealed';
    current.previews = scheduler.preview(progress.cards[current.itemId], now);
    return true;
  }

  /** Once revealed, on a kind with a checklist: ticks the points the user's answer covered, and suggests a rating. */
  setChecklist(checked: readonly number[]): boolean {
    const current = this.current;
    const card = current && this.cardOf(current);
    if (!current || !card || current.phase !== 'revealed') return false;
    return cardKindOf(card).session.setChecklist?.(card, current, checked) ?? false;
  }

  /** The user's own rating: a revealed card, or a code exercise that passed. Moves on to the next card. */
  rate(rating: Grade, progress: QuizProgress, now: Date, scheduler: QuizScheduler): ReviewToRecord | undefined {
    const current = this.current;
    if (!current || (current.phase !== 'revealed' && current.phase !== 'passed') || !GRADES.includes(rating)) return undefined;
    const result = this.grade(current, rating, progress, now, scheduler);
    this.current = undefined;
    return result;
  }

  /**
   * Code exercise: the results of a test run. Nothing is recorded: failing cases are shown and the user may fix the
   * code and check again; once every case passes the solution is shown and a rating proposed for the user to pick.
   */
  codeChecked(codeGrade: CodeGrade, progress: QuizProgress, now: Date, scheduler: QuizScheduler): boolean {
    const current = this.current;
    const card = current && this.cardOf(current);
    const session = card && cardKindOf(card).session;
    if (!current || !session?.codeChecked || current.phase === 'passed') return false;
    const proposed = session.codeChecked(current, codeGrade);
    if (proposed !== undefined && current.phase === 'question') {
      current.phase = 'passed';
      current.previews = scheduler.preview(progress.cards[current.itemId], now);
      current.proposed = proposed;
    }
    return true;
  }

  /** On a kind that allows it: shows the solution without a pass, which counts as a lapse (recorded as Again). */
  showSolution(progress: QuizProgress, now: Date, scheduler: QuizScheduler): ReviewToRecord | undefined {
    const current = this.current;
    const card = current && this.cardOf(current);
    if (!current || !card || current.phase !== 'question' || cardKindOf(card).session.canShowSolution !== true) return undefined;
    current.phase = 'solution';
    return this.grade(current, Rating.Again, progress, now, scheduler);
  }

  /**
   * Takes back the last rating recorded in this session: its card comes back, unanswered. Returns what the store
   * must remove, or undefined when there is nothing to undo.
   */
  undo(): RecordedRating | undefined {
    const last = this.lastRecorded;
    if (!last || !this.items.some((item) => item.id === last.itemId)) return undefined;
    this.lastRecorded = undefined;
    this.answered = Math.max(0, this.answered - 1);
    this.done.delete(last.itemId);
    this.skipped.delete(last.itemId);
    this.pendingStart = { itemId: last.itemId, reason: last.reason };
    this.current = undefined;
    return last;
  }

  /** Leaves a card for later in this session (a code exercise the user does not want to do now); nothing is recorded. */
  skip(): boolean {
    if (!this.current || this.current.phase !== 'question') return false;
    this.skipped.add(this.current.itemId);
    this.current = undefined;
    return true;
  }

  /** Continues after an answered multiple-choice card or an exercise whose solution was shown. */
  next(): boolean {
    if (!this.current || (this.current.phase !== 'answered' && this.current.phase !== 'solution')) return false;
    this.current = undefined;
    return true;
  }

  /** Serves studied cards before they are due (and reviews past the daily limit), soonest due first. */
  startPractisingAhead(): void {
    this.practiseAhead = true;
    this.skipped.clear();
  }

  private queue(progress: QuizProgress, now: Date, settings: SessionSettings, practiseAhead: boolean) {
    const queueSettings: Partial<QueueSettings> = {
      newPerDay: settings.newPerDay,
      reviewsPerDay: settings.reviewsPerDay,
      ...(settings.rolloverHour !== undefined ? { rolloverHour: settings.rolloverHour } : {}),
      ...(this.topicKey !== undefined && deckOfScope(this.topicKey) === undefined ? { topics: [this.topicKey] } : {}),
      practiseAhead,
    };
    const deck = this.topicKey !== undefined ? deckOfScope(this.topicKey) : undefined;
    const cards = this.items.filter((item) => deck === undefined || item.deckId === deck).map((item) => ({ id: item.id, topic: item.topicKey }));
    return buildQueue(cards, progress.cards, progress.log, now, queueSettings);
  }

  private start(itemId: string, reason: QueueReason, progress: QuizProgress): Current {
    const card = this.items.find((candidate) => candidate.id === itemId)?.card;
    // The seed changes with every review, so what a kind shuffles moves between reviews but not within one.
    const own = card && cardKindOf(card).session.start?.(card, `${itemId}:${progress.cards[itemId]?.reps ?? 0}`);
    return { ...own, itemId, reason, phase: 'question' };
  }

  private cardOf(current: Current) {
    return this.items.find((item) => item.id === current.itemId)?.card;
  }

  private grade(current: Current, rating: Grade, progress: QuizProgress, now: Date, scheduler: QuizScheduler): ReviewToRecord {
    current.rating = rating;
    this.answered += 1;
    this.done.add(current.itemId);
    const result = scheduler.rate(current.itemId, progress.cards[current.itemId], rating, now);
    this.lastRecorded = { itemId: current.itemId, reviewId: result.review.id, reason: current.reason };
    return result;
  }
}
