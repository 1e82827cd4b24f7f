// Quiz progress in a Memento (context.globalState), under named keys. Every write re-reads the stored copy and
// merges it with this window's (mergeProgress), so two windows reviewing at once lose no review. Unreadable data is
// kept under a backup key before starting clean. vscode-free: the Memento is an interface.
import {
  emptyProgress,
  loadProgress,
  mergeProgress,
  recordReview,
  serializeProgress,
  type QuizProgress,
} from './progressStore';
import type { QuizScheduler } from './scheduler';
import type { ReviewToRecord } from './quizSession';
import { PROBLEM_PROGRESS_KEY } from '../../problems/core/problemProgress';
import { CHECKLIST_KEY } from '../../webview/core/checklistStore';
import { MOCK_REPORTS_KEY, MOCK_SESSION_KEY } from '../../mock/core/mockStore';

export const PROGRESS_KEY = 'mlInterview.quiz.progress';
/** Keys that follow the user through Settings Sync. */
export const SYNCED_KEYS: readonly string[] = [PROGRESS_KEY, CHECKLIST_KEY, PROBLEM_PROGRESS_KEY, MOCK_SESSION_KEY, MOCK_REPORTS_KEY];

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

export function backupKeyFor(now: Date): string {
  return `${PROGRESS_KEY}.corrupt-${now.toISOString()}`;
}

export class QuizStore {
  private cache: { raw: unknown; progress: QuizProgress } | undefined;
  /** The progress this window last handed out: answers are computed from it. */
  private seen: QuizProgress | undefined;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly memento: ProgressMemento,
    private readonly scheduler: () => QuizScheduler,
    private readonly clock: () => Date = () => new Date(),
    /** Told when unreadable data was set aside. */
    private readonly onRecovered: (recovery: Recovery) => void = () => undefined,
  ) {}

  /** The stored progress as it is now (another window may have written since the last call). */
  async current(): Promise<QuizProgress> {
    await this.writing;
    this.seen = this.read();
    return this.seen;
  }

  /**
   * Records one answer, computed from the progress last returned by current(). The stored copy is re-read and, if
   * another window wrote meanwhile, merged (the union of both logs) before writing. Writes in this window queue up.
   */
  record(toRecord: ReviewToRecord): Promise<QuizProgress> {
    const write = this.writing.then(async () => {
      const stored = this.read();
      const base = this.seen ?? stored;
      const mine = recordReview(base, toRecord.state, toRecord.review);
      const merged = stored === base ? mine : mergeProgress(mine, stored, this.scheduler());
      await this.write(merged);
      this.seen = merged;
      return merged;
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /**
   * Takes one review back (Undo in the quiz): removes it from the log and re-derives its card from the card's other
   * reviews (no review left: the card is new again).
   */
  undo(cardId: string, reviewId: string): Promise<QuizProgress> {
    const write = this.writing.then(async () => {
      const stored = this.read();
      const log = stored.log.filter((review) => review.id !== reviewId);
      const cards = { ...stored.cards };
      const { state } = this.scheduler().replay(cardId, log.filter((review) => review.cardId === cardId));
      if (state) cards[cardId] = state;
      else delete cards[cardId];
      const undone: QuizProgress = { ...stored, cards, log };
      await this.write(undone);
      this.seen = undone;
      return undone;
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /**
   * Merges progress from elsewhere (Import Progress: a file from Export Progress, another machine's or an older copy)
   * into the stored one the way two windows' copies merge: the union of both review logs, cards re-derived where they
   * differ. Importing the same file twice changes nothing.
   */
  importProgress(other: QuizProgress): Promise<QuizProgress> {
    const write = this.writing.then(async () => {
      const merged = mergeProgress(this.read(), other, this.scheduler());
      await this.write(merged);
      this.seen = merged;
      return merged;
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** Erases all progress (Reset Progress). */
  async reset(): Promise<void> {
    await this.writing;
    await this.write(emptyProgress());
    this.seen = undefined;
  }

  private read(): QuizProgress {
    const raw = this.memento.get(PROGRESS_KEY);
    if (this.cache && this.cache.raw === raw) return this.cache.progress;
    const loaded = loadProgress(raw);
    if (loaded.ok) {
      this.cache = { raw, progress: loaded.progress };
      return loaded.progress;
    }
    const backupKey = backupKeyFor(this.clock());
    // Both updates are issued now, in this order (a Memento applies them in memory at once): the copy is kept
    // before the clean state replaces it, so the data is never in neither place.
    void this.memento.update(backupKey, loaded.unreadableCopy);
    void this.memento.update(PROGRESS_KEY, serializeProgress(loaded.progress));
    this.cache = { raw: this.memento.get(PROGRESS_KEY), progress: loaded.progress };
    this.onRecovered({ backupKey, reason: loaded.message });
    return loaded.progress;
  }

  private async write(progress: QuizProgress): Promise<void> {
    const stored = serializeProgress(progress);
    this.cache = { raw: stored, progress };
    await this.memento.update(PROGRESS_KEY, stored);
    // A Memento may hand back a copy of what it stored; remember that copy as the one this progress came from.
    this.cache = { raw: this.memento.get(PROGRESS_KEY), progress };
  }
}
