// The quiz session as a state machine, free of vscode: which card is up, what the user has done with it, and what
// to show when nothing is due. Progress lives outside (the store); every call takes the current progress and time,
// and a transition that grades a card returns the review to record.
import type { Card } from 'ts-fsrs';
import type { CodeGrade } from './codeGrading';
import { blankNumbers, clozeAnswerMatches, parseCloze } from './cloze';
import { gradeMultipleChoice, shuffleOptions } from './mcShuffle';
import type { QuizProgress } from './progressStore';
import { buildQueue, type QueueReason, type QueueSettings } from './queue';
import type { QuizItem } from './quizItems';
import { GRADES, Rating, type Grade, type QuizReview, type QuizScheduler, type RatingPreview } from './scheduler';

export interface SessionSettings {
  newPerDay: number;
  reviewsPerDay: number;
  rolloverHour?: number;
}

/**
 * question: not answered yet (a code exercise stays here while its checks fail); answered: a multiple-choice card
 * graded; revealed: a recall or cloze card's answer shown, waiting for the user's rating; passed: every case of a code
 * exercise passes, its solution is shown and the user picks the rating; solution: the user gave up on an exercise and
 * asked for its solution (recorded as Again).
 */
export type CardPhase = 'question' | 'answered' | 'revealed' | 'passed' | 'solution';

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
  /** Recall once revealed, code once passed: what each rating button would give. */
  previews?: RatingPreview[];
  /** Code exercise: the results of the last check. */
  codeGrade?: CodeGrade;
  /** Code exercise: how many times Check ran on this card. */
  checks?: number;
  /** Recall: the checklist items the user ticked as covered. */
  checked?: number[];
  /** Recall and code: the rating suggested to the user (from the ticked checklist, or the checks); the user chooses. */
  proposed?: Grade;
  /** Whether the last recorded rating can be undone. */
  canUndo?: boolean;
  /** Cloze, once revealed: what the user typed per blank and whether it matched. */
  cloze?: ClozeResult;
  /** The rating recorded for this card in this step, if any. */
  rating?: Grade;
}

export interface ClozeResult {
  /** Per blank number, in order of first appearance. */
  given: string[];
  correct: boolean[];
  /** Good when every blank matched, Again otherwise; the user rates, this is only the default button. */
  proposed: Grade;
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
  /** Whether the last recorded rating can be undone. */
  canUndo?: boolean;
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
  cloze?: ClozeResult;
  checks?: number;
  checked?: number[];
  proposed?: Grade;
  rating?: Grade;
}

/** The last rating recorded in this session, to undo it. */
export interface RecordedRating {
  itemId: string;
  reviewId: string;
  reason: QueueReason;
}

/**
 * The rating a ticked checklist suggests: every point covered → Good, at least half → Hard, fewer → Again. Easy
 * stays the user's own call.
 */
export function ratingFromChecklist(checked: number, total: number): Grade {
  if (total <= 0 || checked >= total) return Rating.Good;
  return checked * 2 >= total ? Rating.Hard : Rating.Again;
}

/** The rating a passing exercise suggests: Good when it passed at the first check, Hard when it took several. */
export function ratingFromChecks(checks: number): Grade {
  return checks <= 1 ? Rating.Good : Rating.Hard;
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
    return this.answered > 0 || (this.current !== undefined && this.current.phase !== 'question') || this.current?.codeGrade !== undefined;
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

  /**
   * Recall: shows the model answer and the checklist. Cloze: compares what was typed (`answers`, one per blank number)
   * and shows the filled text. Both then offer the rating buttons with what each would give.
   */
  reveal(progress: QuizProgress, now: Date, scheduler: QuizScheduler, answers: readonly string[] = []): boolean {
    const current = this.current;
    const card = this.items.find((item) => item.id === current?.itemId)?.card;
    if (!current || current.phase !== 'question' || (card?.kind !== 'recall' && card?.kind !== 'cloze')) return false;
    if (card.kind === 'cloze') current.cloze = gradeCloze([card.text.en, card.text['zh-cn']], answers);
    current.phase = 'revealed';
    current.previews = scheduler.preview(progress.cards[current.itemId], now);
    return true;
  }

  /** Recall: ticks the checklist points the user's answer covered, and suggests a rating from them. */
  setChecklist(checked: readonly number[]): boolean {
    const current = this.current;
    const item = current && this.items.find((candidate) => candidate.id === current.itemId);
    if (!current || current.phase !== 'revealed' || item?.card.kind !== 'recall') return false;
    const total = item.card.checklist.en.length;
    current.checked = [...new Set(checked)].filter((index) => Number.isInteger(index) && index >= 0 && index < total).sort((a, b) => a - b);
    current.proposed = ratingFromChecklist(current.checked.length, total);
    return true;
  }

  /** The user's own rating: a revealed recall or cloze card, or a code exercise that passed. Moves on to the next card. */
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
    if (!current || this.kindOf(current) !== 'code' || current.phase === 'passed') return false;
    current.codeGrade = codeGrade;
    current.checks = (current.checks ?? 0) + 1;
    const passed = codeGrade.results.length > 0 && codeGrade.passedCount === codeGrade.results.length;
    if (passed && current.phase === 'question') {
      current.phase = 'passed';
      current.previews = scheduler.preview(progress.cards[current.itemId], now);
      current.proposed = ratingFromChecks(current.checks);
    }
    return true;
  }

  /** Code exercise: shows the solution without a pass, which counts as a lapse (recorded as Again). */
  showSolution(progress: QuizProgress, now: Date, scheduler: QuizScheduler): ReviewToRecord | undefined {
    const current = this.current;
    if (!current || current.phase !== 'question' || this.kindOf(current) !== 'code') return undefined;
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
    const result = scheduler.rate(current.itemId, progress.cards[current.itemId], rating, now);
    this.lastRecorded = { itemId: current.itemId, reviewId: result.review.id, reason: current.reason };
    return result;
  }
}

/**
 * Compares typed answers (one per blank number, in order of first appearance) with a cloze card's blanks. A blank's
 * answer in either language counts, so a card read in Chinese accepts the English term and the other way round.
 */
export function gradeCloze(texts: readonly string[], answers: readonly string[]): ClozeResult {
  const blanks = texts.flatMap((text) => {
    const parsed = parseCloze(text);
    return parsed.ok ? parsed.blanks : [];
  });
  const numbers = blankNumbers(blanks);
  const given = numbers.map((_, index) => (answers[index] ?? '').slice(0, 500));
  const correct = numbers.map((number, index) =>
    blanks.some((blank) => blank.index === number && clozeAnswerMatches(given[index], blank.answer)),
  );
  return { given, correct, proposed: correct.length > 0 && correct.every(Boolean) ? 3 : 1 };
}
