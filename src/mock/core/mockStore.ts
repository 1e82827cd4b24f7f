// The mock interview's storage in a Memento (context.globalState): the interview in progress and the history of
// reports, under keys that sync with the progress. Reading validates; unreadable data is dropped (an interview) or
// skipped entry by entry (reports). Writes queue up and re-read the stored history first, so two windows lose no
// report. vscode-free.
import { addReport, loadReports, mergeReports, type MockReport } from './mockReport';
import { restoreInterview, snapshotForSave, type MockInterview, type RestoreResult } from './mockState';

export const MOCK_SESSION_KEY = 'mlInterview.mock.session';
export const MOCK_REPORTS_KEY = 'mlInterview.mock.reports';

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

  reports(): MockReport[] {
    return loadReports(this.memento.get(MOCK_REPORTS_KEY));
  }

  /** Adds a finished interview's report to the history and clears the interview in progress, in that order. */
  finish(report: MockReport): Promise<void> {
    return this.queue(async () => {
      await this.memento.update(MOCK_REPORTS_KEY, mergeReports(addReport(this.reports(), report), []));
      await this.memento.update(MOCK_SESSION_KEY, undefined);
    });
  }

  private queue(write: () => Thenable<void> | Promise<void>): Promise<void> {
    const next = this.writing.then(write);
    this.writing = next.catch(() => undefined);
    return next;
  }
}
