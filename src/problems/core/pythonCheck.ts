// Checks a Python solution of a practice problem: spawns python/harness.py (no shell, its own process group) under a
// time limit, a memory limit (RLIMIT_AS, set by the harness where the OS allows) and an output cap, reads its marker
// lines and grades each case with values.ts. However the run ends, its process group (the harness and whatever the
// learner's code started) is killed; if this process dies first, the harness kills the group itself (--parent-fd).
// vscode-free; the interpreter path is a parameter.
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
/** Once the harness has exited, how long its output may stay open (held by a process that left its group). */
const CLOSE_GRACE_MS = 5000;
/** Signals of the interpreter crashing by itself (native code, a C extension), as opposed to being killed. */
const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGFPE', 'SIGABRT']);
/** The oldest Python the harness runs on (f-strings). */
const MIN_PYTHON = { major: 3, minor: 6 };

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

/**
 * Kills the harness and everything it started: its process group on POSIX (also once the harness itself has exited:
 * a child or fork of the learner's code may live on in it), the process on Windows.
 */
function killTree(child: ChildProcess): void {
  if (process.platform !== 'win32' && child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
      return;
    } catch {
      // no such group any more
    }
  }
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
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
  let grace: NodeJS.Timeout | undefined;
  let child: ChildProcess | undefined;
  /** Set once the harness has exited and its group was killed: the group id may be reused after that. */
  let exited = false;
  /** Whether the harness printed any marker line: if not, it may not have run at all (a wrong Python). */
  let marked = false;
  /** The end of stderr, where Python's fault handler writes where a crash happened. */
  let stderrTail = '';

  const stream = new MarkerStream(PYTHON_MARKER, maxOutputBytes, (payload) => {
    let line: HarnessLine;
    try {
      line = JSON.parse(payload) as HarnessLine;
    } catch {
      return; // a result line cut short: that case counts as not run
    }
    marked = true;
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
    if (child && !exited) killTree(child);
  };
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => stop({ kind: 'timeout', seconds: timeoutMs / 1000 }), ms);
  };

  const result = new Promise<CheckReport>((resolve) => {
    const posix = process.platform !== 'win32';
    const args = [options.harnessPath, options.userFile, options.casesFile, options.entry, '--timeout-s', String(timeoutMs / 1000), '--memory-mb', String(memoryLimitMb)];
    // fd 3: a pipe this process never writes to; it closes when this process dies, and the harness then ends its group.
    if (posix) args.push('--parent-fd', '3');
    try {
      child = spawn(options.python, args, {
        cwd: path.dirname(options.userFile),
        stdio: posix ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
        detached: posix,
        windowsHide: true,
        shell: false,
        env: pythonEnv(options),
      });
    } catch (error) {
      resolve(failAll(options, { kind: 'interpreter-missing', message: interpreterMissing(options.python, error) }, started));
      return;
    }
    arm(timeoutMs + STARTUP_ALLOWANCE_MS);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => stream.write(text));
    child.stderr?.on('data', (text: string) => {
      stream.writeOther(text);
      stderrTail = (stderrTail + text).slice(-64 * 1024);
    });
    let spawnError: Error | undefined;
    child.on('error', (error) => {
      spawnError = error;
      if (child?.pid === undefined) {
        // Never started (ENOENT, EACCES): 'close' may not follow.
        clearTimeout(timer);
        resolve(failAll(options, { kind: 'interpreter-missing', message: interpreterMissing(options.python, error) }, started));
      }
    });
    child.on('exit', () => {
      // Whatever the learner's code started (a child, forks) dies with the harness, and then the pipes close.
      if (child) killTree(child);
      exited = true;
      grace = setTimeout(() => child?.stdio.forEach((pipe) => pipe?.destroy()), CLOSE_GRACE_MS);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(grace);
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
        else if (signal) end = killedBy(signal, stderrTail, options.userFile);
        else if (code !== 0 || received < options.cases.length) end = { kind: 'exit', code: code ?? '?' };
      }
      const finish = () => resolve(report(completeResults(options.cases, results, end), stream.output, stream.truncated, performance.now() - started));
      if (marked || imposed) {
        finish();
        return;
      }
      // The harness never got going: an interpreter too old to parse it fails like this, so ask for its version.
      void pythonVersion(options.python, pythonEnv(options)).then((version) => {
        if (version && (version.major !== MIN_PYTHON.major || version.minor < MIN_PYTHON.minor)) {
          resolve(failAll(options, { kind: 'interpreter-missing', message: l10n.t('{0} is Python {1}, but checking a solution needs Python 3.6 or later. Install Python 3 or set mlInterview.python.path.', options.python, version.text) }, started, stream.output));
        } else finish();
      });
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
  let text = error.message ? `${type}: ${error.message}` : type;
  if (type === 'EOFError' && error.message === 'EOF when reading a line') text += l10n.t('; a check has no standard input: each case comes as the function’s arguments');
  return line !== undefined ? { ...base, line, message: l10n.t('{0} (line {1})', text, line) } : { ...base, message: text };
}

function pythonEnv(options: PythonCheckOptions): NodeJS.ProcessEnv {
  return { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', OPENBLAS_NUM_THREADS: '1', ...options.env };
}

/** How a death by `signal` reads; for a crash, at the learner's line in the traceback Python's fault handler printed. */
function killedBy(signal: NodeJS.Signals, stderr: string, userFile: string): RunEnd {
  if (signal === 'SIGKILL') return { kind: 'killed', message: l10n.t('the Python process was killed ({0}) during this case, perhaps by the system for using too much memory', signal) };
  if (!CRASH_SIGNALS.has(signal)) return { kind: 'killed', message: l10n.t('the Python process was killed by {0}', signal) };
  const at = stderr.lastIndexOf('Fatal Python error');
  // Frames are listed most recent first: the first in the learner's file is where the crash happened.
  const frame = at < 0 ? undefined : [...stderr.slice(at).matchAll(/^ {2}File "(.*)", line (\d+) in /gm)].find((m) => path.resolve(m[1]) === path.resolve(userFile));
  return { kind: 'killed', message: l10n.t('the Python interpreter crashed ({0}) during this case', signal), line: frame ? Number(frame[2]) : undefined };
}

/** The interpreter's version from `--version` (Python 2 prints it on stderr), or undefined when it does not say. */
function pythonVersion(python: string, env: NodeJS.ProcessEnv): Promise<{ text: string; major: number; minor: number } | undefined> {
  return new Promise((resolve) => {
    let text = '';
    let probe: ChildProcess;
    try {
      probe = spawn(python, ['--version'], { stdio: ['ignore', 'pipe', 'pipe'], shell: false, windowsHide: true, timeout: 5000, env });
    } catch {
      resolve(undefined);
      return;
    }
    const collect = (chunk: Buffer) => {
      if (text.length < 4096) text += chunk.toString('utf8');
    };
    probe.stdout?.on('data', collect);
    probe.stderr?.on('data', collect);
    probe.on('error', () => resolve(undefined));
    probe.on('close', () => {
      const match = /Python (\d+)\.(\d+)\S*/.exec(text);
      resolve(match ? { text: match[0].slice('Python '.length), major: Number(match[1]), minor: Number(match[2]) } : undefined);
    });
  });
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
