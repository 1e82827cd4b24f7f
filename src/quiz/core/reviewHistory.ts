// This machine's quiz progress, in a file of its own (not in globalState, which VS Code serializes whole on every
// update and which Settings Sync uploads): an append-only log of JSON lines — a review, the card's state after it, a
// review taken back (Undo), a reset. Saving an answer appends two lines in one write; years of daily use (300,000
// reviews) make a file of about 40 MB. Windows on one machine append to the same file; reading picks up what any of
// them appended since the last read. A line that cannot be read (a hand edit) is skipped and left in the file.
// vscode-free.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Card, State } from 'ts-fsrs';
import { compareReviews, type QuizReview } from './scheduler';
import { cardToRow, isCount, isFiniteNumber, isMark, laterMark, NO_RESET, RATINGS, rowToCard, STATES, type ResetMark } from './syncedProgress';

/** One review as a line: [id, cardId, rating, review, state, due, stability, difficulty, elapsed_days,
 * last_elapsed_days, scheduled_days, learning_steps], times in ms since the epoch. */
/** The log's file name, in the extension's global storage folder. */
export const REVIEW_HISTORY_FILE = 'quiz-history.jsonl';

type ReviewRow = [string, string, number, number, number, number, number, number, number, number, number, number];

export function reviewToRow(review: QuizReview): ReviewRow {
  return [
    review.id,
    review.cardId,
    review.rating,
    review.review.getTime(),
    review.state,
    review.due.getTime(),
    review.stability,
    review.difficulty,
    review.elapsed_days,
    review.last_elapsed_days,
    review.scheduled_days,
    review.learning_steps,
  ];
}


/** The review a line holds, or undefined when it is not one (checked field by field: lines come from disk). */
export function rowToReview(row: unknown): QuizReview | undefined {
  if (!Array.isArray(row) || row.length !== 12) return undefined;
  const [id, cardId, rating, review, state, due, stability, difficulty, elapsed, lastElapsed, scheduled, steps] = row as unknown[];
  if (typeof id !== 'string' || id === '' || typeof cardId !== 'string' || cardId === '') return undefined;
  if (!RATINGS.has(rating as number) || !STATES.has(state as number) || !isFiniteNumber(review) || !isFiniteNumber(due)) return undefined;
  if (!isFiniteNumber(stability) || !isFiniteNumber(difficulty) || ![elapsed, lastElapsed, scheduled, steps].every(isCount)) return undefined;
  return {
    id,
    cardId,
    rating: rating as QuizReview['rating'],
    review: new Date(review),
    state: state as State,
    due: new Date(due),
    stability,
    difficulty,
    elapsed_days: elapsed as number,
    last_elapsed_days: lastElapsed as number,
    scheduled_days: scheduled as number,
    learning_steps: steps as number,
  };
}

/** What the file holds now. A new object only when something was appended or the file was replaced. */
export interface HistorySnapshot {
  /** Every review not taken back, in time order (compareReviews), each id once. */
  readonly reviews: readonly QuizReview[];
  readonly ids: ReadonlySet<string>;
  /** Ids of reviews taken back, oldest first. */
  readonly undone: ReadonlySet<string>;
  /** Each card's latest state. */
  readonly cards: ReadonlyMap<string, Card>;
  readonly reset: ResetMark;
  /** Lines that could not be read (left in the file). */
  readonly unreadableLines: number;
}

/** What one write adds. */
export interface HistoryEntries {
  reviews?: readonly QuizReview[];
  /** Card states now (undefined: the card is new again). */
  states?: Iterable<readonly [string, Card | undefined]>;
  undone?: readonly string[];
  reset?: ResetMark;
}

export interface ReviewHistory {
  read(): Promise<HistorySnapshot>;
  /** Appends entries in one write (a review id already present is skipped on reading). */
  append(entries: HistoryEntries): Promise<void>;
  /** Writes the file anew with just these (Reset Progress; a reset made on another machine). */
  replace(entries: HistoryEntries): Promise<void>;
}

const emptySnapshot = (): HistorySnapshot => ({ reviews: [], ids: new Set(), undone: new Set(), cards: new Map(), reset: NO_RESET, unreadableLines: 0 });

function entryLines(entries: HistoryEntries): string[] {
  const lines: string[] = [];
  if (entries.reset) lines.push(JSON.stringify({ reset: entries.reset }));
  for (const review of entries.reviews ?? []) lines.push(JSON.stringify(reviewToRow(review)));
  for (const [card, state] of entries.states ?? []) lines.push(JSON.stringify({ card, state: state ? cardToRow(state) : null }));
  for (const id of entries.undone ?? []) lines.push(JSON.stringify({ undo: id }));
  return lines;
}

