// What the learner has done with each practice problem — started, checked, solved, hints revealed — kept in a Memento
// (context.globalState, synced with the quiz progress). Every change re-reads the stored copy and applies itself to it,
// so two windows never undo each other's work; every change only grows a record (counts rise, solved stays solved),
// which keeps the result the same whichever window wrote last. vscode-free: the Memento is an interface.
import * as z from 'zod';
import { Rating, type Grade } from '../../quiz/core/scheduler';

export const PROBLEM_PROGRESS_KEY = 'mlInterview.problems.progress';

export type PracticeLanguage = 'ts' | 'py';
export const PRACTICE_LANGUAGES: readonly PracticeLanguage[] = ['ts', 'py'];

export type ProblemStatus = 'new' | 'attempted' | 'solved';

const isoDate = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

const lastCheckSchema = z.object({ at: isoDate, language: z.enum(['ts', 'py']), passed: count, total: count });

/** One problem's record. Not strict: a field added by a later version is kept out, not fatal. */
const recordSchema = z.object({
  /** When a practice file was first started (or the first Check ran). */
  startedAt: isoDate.optional(),
  /** When every case first passed. */
  solvedAt: isoDate.optional(),
  /** The languages in which every case passed at least once. */
  solvedIn: z.array(z.enum(['ts', 'py'])).default([]),
  /** How many hints are revealed (0–3): the panel shows these again. */
  hints: count.default(0),
  checks: count.default(0),
  /** The reference solution was opened before solving (counts as a lapse for the review). */
  solutionViewed: z.boolean().default(false),
  lastCheck: lastCheckSchema.optional(),
  /** Since the problem's code card was last rated: the checks and hints that propose its next rating. */
  /** Checks per local day (`YYYY-MM-DD` → count), for the activity heatmap: a few bytes a day, whatever the count. */
  checksByDay: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), count).default({}),
  sinceReview: z.object({ checks: count.default(0), hints: count.default(0), passed: z.boolean().default(false), solutionViewed: z.boolean().default(false) }).default({ checks: 0, hints: 0, passed: false, solutionViewed: false }),
});

export type ProblemRecord = z.infer<typeof recordSchema>;
export type LastCheck = z.infer<typeof lastCheckSchema>;

// Any key is accepted here (an odd one is skipped when read): one bad key must not make every record unreadable, or
// the next write would drop them all.
const storedSchema = z.object({ version: z.literal(1), problems: z.record(z.string(), z.unknown()) });

/** The part of vscode.Memento the store uses. */
export interface ProblemProgressMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

export function emptyRecord(): ProblemRecord {
  return recordSchema.parse({});
}

export function problemStatus(record: ProblemRecord | undefined): ProblemStatus {
  if (!record) return 'new';
  if (record.solvedAt !== undefined) return 'solved';
  return record.startedAt !== undefined || record.checks > 0 ? 'attempted' : 'new';
}

/**
 * The rating proposed for a problem's code card from what happened since its last review: passed at the first check
 * without hints → Good; passed after hints or several checks → Hard; not passed, or the solution looked up → Again.
 * The learner can always choose another.
 */
export function proposeRating(record: ProblemRecord | undefined): Grade {
  const since = record?.sinceReview;
  if (!since || !since.passed || since.solutionViewed) return Rating.Again;
  return since.checks <= 1 && since.hints === 0 ? Rating.Good : Rating.Hard;
}

/** A change to one record, applied to the freshest stored copy. */
export type ProblemEvent =
  | { kind: 'started'; at: Date }
  | { kind: 'checked'; at: Date; language: PracticeLanguage; passed: number; total: number }
  | { kind: 'hint'; revealed: number }
  | { kind: 'solutionViewed' }
  | { kind: 'rated' };

/** A date's local calendar day, `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function applyEvent(record: ProblemRecord, event: ProblemEvent): ProblemRecord {
  const next: ProblemRecord = { ...record, solvedIn: [...record.solvedIn], sinceReview: { ...record.sinceReview } };
  switch (event.kind) {
    case 'started':
      next.startedAt ??= event.at.toISOString();
      break;
    case 'checked': {
      const at = event.at.toISOString();
      next.startedAt ??= at;
      next.checks += 1;
      next.sinceReview.checks += 1;
      next.lastCheck = { at, language: event.language, passed: event.passed, total: event.total };
      const day = localDay(event.at);
      next.checksByDay = { ...record.checksByDay, [day]: (record.checksByDay[day] ?? 0) + 1 };
      if (event.total > 0 && event.passed === event.total) {
        next.solvedAt ??= at;
        // In PRACTICE_LANGUAGES order, as mergeRecords writes it, so merging a record with itself changes nothing.
        next.solvedIn = PRACTICE_LANGUAGES.filter((language) => language === event.language || next.solvedIn.includes(language));
        next.sinceReview.passed = true;
      }
      break;
    }
    case 'hint':
      if (event.revealed > next.hints) {
        next.sinceReview.hints += event.revealed - next.hints;
        next.hints = event.revealed;
      }
      break;
    case 'solutionViewed':
      next.solutionViewed = true;
      if (next.solvedAt === undefined) next.sinceReview.solutionViewed = true;
      break;
    case 'rated':
      next.sinceReview = { checks: 0, hints: 0, passed: false, solutionViewed: false };
      break;
  }
  return next;
}

/**
 * Merges two copies of one record (another machine's, through Settings Sync or Import Progress): the union of what
 * either has done — the earlier start and solve, the larger counts, the later last check.
 */
