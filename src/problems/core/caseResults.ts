// What both graders (tsCheck, pythonCheck) report: one result per case, the learner's own output kept apart from the
// harness's marker lines, and why a case has no result when the run stopped early. vscode-free.
import * as l10n from '@vscode/l10n';
import { compareValue, type Comparison, type Enc, type ResultStyle, type Tolerance } from './values';

/** A case as stored in cases.json. */
export interface ProblemCase {
  name: string;
  args: Enc[];
  expected: Enc;
}

export type CaseStatus = 'passed' | 'failed' | 'error' | 'not-run';

/** One frame of a traceback in the learner's file. */
export interface ErrorFrame {
  line: number;
  function?: string;
  code?: string;
}

export interface CaseResult {
  name: string;
  status: CaseStatus;
  /** Why it did not pass, one line; empty when it passed. */
  message: string;
  /** For a wrong value: both sides formatted alike for a diff. */
  expectedText?: string;
  actualText?: string;
  /** For an error: the exception's type ("ValueError", "TypeError") when known. */
  errorType?: string;
  /** 1-based line in the learner's file where the error happened, when known. */
  line?: number;
  /** Python: the traceback's frames in the learner's file, outermost first. */
  traceback?: ErrorFrame[];
}

export interface CheckReport {
  cases: CaseResult[];
  passed: number;
  total: number;
  /** What the learner's code printed (stdout and stderr, marker lines removed), capped. */
  output: string;
  outputTruncated: boolean;
  durationMs: number;
  /** Set when nothing could be checked: the interpreter or NumPy is missing, the harness failed. */
  fatal?: { kind: 'numpy-missing' | 'interpreter-missing' | 'harness-failed'; message: string };
}

/** The results of one check run, before they are counted into a CheckReport. */
export function report(cases: CaseResult[], output: string, outputTruncated: boolean, durationMs: number, fatal?: CheckReport['fatal']): CheckReport {
  return { cases, passed: cases.filter((c) => c.status === 'passed').length, total: cases.length, output, outputTruncated, durationMs, fatal };
}

/** Grades one returned value against its case. */
export function gradeValue(name: string, actual: unknown, expected: Enc, style: ResultStyle, tolerance?: Tolerance): CaseResult {
  const comparison: Comparison = compareValue(actual, expected, { style, tolerance });
  if (comparison.passed) return { name, status: 'passed', message: '' };
  return { name, status: 'failed', message: comparison.message, expectedText: comparison.expectedText, actualText: comparison.actualText };
}

