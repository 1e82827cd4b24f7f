// The mock interview's storage in a Memento (context.globalState): the interview in progress (synced, so it can be
// resumed on another machine) and the history of reports — whole on this machine, and a bounded copy without the
// typed answers for Settings Sync (the newest reports that fit in MOCK_REPORTS_SYNC_BUDGET_BYTES). Reading validates;
// unreadable data is dropped (an interview) or skipped entry by entry (reports). Writes queue up and re-read the
// stored history first, so two windows lose no report. vscode-free.
import { addReport, loadReports, mergeReports, type MockReport } from './mockReport';
import { restoreInterview, snapshotForSave, type MockInterview, type RestoreResult } from './mockState';

export const MOCK_SESSION_KEY = 'mlInterview.mock.session';
export const MOCK_REPORTS_KEY = 'mlInterview.mock.reports';
/** The synced copy of the reports: answers left out, newest first until the budget is used. */
export const MOCK_REPORTS_SYNCED_KEY = 'mlInterview.mock.reports.synced';
export const MOCK_REPORTS_SYNC_BUDGET_BYTES = 12_000;

/** Reports as they sync: without the typed answers (they stay on the machine they were typed on). */
export function reportsForSync(reports: readonly MockReport[], budget = MOCK_REPORTS_SYNC_BUDGET_BYTES): MockReport[] {
  const kept: MockReport[] = [];
  let used = 2;
  for (const report of [...reports].sort((a, b) => b.finishedAt - a.finishedAt)) {
    const summary: MockReport = { ...report, questions: report.questions.map((question) => (question.kind === 'concept' ? { ...question, answer: '' } : question)) };
    const bytes = Buffer.byteLength(JSON.stringify(summary), 'utf8') + 1;
    if (used + bytes > budget) break;
    used += bytes;
    kept.push(summary);
  }
  return kept.reverse();
}

export interface MockMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

export class MockStore {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly memento: MockMemento) {}

  /** The stored interview, restored (paused if it was on the clock); undefined when none or unreadable. */
  interview(): RestoreResult | undefined {
    const raw = this.memento.get(MOCK_SESSION_KEY);
    return raw === undefined || raw === null ? undefined : restoreInterview(raw);
  }

  saveInterview(state: MockInterview | undefined, now: number): Promise<void> {
    return this.queue(() => this.memento.update(MOCK_SESSION_KEY, state ? snapshotForSave(state, now) : undefined));
  }

  /** This machine's reports, with those other machines synced (a report typed here keeps its answers). */
  reports(): MockReport[] {
    return mergeReports(loadReports(this.memento.get(MOCK_REPORTS_KEY)), loadReports(this.memento.get(MOCK_REPORTS_SYNCED_KEY)));
  }

  /** Adds a finished interview's report to the history and clears the interview in progress, in that order. */
  finish(report: MockReport): Promise<void> {
    return this.queue(async () => {
      const reports = addReport(this.reports(), report);
      await this.memento.update(MOCK_REPORTS_KEY, reports);
      await this.memento.update(MOCK_REPORTS_SYNCED_KEY, reportsForSync(reports));
      await this.memento.update(MOCK_SESSION_KEY, undefined);
    });
  }

  private queue(write: () => Thenable<void> | Promise<void>): Promise<void> {
    const next = this.writing.then(write);
    this.writing = next.catch(() => undefined);
    return next;
  }
}