export function mergeRecords(a: ProblemRecord, b: ProblemRecord): ProblemRecord {
  // By instant (stored dates may carry an offset or no milliseconds), then by text, so that the order of a and b never matters.
  const compareDates = (x: string, y: string) => Date.parse(x) - Date.parse(y) || (x < y ? -1 : x > y ? 1 : 0);
  const earlier = (x?: string, y?: string) => (x === undefined ? y : y === undefined ? x : compareDates(x, y) <= 0 ? x : y);
  const later = (x: LastCheck, y: LastCheck) => {
    const order = compareDates(x.at, y.at) || x.passed - y.passed || x.total - y.total || (x.language < y.language ? -1 : x.language > y.language ? 1 : 0);
    return order >= 0 ? x : y;
  };
  const lastCheck = a.lastCheck && b.lastCheck ? later(a.lastCheck, b.lastCheck) : (a.lastCheck ?? b.lastCheck);
  // The copy with more checks knows more since the last review; with as many, the union of both.
  const sinceReview =
    a.checks !== b.checks
      ? (a.checks > b.checks ? a : b).sinceReview
      : {
          checks: Math.max(a.sinceReview.checks, b.sinceReview.checks),
          hints: Math.max(a.sinceReview.hints, b.sinceReview.hints),
          passed: a.sinceReview.passed || b.sinceReview.passed,
          solutionViewed: a.sinceReview.solutionViewed || b.sinceReview.solutionViewed,
        };
  return {
    startedAt: earlier(a.startedAt, b.startedAt),
    solvedAt: earlier(a.solvedAt, b.solvedAt),
    solvedIn: PRACTICE_LANGUAGES.filter((language) => a.solvedIn.includes(language) || b.solvedIn.includes(language)),
    hints: Math.max(a.hints, b.hints),
    checks: Math.max(a.checks, b.checks),
    solutionViewed: a.solutionViewed || b.solutionViewed,
    lastCheck,
    checksByDay: Object.fromEntries(
      [...new Set([...Object.keys(a.checksByDay), ...Object.keys(b.checksByDay)])].sort().map((day) => [day, Math.max(a.checksByDay[day] ?? 0, b.checksByDay[day] ?? 0)]),
    ),
    sinceReview,
  };
}

/** Reads the stored map; a record that does not parse is skipped (and kept as it is on the next write). */
export function readProblemProgress(raw: unknown): Map<string, ProblemRecord> {
  const records = new Map<string, ProblemRecord>();
  const stored = storedSchema.safeParse(raw);
  if (!stored.success) return records;
  for (const [key, value] of Object.entries(stored.data.problems)) {
    if (key === '') continue;
    const record = recordSchema.safeParse(value);
    if (record.success) records.set(key, record.data);
  }
  return records;
}

export class ProblemProgressStore {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly memento: ProblemProgressMemento) {}

  /** Every record, read afresh (another window may have written). */
  all(): Map<string, ProblemRecord> {
    return readProblemProgress(this.memento.get(PROBLEM_PROGRESS_KEY));
  }

  get(problemKey: string): ProblemRecord | undefined {
    return this.all().get(problemKey);
  }

  /** Applies one change to the stored copy; writes in this window queue up. */
  record(problemKey: string, event: ProblemEvent): Promise<ProblemRecord> {
    const write = this.writing.then(async () => {
      const raw = this.memento.get(PROBLEM_PROGRESS_KEY);
      const problems = this.rawProblems(raw);
      const current = readProblemProgress(raw).get(problemKey) ?? emptyRecord();
      const next = applyEvent(current, event);
      await this.memento.update(PROBLEM_PROGRESS_KEY, { version: 1, problems: { ...problems, [problemKey]: next } });
      return next;
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** Merges records from elsewhere (Import Progress) into the stored ones. */
  merge(other: ReadonlyMap<string, ProblemRecord>): Promise<void> {
    const write = this.writing.then(async () => {
      const raw = this.memento.get(PROBLEM_PROGRESS_KEY);
      const problems = this.rawProblems(raw);
      const mine = readProblemProgress(raw);
      for (const [key, record] of other) {
        const existing = mine.get(key);
        problems[key] = existing ? mergeRecords(existing, record) : record;
      }
      await this.memento.update(PROBLEM_PROGRESS_KEY, { version: 1, problems });
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** Erases every record (Reset Progress). */
  reset(): Promise<void> {
    const write = this.writing.then(() => this.memento.update(PROBLEM_PROGRESS_KEY, undefined));
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** The stored entries as they are, so a record this version cannot read is never dropped by a write. */
  private rawProblems(raw: unknown): Record<string, unknown> {
    const stored = storedSchema.safeParse(raw);
    return stored.success ? { ...stored.data.problems } : {};
  }
}
