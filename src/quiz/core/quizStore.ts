// Quiz progress on this machine and across machines, in two places sized for years of daily use:
// - this machine's log file (reviewHistory.ts): every review and card state, appended as answers are saved;
// - a bounded copy for Settings Sync (SYNCED_PROGRESS_KEY in globalState): the recent reviews and card states.
// Reading combines them: reviews another machine synced are replayed into their cards and kept in this machine's log,
// so nothing is lost on either side. Every write re-reads first and merges (mergeProgress) what another window or
// machine wrote meanwhile. Undo and Reset Progress travel too (taken-back ids, a reset mark). Progress saved by earlier
// versions (the whole log in one synced globalState key) is moved into these places on first read. vscode-free.
import type { Card } from 'ts-fsrs';
import { emptyProgress, loadProgress, mergeProgress, PROGRESS_VERSION, recordReview, type QuizProgress } from './progressStore';
import type { HistorySnapshot, ReviewHistory } from './reviewHistory';
import { compareReviews, type QuizReview, type QuizScheduler } from './scheduler';
import type { ReviewToRecord } from './quizSession';
import { cardToRow, decodeSynced, encodeSynced, lastReviewTime, laterMark, SYNCED_PROGRESS_KEY, type ResetMark, type SyncedProgress, type SyncedReview } from './syncedProgress';
import { PROBLEM_PROGRESS_KEY } from '../../problems/core/problemProgress';
import { CHECKLIST_KEY } from '../../webview/core/checklistStore';
import { MOCK_REPORTS_SYNCED_KEY, MOCK_SESSION_KEY } from '../../mock/core/mockStore';

/** Where earlier builds kept the whole progress (synced): read once, moved into the file, then removed. */
export const PROGRESS_KEY = 'mlInterview.quiz.progress';
/** Keys that follow the user through Settings Sync. */
export const SYNCED_KEYS: readonly string[] = [SYNCED_PROGRESS_KEY, CHECKLIST_KEY, PROBLEM_PROGRESS_KEY, MOCK_SESSION_KEY, MOCK_REPORTS_SYNCED_KEY];

/** The part of vscode.Memento the store uses. */
export interface ProgressMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

/** Where unreadable data went, and why it could not be read (for a warning message). */
export interface Recovery {
  backupKey: string;
  reason: string;
}

export function backupKeyFor(now: Date, key = PROGRESS_KEY): string {
  return `${key}.corrupt-${now.toISOString()}`;
}

/** Progress as stored, with what erases reviews (a reset, reviews taken back). */
interface Stored {
  progress: QuizProgress;
  reset: ResetMark;
  /** Ids of reviews taken back, oldest first (the newest travel in the synced copy). */
  undone: ReadonlySet<string>;
  /** The log file as this was read from it. */
  history: HistorySnapshot;
}