export class ReviewHistoryFile implements ReviewHistory {
  private snapshot: HistorySnapshot = emptySnapshot();
  /** How many bytes of the file the snapshot has read (complete lines only). */
  private offset = 0;
  /** Identifies the file the offset belongs to (a cleared or replaced file starts over). */
  private fileIdentity = '';

  constructor(readonly file: string) {}

  async read(): Promise<HistorySnapshot> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return this.offset === 0 && this.fileIdentity === '' ? this.snapshot : this.reset();
    }
    try {
      const stat = await handle.stat();
      const identity = `${stat.dev}:${stat.ino}:${stat.birthtimeMs}`;
      if (identity !== this.fileIdentity || stat.size < this.offset) {
        this.reset();
        this.fileIdentity = identity;
      }
      if (stat.size === this.offset) return this.snapshot;
      const buffer = Buffer.alloc(stat.size - this.offset);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset);
      // Only complete lines: another window may be in the middle of appending the last one.
      const end = buffer.lastIndexOf(0x0a, bytesRead - 1);
      if (end < 0) return this.snapshot;
      this.offset += end + 1;
      this.snapshot = addLines(this.snapshot, buffer.toString('utf8', 0, end));
      return this.snapshot;
    } finally {
      await handle.close();
    }
  }

  async append(entries: HistoryEntries): Promise<void> {
    const lines = entryLines(entries);
    if (lines.length === 0) return;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    // One append call: with O_APPEND the lines land after whatever another window wrote, never inside it.
    await fs.appendFile(this.file, `${lines.join('\n')}\n`, 'utf8');
  }

  async replace(entries: HistoryEntries): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    // A new file renamed over the old one: a reader sees the old log or the new one, never half of it, and other
    // windows notice the new file (another inode) and read it from the start.
    const next = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(next, entryLines(entries).map((line) => `${line}\n`).join(''), 'utf8');
    await fs.rename(next, this.file);
    this.reset();
  }

  private reset(): HistorySnapshot {
    this.snapshot = emptySnapshot();
    this.offset = 0;
    this.fileIdentity = '';
    return this.snapshot;
  }
}

function parseLines(text: string): { entries: unknown[]; unreadable: number } {
  // One JSON.parse for the whole chunk is several times faster than one per line; a bad line falls back to lines.
  try {
    return { entries: JSON.parse(`[${text.split('\n').filter((line) => line.trim() !== '').join(',')}]`) as unknown[], unreadable: 0 };
  } catch {
    let unreadable = 0;
    const entries: unknown[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        entries.push(JSON.parse(line));
      } catch {
        unreadable += 1;
      }
    }
    return { entries, unreadable };
  }
}

function addLines(previous: HistorySnapshot, text: string): HistorySnapshot {
  const { entries, unreadable } = parseLines(text);
  // The sets grow in place (a copy of 300,000 ids per read would cost more than the read): the previous snapshot is
  // never used again once this one exists.
  const ids = previous.ids as Set<string>;
  const undone = previous.undone as Set<string>;
  const cards = previous.cards as Map<string, Card>;
  let reset = previous.reset;
  const undoneBefore = undone.size;
  const added: QuizReview[] = [];
  let unreadableLines = previous.unreadableLines + unreadable;
  for (const entry of entries) {
    if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
      const line = entry as { undo?: unknown; card?: unknown; state?: unknown; reset?: unknown };
      const state = typeof line.card === 'string' && line.state !== null ? rowToCard(line.state) : undefined;
      if (typeof line.undo === 'string') undone.add(line.undo);
      else if (typeof line.card === 'string' && line.state === null) cards.delete(line.card);
      else if (typeof line.card === 'string' && state) cards.set(line.card, state);
      else if (isMark(line.reset)) reset = laterMark(reset, line.reset);
      else unreadableLines += 1;
      continue;
    }
    const review = rowToReview(entry);
    if (!review) unreadableLines += 1;
    else if (!ids.has(review.id)) {
      ids.add(review.id);
      if (!undone.has(review.id)) added.push(review);
    }
  }
  let reviews = previous.reviews;
  if (added.length > 0) {
    const last = reviews[reviews.length - 1];
    const inOrder = added.every((review, index) => (index === 0 ? !last || compareReviews(last, review) <= 0 : compareReviews(added[index - 1], review) <= 0));
    reviews = inOrder ? [...reviews, ...added] : [...reviews, ...added].sort(compareReviews);
  }
  if (undone.size > undoneBefore) reviews = reviews.filter((review) => !undone.has(review.id));
  return { reviews, ids, undone, cards, reset, unreadableLines };
}
