// Checks a Python solution of a practice problem: spawns python/harness.py (no shell, its own process group) under a
// time limit, a memory limit (RLIMIT_AS, set by the harness where the OS allows) and an output cap, reads its marker
// lines and grades each case with values.ts. vscode-free; the interpreter path is a parameter.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { completeResults, gradeValue, MarkerStream, report, wrongArity, type CaseResult, type CheckReport, type ErrorFrame, type ProblemCase, type RunEnd } from './caseResults';
import { decodeValue, type Enc, type Tolerance } from './values';

/** The marker the harness puts before each of its lines (python/harness.py, MARKER). */
export const PYTHON_MARKER = '\u001eMLIP:';

export const DEFAULT_PYTHON_TIMEOUT_MS = 5000;
export const DEFAULT_PYTHON_MEMORY_MB = 256;
export const DEFAULT_PYTHON_MAX_OUTPUT_BYTES = 1024 * 1024;
/** Time the interpreter may take to start and import NumPy before the learner's clock starts. */
const STARTUP_ALLOWANCE_MS = 15000;

export interface PythonCheckOptions {
  /** The interpreter: a path or a command on PATH, e.g. '/usr/bin/python3'. */
  python: string;
  /** python/harness.py of the extension. */
  harnessPath: string;
  /** The learner's file on disk. */
  userFile: string;
  /** The problem's cases.json (read by the harness) and its parsed cases (to grade against). */
  casesFile: string;
  cases: readonly ProblemCase[];
  /** The function to call: the problem's `entry.py`. */
  entry: string;
  signature?: string;
  timeoutMs?: number;
  memoryLimitMb?: number;
  maxOutputBytes?: number;
  tolerance?: Tolerance;
  /** Extra environment variables for the interpreter. */
  env?: Record<string, string>;
}

export interface PythonCheckHandle {
  result: Promise<CheckReport>;
  cancel(): void;
}

interface HarnessError {
  type?: string;
  message?: string;
  line?: number | null;
  traceback?: ErrorFrame[];
  defined?: string[];
  takes?: string;
  passes?: number;
}

interface HarnessLine {
  name?: string;
  value?: Enc;
  error?: HarnessError;
  started?: boolean;
  fatal?: string;
}

/** Kills the harness and everything it started: its process group on POSIX, the process on Windows. */
function killTree(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

export function checkPython(options: PythonCheckOptions): PythonCheckHandle {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_PYTHON_TIMEOUT_MS;
  const memoryLimitMb = options.memoryLimitMb ?? DEFAULT_PYTHON_MEMORY_MB;
  const maxOutputBytes = options.maxOutputBytes ?? DEFAULT_PYTHON_MAX_OUTPUT_BYTES;
  const results = new Map<number, CaseResult>();
  let received = 0;
  let fatal: CheckReport['fatal'];
  let imposed: RunEnd | undefined;
  let timer: NodeJS.Timeout | undefined;
  let child: ChildProcess | undefined;

  const stream = new MarkerStream(PYTHON_MARKER, maxOutputBytes, (payload) => {
    let line: HarnessLine;
    try {
      line = JSON.parse(payload) as HarnessLine;
    } catch {
      return; // a result line cut short: that case counts as not run
    }
    if (line.started) {
      arm(timeoutMs);
      return;
    }
    if (line.fatal === 'numpy-missing') {
      fatal = { kind: 'numpy-missing', message: numpyMissing(options.python) };
      return;
    }
    const index = received++;
    const c = options.cases[index];
    if (!c) return;
    results.set(index, line.error ? errorResult(c, line.error, options) : gradeValue(c.name, decodeValue(line.value ?? null), c.expected, 'tuple', options.tolerance));
  });

  const stop = (end: RunEnd) => {
    imposed ??= end;
    if (child) killTree(child);
  };
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => stop({ kind: 'timeout', seconds: timeoutMs / 1000 }), ms);
  };

  const result = new Promise<CheckReport>((resolve) => {
    const args = [options.harnessPath, options.userFile, options.casesFile, options.entry, '--timeout-s', String(timeoutMs / 1000), '--memory-mb', String(memoryLimitMb)];
    try {
      child = spawn(options.python, args, {
        cwd: path.dirname(options.userFile),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true,
        shell: false,
        env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', OPENBLAS_NUM_THREADS: '1', ...options.env },
      });
    } catch (error) {
      resolve(failAll(options, { kind: 'interpreter-missing', message: interpreterMissing(options.python, error) }, started));
      return;
    }
    arm(timeoutMs + STARTUP_ALLOWANCE_MS);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => stream.write(text));
    child.stderr?.on('data', (text: string) => stream.writeOther(text));
    let spawnError: Error | undefined;
    child.on('error', (error) => {
      spawnError = error;
      if (child?.pid === undefined) {
        // Never started (ENOENT, EACCES): 'close' may not follow.
        clearTimeout(timer);
        resolve(failAll(options, { kind: 'interpreter-missing', message: interpreterMissing(options.python, error) }, started));
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      stream.end();
      if (spawnError && received === 0) {
        resolve(failAll(options, { kind: 'interpreter-missing', message: interpreterMissing(options.python, spawnError) }, started));
        return;
      }
      if (fatal) {
        resolve(failAll(options, fatal, started, stream.output));
        return;
      }
      let end: RunEnd = imposed ?? { kind: 'ok' };
      if (!imposed) {
        if (signal === 'SIGXCPU') end = { kind: 'timeout', seconds: timeoutMs / 1000 };
        else if (signal) end = { kind: 'crash', message: l10n.t('the Python process was killed by {0}', signal) };
        else if (code !== 0) end = { kind: 'exit', code: code ?? '?' };
      }
      resolve(report(completeResults(options.cases, results, end), stream.output, stream.truncated, performance.now() - started));
    });
  });
  return { result, cancel: () => stop({ kind: 'cancelled' }) };
}

function errorResult(c: ProblemCase, error: HarnessError, options: PythonCheckOptions): CaseResult {
  const type = error.type ?? 'Error';
  const line = typeof error.line === 'number' ? error.line : undefined;
  const base = { name: c.name, status: 'error' as const, errorType: type, traceback: error.traceback ?? [] };
  if (type === 'MissingFunction') {
    const defined = error.defined?.length ? l10n.t('; the file defines {0}', error.defined.join(', ')) : '';
    return { ...base, message: l10n.t('the file has no function named `{0}`', options.entry) + defined };
  }
  if (type === 'WrongArity') {
    return { ...base, line, message: wrongArity(options.entry, error.takes ?? '?', error.passes ?? c.args.length, options.signature) };
  }
  const text = error.message ? `${type}: ${error.message}` : type;
  return line !== undefined ? { ...base, line, message: l10n.t('{0} (line {1})', text, line) } : { ...base, message: text };
}

function numpyMissing(python: string): string {
  return l10n.t('NumPy is not installed for {0}. Install it with `{0} -m pip install numpy` (on Debian or Ubuntu: `sudo apt install python3-numpy`), or choose another interpreter in the setting mlInterview.python.path.', python);
}

function interpreterMissing(python: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return l10n.t('Could not start the Python interpreter {0}: {1}. Install Python 3 or set mlInterview.python.path.', python, reason);
}

function failAll(options: PythonCheckOptions, fatal: NonNullable<CheckReport['fatal']>, started: number, output = ''): CheckReport {
  const cases = options.cases.map((c): CaseResult => ({ name: c.name, status: 'not-run', message: fatal.message }));
  return report(cases, output, false, performance.now() - started, fatal);
}