export class QuizStore {
  private cache: { history: HistorySnapshot; syncedRaw: unknown; stored: Stored } | undefined;
  /** The progress this window last handed out: answers are computed from it. */
  private seen: QuizProgress | undefined;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly memento: ProgressMemento,
    private readonly history: ReviewHistory,
    private readonly scheduler: () => QuizScheduler,
    private readonly clock: () => Date = () => new Date(),
    /** Told when unreadable data was set aside. */
    private readonly onRecovered: (recovery: Recovery) => void = () => undefined,
  ) {}

  /** The stored progress as it is now (another window or machine may have written since the last call). */
  async current(): Promise<QuizProgress> {
    const read = this.writing.then(() => this.read());
    this.writing = read.catch(() => undefined);
    this.seen = (await read).progress;
    return this.seen;
  }

  /**
   * Records one answer, computed from the progress last returned by current(). The stored copy is re-read and, if
   * another window or machine wrote meanwhile, merged (the union of both logs) before writing. Writes queue up.
   */
  record(toRecord: ReviewToRecord): Promise<QuizProgress> {
    return this.queue(async () => {
      const stored = await this.read();
      const base = this.seen ?? stored.progress;
      const mine = recordReview(base, toRecord.state, toRecord.review);
      if (stored.progress === base) return this.persist({ ...stored, progress: mine }, [toRecord.review], [], new Set([toRecord.review.cardId]));
      const merged = this.erase(mergeProgress(mine, stored.progress, this.scheduler()), stored.reset, stored.undone);
      return this.persist({ ...stored, progress: merged }, merged.log.filter((review) => !stored.history.ids.has(review.id)));
    });
  }

  /**
   * Takes one review back (Undo in the quiz): removes it from the log and re-derives its card from the card's other
   * reviews (no review left: the card is new again). Other windows and machines drop it too.
   */
  undo(cardId: string, reviewId: string): Promise<QuizProgress> {
    return this.queue(async () => {
      const stored = await this.read();
      const undone = new Set(stored.undone).add(reviewId);
      return this.persist({ ...stored, progress: this.erase(stored.progress, stored.reset, new Set([reviewId]), cardId), undone }, [], [reviewId]);
    });
  }

  /**
   * Merges progress from elsewhere (Import Progress: a file from Export Progress, another machine's or an older copy)
   * into the stored one the way two windows' copies merge: the union of both review logs, cards re-derived where they
   * differ. Importing the same file twice changes nothing; importing after Reset Progress brings the reviews back.
   */
  importProgress(other: QuizProgress): Promise<QuizProgress> {
    return this.queue(async () => {
      const stored = await this.read();
      const oldest = other.log.reduce((min, review) => Math.min(min, review.review.getTime()), Number.POSITIVE_INFINITY);
      const reset = oldest < stored.reset.before ? { before: oldest, stamp: Math.max(this.clock().getTime(), stored.reset.stamp + 1) } : stored.reset;
      const merged = this.erase(mergeProgress(stored.progress, other, this.scheduler()), reset, stored.undone);
      return this.persist({ ...stored, progress: merged, reset }, merged.log.filter((review) => !stored.history.ids.has(review.id)));
    });
  }

  /** Erases all progress (Reset Progress), here and, through the reset mark, in other windows and on other machines. */
  async reset(): Promise<void> {
    await this.queue(async () => {
      const now = this.clock().getTime();
      const progress = emptyProgress();
      // A later stamp than any mark before, even within the same millisecond.
      const reset = { before: now + 1, stamp: Math.max(now, (await this.history.read()).reset.stamp + 1, decodeSynced(this.memento.get(SYNCED_PROGRESS_KEY)).reset.stamp + 1) };
      await this.memento.update(SYNCED_PROGRESS_KEY, encodeSynced(progress, reset, []));
      await this.history.replace({ reset });
      this.cache = undefined;
      return progress;
    });
  }

  /** Runs a write after the earlier ones; what it returns is what this window has seen. */
  private queue(write: () => Promise<QuizProgress>): Promise<QuizProgress> {
    const next = this.writing.then(write).then((progress) => (this.seen = progress));
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Drops reviews erased by a reset or taken back and re-derives the cards that lost reviews. */
  private erase(progress: QuizProgress, reset: ResetMark, undone: ReadonlySet<string>, alsoReplay?: string): QuizProgress {
    const changed = new Set<string>(alsoReplay ? [alsoReplay] : []);
    const log = progress.log.filter((review) => {
      const keep = review.review.getTime() >= reset.before && !undone.has(review.id);
      if (!keep) changed.add(review.cardId);
      return keep;
    });
    const cards = { ...progress.cards };
    for (const [id, card] of Object.entries(cards)) if (lastReviewTime(card) < reset.before && lastReviewTime(card) >= 0) delete cards[id];
    if (changed.size > 0) {
      const byCard = reviewsOf(log, changed);
      for (const cardId of changed) setState(cards, cardId, this.scheduler().replay(cardId, byCard.get(cardId) ?? []).state);
    }
    return changed.size === 0 && log.length === progress.log.length && Object.keys(cards).length === Object.keys(progress.cards).length ? progress : { ...progress, cards, log };
  }

  private async read(): Promise<Stored> {
    const migrated = await this.moveEarlierProgress();
    const history = await this.history.read();
    const syncedRaw = this.memento.get(SYNCED_PROGRESS_KEY);
    const cached = this.cache;
    if (cached && cached.history === history && cached.syncedRaw === syncedRaw) return cached.stored;
    const synced = decodeSynced(syncedRaw);
    const { stored, fresh, changed } = combine(history, synced, this.scheduler());
    if (stored.reset.stamp > history.reset.stamp) {
      // Another machine reset: this machine's file forgets what the reset erased.
      await this.history.replace({ reset: stored.reset, reviews: stored.progress.log, states: Object.entries(stored.progress.cards), undone: [...stored.undone] });
      await this.cacheIfCurrent(stored);
      return this.cache?.stored ?? stored;
    }
    if (fresh.length > 0 || changed.size > 0 || migrated) {
      // What another machine synced is kept in this machine's file, before the synced copy moves on.
      await this.persist(stored, fresh, [], changed);
      return this.cache?.stored ?? stored;
    }
    this.cache = { history, syncedRaw, stored };
    return stored;
  }

  /**
   * Writes progress: the synced copy, then the new lines of this machine's file (the reviews, the states of the cards
   * that changed, reviews taken back) in one append. If the synced copy cannot be written nothing is saved; if only
   * the file fails, the answer is in the synced copy and the next read replays it as it does another machine's.
   */
  private async persist(stored: Stored, appended: readonly QuizReview[], undoneNow: readonly string[] = [], changed?: ReadonlySet<string>): Promise<QuizProgress> {
    const { progress, reset, undone, history } = stored;
    await this.memento.update(SYNCED_PROGRESS_KEY, encodeSynced(progress, reset, undone));
    const states = [...(changed ?? changedCards(history.cards, progress.cards))].map((id) => [id, progress.cards[id]] as const);
    await this.history.append({ reviews: appended, states, undone: undoneNow, reset: reset.stamp > history.reset.stamp ? reset : undefined });
    return this.cacheIfCurrent(stored);
  }

  /** Caches `stored` for the file as it is now, if the file holds just its reviews (no other window appended). */
  private async cacheIfCurrent(stored: Stored): Promise<QuizProgress> {
    const { progress } = stored;
    const history = await this.history.read();
    const last = progress.log[progress.log.length - 1];
    const lastInFile = history.reviews[history.reviews.length - 1];
    this.cache =
      history.reviews.length === progress.log.length && last?.id === lastInFile?.id && history.cards.size === Object.keys(progress.cards).length
        ? { history, syncedRaw: this.memento.get(SYNCED_PROGRESS_KEY), stored: { ...stored, history } }
        : undefined;
    return progress;
  }

  /** Moves progress saved by earlier versions (PROGRESS_KEY) into this machine's file, then removes it. */
  private async moveEarlierProgress(): Promise<boolean> {
    const raw = this.memento.get(PROGRESS_KEY);
    if (raw === undefined || raw === null) return false;
    const loaded = loadProgress(raw);
    if (loaded.ok) {
      const history = await this.history.read();
      const states = Object.entries(loaded.progress.cards).filter(([id, card]) => lastReviewTime(card) > lastReviewTime(history.cards.get(id)));
      await this.history.append({ reviews: loaded.progress.log.filter((review) => !history.ids.has(review.id)), states });
    } else {
      const backupKey = backupKeyFor(this.clock());
      await this.memento.update(backupKey, loaded.unreadableCopy);
      this.onRecovered({ backupKey, reason: loaded.message });
    }
    await this.memento.update(PROGRESS_KEY, undefined);
    return true;
  }
}

