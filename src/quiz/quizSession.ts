// The quiz session as a state machine, free of vscode: which card is up, what the user has done with it, and what
// to show when nothing is due. Progress lives outside (the store); every call takes the current progress and time,
// and a transition that grades a card returns the review to record.
import type { Card } from 'ts-fsrs';
import type { CodeGrade } from './codeGrading';
import { gradeMultipleChoice, shuffleOptions } from './mcShuffle';
import type { QuizProgress } from './progressStore';
import { buildQueue, type QueueReason, type QueueSettings } from './queue';
import type { QuizItem } from './quizItems';
import { GRADES, type Grade, type QuizReview, type QuizScheduler, type RatingPreview } from './scheduler';

export interface SessionSettings {
  newPerDay: number;
  reviewsPerDay: number;
  rolloverHour?: number;
}

export type CardPhase = 'question' | 'answered' | 'revealed' | 'checked';

/** Counts shown in the header: what is left in the queue, by kind. */
export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
  ahead: number;
}

export interface CardView {
  kind: 'card';
  item: QuizItem;
  reason: QueueReason;
  phase: CardPhase;
  counts: QueueCounts;
  /** Multiple choice: option indices (into the card's options) in display order; after answering, the choice. */
  choice?: { order: number[]; chosen?: number; correctIndex: number };
  /** Recall, once revealed: what each rating button would give. */
  previews?: RatingPreview[];
  /** Code exercise, once checked. */
  codeGrade?: CodeGrade;
  /** The rating recorded for this card in this step, if any. */
  rating?: Grade;
}

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
}

export type SessionView = CardView | EmptyView;

/** What a grading transition asks the store to record. */
export interface ReviewToRecord {
  state: Card;
  review: QuizReview;
}

interface Current {
  itemId: string;
  reason: QueueReason;
  phase: CardPhase;
  choice?: { order: number[]; chosen?: number; correctIndex: number };
  previews?: RatingPreview[];
  codeGrade?: CodeGrade;
  rating?: Grade;
}

export class QuizSession {
  private current: Current | undefined;
  private practiseAhead = false;
  /** Cards answered (or skipped) in this session: practise-ahead does not serve them again. */
  private readonly done = new Set<string>();
  private readonly skipped = new Set<string>();
  private answered = 0;

  constructor(
    private items: readonly QuizItem[],
    /** Limit to one topic (`<deckId>/<topicId>`), or all topics. */
    readonly topicKey: string | undefined,
  ) {}

  /** New card data (a deck changed): the current card stays if it still exists. */
  setItems(items: readonly QuizItem[]): void {
    this.items = items;
    if (this.current && !items.some((item) => item.id === this.current?.itemId)) this.current = undefined;
  }

  get isPractisingAhead(): boolean {
    return this.practiseAhead;
  }

  view(progress: QuizProgress, now: Date, settings: SessionSettings): SessionView {
    const queue = this.queue(progress, now, settings, this.practiseAhead);
    const entries = queue.entries.filter((entry) => !this.skipped.has(entry.cardId) && !(entry.reason === 'ahead' && this.done.has(entry.cardId)));
    if (!this.current) {
      const next = entries[0];
      if (next) this.current = this.start(next.cardId, next.reason, progress);
    }
    const current = this.current;
    const item = current && this.items.find((candidate) => candidate.id === current.itemId);
    if (!current || !item) {
      const ahead = this.practiseAhead ? entries : this.queue(progress, now, settings, true).entries.filter((entry) => !this.skipped.has(entry.cardId));
      return { kind: 'empty', nextDueAt: queue.nextDueAt, answered: this.answered, canPractiseAhead: !this.practiseAhead && ahead.length > 0, practisingAhead: this.practiseAhead };
    }
    const counts: QueueCounts = { learning: 0, review: 0, new: 0, ahead: 0 };
    for (const entry of entries) counts[entry.reason] += 1;
    // The card on screen has been answered already but still counts until the user moves on.
    if (!entries.some((entry) => entry.cardId === current.itemId)) counts[current.reason] += 1;
    return { kind: 'card', item, ...current, counts };
  }