/** How a run ended, as far as cases without a result need it. */
export type RunEnd =
  | { kind: 'ok' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'memory'; megabytes: number }
  /** `reported`: the case that exited said so itself; the missing ones all come after it. */
  | { kind: 'exit'; code: number | string; reported?: boolean }
  | { kind: 'crash'; message: string; line?: number }
  /** The process died during a case (a signal it did not expect: a crash, the OOM killer); `message` is that case's. */
  | { kind: 'killed'; message: string; line?: number }
  | { kind: 'output'; limitBytes: number }
  | { kind: 'cancelled' };

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`;
}

/** Why a case printed no result: the first such case was the one running when the run stopped. */
export function notRun(name: string, end: RunEnd, first: boolean): CaseResult {
  const result = (message: string, extra: Partial<CaseResult> = {}): CaseResult => ({ name, status: 'not-run', message, ...extra });
  switch (end.kind) {
    case 'timeout':
      return first
        ? result(l10n.t('did not finish: stopped at the {0} s time limit (setting mlInterview.run.timeoutSeconds)', end.seconds))
        : result(l10n.t('not run: an earlier case did not finish'));
    case 'memory':
      return first
        ? result(l10n.t('did not finish: the program used more than the {0} MB memory limit', end.megabytes))
        : result(l10n.t('not run: the program ran out of memory'));
    case 'exit':
      return first && !end.reported
        ? result(l10n.t('did not finish: the program exited with code {0} during this case', String(end.code)))
        : result(l10n.t('not run: the program exited before this case'));
    case 'crash':
      return end.line !== undefined
        ? { name, status: 'error', message: l10n.t('{0} (line {1})', end.message, end.line), line: end.line }
        : { name, status: 'error', message: end.message };
    case 'killed':
      if (!first) return result(l10n.t('not run: the Python process ended before this case'));
      return end.line !== undefined
        ? { name, status: 'error', message: l10n.t('{0} (line {1})', end.message, end.line), line: end.line }
        : { name, status: 'error', message: end.message };
    case 'output':
      return result(l10n.t('not run: the output went over the {0} limit before this case reported', formatLimit(end.limitBytes)));
    case 'cancelled':
      return result(l10n.t('not run: the check was stopped'));
    case 'ok':
      return result(l10n.t('not run: the check printed no result for it'));
  }
}

/** Fills the cases that have no result, in case order. */
export function completeResults(cases: readonly ProblemCase[], results: ReadonlyMap<number, CaseResult>, end: RunEnd): CaseResult[] {
  let first = true;
  return cases.map((c, index) => {
    const found = results.get(index);
    if (found) return found;
    const missing = notRun(c.name, end, first);
    first = false;
    return missing;
  });
}

/**
 * Splits a stream of output into the harness's marker lines and the learner's own text, capped at `maxBytes` of
 * UTF-8. Marker lines are never capped (a case's result survives 100 MB printed before it); the text before a
 * marker on the same line (printed without a newline) belongs to the learner.
 */
export class MarkerStream {
  /** The current line so far, in pieces (a line can be 100 MB long). */
  private pending: string[] = [];
  private pendingLength = 0;
  /** Whether the current line holds the marker: then it is a result line and is kept whole. */
  private pendingMarked = false;
  private kept: string[] = [];
  private bytes = 0;
  truncated = false;

  constructor(
    private readonly marker: string,
    private readonly maxBytes: number,
    private readonly onMarker: (payload: string) => void,
  ) {}

  /** Text that is not from the marked stream (stderr): the learner's, as is. */
  writeOther(text: string): void {
    this.keep(text);
  }

  write(text: string): void {
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline >= 0) {
      this.append(text.slice(start, newline));
      this.line(this.takePending(), true);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    if (start < text.length) this.append(text.slice(start));
    // A huge line without a newline and without a marker: hand it on but for a tail that could start a marker.
    if (!this.pendingMarked && this.pendingLength > 1024 * 1024) {
      const line = this.takePending();
      const cut = line.length - this.marker.length;
      this.keep(line.slice(0, cut));
      this.append(line.slice(cut));
    }
  }

  private append(piece: string): void {
    if (piece.length === 0) return;
    // Only the new piece and the few characters before it can complete a marker.
    const tail = this.pending.length > 0 ? this.pending[this.pending.length - 1].slice(-this.marker.length) : '';
    if (!this.pendingMarked && (tail + piece).includes(this.marker)) this.pendingMarked = true;
    this.pending.push(piece);
    this.pendingLength += piece.length;
  }

  private takePending(): string {
    const line = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.pendingMarked = false;
    return line;
  }

  end(): void {
    if (this.pendingLength > 0) this.line(this.takePending(), false);
  }

  get output(): string {
    return this.kept.join('');
  }

  private line(text: string, newline: boolean): void {
    const at = text.indexOf(this.marker);
    if (at < 0) {
      this.keep(newline ? `${text}\n` : text);
      return;
    }
    if (at > 0) this.keep(`${text.slice(0, at)}\n`);
    this.onMarker(text.slice(at + this.marker.length));
  }

  private keep(text: string): void {
    if (this.truncated || text.length === 0) return;
    const size = Buffer.byteLength(text);
    if (this.bytes + size <= this.maxBytes) {
      this.bytes += size;
      this.kept.push(text);
      return;
    }
    const head = Buffer.from(text, 'utf8').subarray(0, this.maxBytes - this.bytes).toString('utf8').replace(/\uFFFD$/, '');
    this.kept.push(head);
    this.truncated = true;
    this.kept.push(`\n${l10n.t('[output truncated: more than {0} was printed; the rest is not shown]', formatLimit(this.maxBytes))}\n`);
  }
}

/** The message for a function whose parameters do not fit the cases. */
export function wrongArity(entry: string, takes: number | string, passes: number, signature: string | undefined): string {
  return signature
    ? l10n.t('wrong number of parameters: `{0}` takes {1}, but each case passes {2}; the signature is `{3}`', entry, String(takes), passes, signature)
    : l10n.t('wrong number of parameters: `{0}` takes {1}, but each case passes {2}', entry, String(takes), passes);
}