function setState(cards: Record<string, Card>, cardId: string, state: Card | undefined): void {
  if (state) cards[cardId] = state;
  else delete cards[cardId];
}

function reviewsOf<T extends Pick<QuizReview, 'cardId'>>(log: readonly T[], cardIds: ReadonlySet<string>): Map<string, T[]> {
  const byCard = new Map<string, T[]>();
  for (const review of log) {
    if (!cardIds.has(review.cardId)) continue;
    const reviews = byCard.get(review.cardId);
    if (reviews) reviews.push(review);
    else byCard.set(review.cardId, [review]);
  }
  return byCard;
}

/** Merges two time-ordered logs. */
function mergeSorted(a: readonly QuizReview[], b: readonly QuizReview[]): QuizReview[] {
  const out: QuizReview[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareReviews(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** Cards whose state in `progress` is not the one the file holds (another object, or gone). */
function changedCards(inFile: ReadonlyMap<string, Card>, cards: Readonly<Record<string, Card>>): Set<string> {
  const changed = new Set<string>();
  for (const [id, card] of Object.entries(cards)) if (inFile.get(id) !== card) changed.add(id);
  for (const id of inFile.keys()) if (!(id in cards)) changed.add(id);
  return changed;
}

/**
 * This machine's file combined with the synced copy: the later reset mark applies; reviews taken back anywhere are
 * dropped; reviews only the synced copy has (answered on another machine) are replayed with the card's other reviews;
 * a card with reviews but no state (a damaged line) is replayed too. A synced card state wins when it is newer than
 * this machine's and its reviews are not all here (they left the synced copy before this machine saw them).
 * `fresh`: reviews to add to the file; `changed`: cards whose state differs from the file's.
 */
function combine(history: HistorySnapshot, synced: SyncedProgress, scheduler: QuizScheduler): { stored: Stored; fresh: QuizReview[]; changed: Set<string> } {
  const reset = laterMark(history.reset, synced.reset);
  const undone = new Set([...history.undone, ...synced.undone]);
  const touched = new Set<string>();
  const erased = (review: Pick<QuizReview, 'id' | 'review'>) => review.review.getTime() < reset.before || undone.has(review.id);
  let log: readonly QuizReview[] = history.reviews;
  if (reset.before > 0 || [...synced.undone].some((id) => history.ids.has(id) && !history.undone.has(id))) {
    log = log.filter((review) => {
      if (!erased(review)) return true;
      touched.add(review.cardId);
      return false;
    });
  }
  const cards: Record<string, Card> = {};
  for (const [id, card] of history.cards) if (lastReviewTime(card) >= reset.before || lastReviewTime(card) < 0) cards[id] = card;
  if (history.unreadableLines > 0) for (const review of log) if (!cards[review.cardId]) touched.add(review.cardId);
  const foreign = synced.reviews.filter((review) => !history.ids.has(review.id) && !erased(review));
  for (const review of foreign) touched.add(review.cardId);
  let fresh: QuizReview[] = [];
  if (touched.size > 0) {
    const byCard = reviewsOf<SyncedReview>(log, touched);
    for (const review of foreign) {
      const reviews = byCard.get(review.cardId);
      if (reviews) reviews.push(review);
      else byCard.set(review.cardId, [review]);
    }
    const replayed: QuizReview[] = [];
    for (const cardId of touched) {
      const reviews = byCard.get(cardId) ?? [];
      const result = scheduler.replay(cardId, reviews);
      const theirs = synced.cards.get(cardId);
      const gap = theirs && theirs.reps > reviews.length && lastReviewTime(theirs) > lastReviewTime(result.state);
      const state = gap ? theirs : result.state;
      // An unchanged card keeps the file's object, so that it is not written again.
      const same = state && cards[cardId] && JSON.stringify(cardToRow(state)) === JSON.stringify(cardToRow(cards[cardId]));
      if (!same) setState(cards, cardId, state);
      replayed.push(...result.reviews);
    }
    log = mergeSorted(log.filter((review) => !touched.has(review.cardId)), replayed.sort(compareReviews));
    fresh = replayed.filter((review) => !history.ids.has(review.id));
  }
  for (const [cardId, theirs] of synced.cards) {
    if (touched.has(cardId) || lastReviewTime(theirs) < reset.before) continue;
    if (lastReviewTime(theirs) > lastReviewTime(cards[cardId])) cards[cardId] = theirs;
  }
  const progress: QuizProgress = { version: PROGRESS_VERSION, cards, log: log as QuizReview[] };
  return { stored: { progress, reset, undone, history }, fresh, changed: changedCards(history.cards, cards) };
}