  /** Multiple choice: grades the option (an index in display order) at once. */
  choose(displayIndex: number, progress: QuizProgress, now: Date, scheduler: QuizScheduler): ReviewToRecord | undefined {
    const current = this.current;
    if (!current?.choice || current.phase !== 'question') return undefined;
    if (!Number.isInteger(displayIndex) || displayIndex < 0 || displayIndex >= current.choice.order.length) return undefined;
    const grade = gradeMultipleChoice(current.choice, displayIndex);
    current.choice = { ...current.choice, chosen: displayIndex };
    current.phase = 'answered';
    return this.grade(current, grade.rating, progress, now, scheduler);
  }

  /** Recall: shows the model answer and the checklist, with what each rating would give. */
  reveal(progress: QuizProgress, now: Date, scheduler: QuizScheduler): boolean {
    const current = this.current;
    if (!current || current.phase !== 'question' || this.kindOf(current) !== 'recall') return false;
    current.phase = 'revealed';
    current.previews = scheduler.preview(progress.cards[current.itemId], now);
    return true;
  }

  /** Recall: the user's own rating, once revealed; moves on to the next card. */
  rate(rating: Grade, progress: QuizProgress, now: Date, scheduler: QuizScheduler): ReviewToRecord | undefined {
    const current = this.current;
    if (!current || current.phase !== 'revealed' || !GRADES.includes(rating)) return undefined;
    const result = this.grade(current, rating, progress, now, scheduler);
    this.current = undefined;
    return result;
  }

  /** Code exercise: the graded test run. The first check of a card is recorded; later checks only update the results. */
  codeChecked(codeGrade: CodeGrade, progress: QuizProgress, now: Date, scheduler: QuizScheduler): ReviewToRecord | undefined {
    const current = this.current;
    if (!current || this.kindOf(current) !== 'code') return undefined;
    current.codeGrade = codeGrade;
    if (current.phase === 'checked') return undefined;
    current.phase = 'checked';
    return this.grade(current, codeGrade.rating, progress, now, scheduler);
  }

  /** Leaves a card for later in this session (a code exercise the user does not want to do now); nothing is recorded. */
  skip(): boolean {
    if (!this.current || this.current.phase !== 'question') return false;
    this.skipped.add(this.current.itemId);
    this.current = undefined;
    return true;
  }

  /** Continues after an answered multiple-choice card or a checked exercise. */
  next(): boolean {
    if (!this.current || (this.current.phase !== 'answered' && this.current.phase !== 'checked')) return false;
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
      ...(this.topicKey !== undefined ? { topics: [this.topicKey] } : {}),
      practiseAhead,
    };
    const cards = this.items.map((item) => ({ id: item.id, topic: item.topicKey }));
    return buildQueue(cards, progress.cards, progress.log, now, queueSettings);
  }

  private start(itemId: string, reason: QueueReason, progress: QuizProgress): Current {
    const item = this.items.find((candidate) => candidate.id === itemId);
    const current: Current = { itemId, reason, phase: 'question' };
    if (item?.card.kind === 'mc') {
      // The seed changes with every review, so the options move between reviews but not within one.
      const seed = `${itemId}:${progress.cards[itemId]?.reps ?? 0}`;
      const shuffled = shuffleOptions(
        item.card.options.map((option, index) => ({ ...option, index })),
        seed,
      );
      current.choice = { order: shuffled.originalIndices, correctIndex: shuffled.correctIndex };
    }
    return current;
  }

  private kindOf(current: Current): string | undefined {
    return this.items.find((item) => item.id === current.itemId)?.card.kind;
  }

  private grade(current: Current, rating: Grade, progress: QuizProgress, now: Date, scheduler: QuizScheduler): ReviewToRecord {
    current.rating = rating;
    this.answered += 1;
    this.done.add(current.itemId);
    return scheduler.rate(current.itemId, progress.cards[current.itemId], rating, now);
  }
}
