/**
 * Runs a TypeScript program off the extension host's thread, in a worker_threads
 * Worker with a heap limit, a wall-clock limit and an output cap.
 *
 *   const run = runTypeScript(editorText, { fileName, snippetsDir, workerScript, onOutput });
 *   const result = await run.result; // or run.cancel()
 *
 * The host never evaluates user code itself; it only starts and stops the worker,
 * relays output and turns the worker's fate into a RunResult.
 */
import * as l10n from '@vscode/l10n';
import type { Worker } from 'node:worker_threads';
import type { OutputChunk, SourceFrame, StandbyInput, WorkerInput, WorkerMessage, WorkerTexts } from './protocol';

export type { OutputChunk, OutputStream, SourceFrame } from './protocol';

export interface RunOptions {
  /** Name for messages and stack traces: the editor's file name, e.g. 'Untitled-1' or 'attention.ts'. */
  fileName: string;
  /** Absolute path if the source belongs to a file on disk (its unsaved text still runs). */
  filePath?: string;
  /** Built-in snippets directory: relative imports that are not found beside the file resolve here. */
  snippetsDir: string;
  /** The worker entry: dist/runnerWorker.js in the extension (see worker.ts). */
  workerScript: string;
  /** Wall-clock limit for the program, counted from when it starts running. Default 5000 ms. */
  timeoutMs?: number;
  /** V8 old-generation heap limit of the worker. Default 256 MB. */
  memoryLimitMb?: number;
  /** Output beyond this many bytes (UTF-8, all streams together) is dropped. Default 1 MB. */
  maxOutputBytes?: number;
  /** Receives output as it is produced, in order. */
  onOutput?(chunk: OutputChunk): void;
}

export type RunStatus = 'ok' | 'error' | 'timeout' | 'memory' | 'exit' | 'cancelled';

export interface RunResult {
  status: RunStatus;
  /** Human-readable reason for anything but 'ok', e.g. "Error: boom" or "exited with code 2". */
  message?: string;
  /** 1-based position in the user's TypeScript source, for 'error' when a stack frame points there. */
  line?: number;
  column?: number;
  /** For 'error': the stack's frames in the user's file (innermost first), at their TypeScript positions. */
  frames?: SourceFrame[];
  /** Time the program ran (from its first statement), or since the start if it never got there. */
  durationMs: number;
  /** True when output went over maxOutputBytes and the rest was dropped. */
  truncated: boolean;
}

export interface RunHandle {
  result: Promise<RunResult>;
  /** Stops the program; the result becomes 'cancelled' unless it had already finished. */
  cancel(): void;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MEMORY_LIMIT_MB = 256;
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
/** Time the worker may take to load and transpile before the program's own clock starts. */
const STARTUP_ALLOWANCE_MS = 15000;

type Outcome = Omit<RunResult, 'durationMs' | 'truncated'>;

/** A worker started ahead of time, with its bundle and sucrase loaded, waiting for a program (see worker.ts). */
let standby: { worker: Worker; workerScript: string; memoryLimitMb: number } | undefined;

function newWorker(workerScript: string, memoryLimitMb: number, workerData: WorkerInput | StandbyInput): Worker {
  // Required here, not at the top: the extension host need not load worker_threads until something runs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
  return new WorkerThread(workerScript, {
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb },
    // Captured so nothing the program writes reaches the extension host's own stdout.
    stdout: true,
    stderr: true,
    // Do not inherit the host's flags (e.g. --inspect from an extension debugging session).
    execArgv: [],
  });
}

/**
 * Starts a worker ahead of time so that the next run skips loading the runner and the transpiler (the costly part of
 * a first run, worse while VS Code is busy starting its TypeScript service for the editor the user just opened).
 * Costs one idle thread until then; at most one is kept. A run with other limits starts its own worker instead.
 */
export function prepareRunner(options: Pick<RunOptions, 'workerScript' | 'memoryLimitMb'>): void {
  const memoryLimitMb = options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
  if (standby?.workerScript === options.workerScript && standby.memoryLimitMb === memoryLimitMb) return;
  disposeStandbyRunner();
  try {
    const worker = newWorker(options.workerScript, memoryLimitMb, { standby: true });
    // An idle standby worker must not keep the process alive, nor fail loudly.
    worker.unref();
    const entry = { worker, workerScript: options.workerScript, memoryLimitMb };
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (standby === entry) standby = undefined;
    });
    standby = entry;
  } catch {
    standby = undefined;
  }
}

/** Stops the standby worker, if any (the extension's deactivation, a changed setting). */
export function disposeStandbyRunner(): void {
  const entry = standby;
  standby = undefined;
  if (entry) void entry.worker.terminate();
}

/** The standby worker if it fits this run; it is then the run's own. */
function takeStandby(workerScript: string, memoryLimitMb: number): Worker | undefined {
  const entry = standby;
  if (!entry || entry.workerScript !== workerScript || entry.memoryLimitMb !== memoryLimitMb) return undefined;
  standby = undefined;
  entry.worker.removeAllListeners();
  entry.worker.ref();
  return entry.worker;
}

export function runTypeScript(source: string, options: RunOptions): RunHandle {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryLimitMb = options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
  const maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const output = new OutputLimiter(maxOutputBytes, options.onOutput);
  let startedAt = performance.now();

  const input: WorkerInput = {
    source,
    fileName: options.fileName,
    filePath: options.filePath,
    snippetsDir: options.snippetsDir,
    maxOutputBytes,
    texts: workerTexts(),
  };

  let worker: Worker;
  try {
    const prepared = takeStandby(options.workerScript, memoryLimitMb);
    if (prepared) prepared.postMessage(input);
    worker = prepared ?? newWorker(options.workerScript, memoryLimitMb, input);
  } catch (error) {
    const message = l10n.t('Could not start the runner worker: {0}', error instanceof Error ? error.message : String(error));
    return { result: Promise.resolve({ status: 'error', message, durationMs: 0, truncated: false }), cancel: () => {} };
  }

  // The first decisive event wins: a limit or cancel we imposed, else what the worker reported.
  let imposed: Outcome | undefined;
  let reported: Outcome | undefined;
  let explicitExitCode: number | undefined;
  let finished = false;
  let timer: NodeJS.Timeout | undefined;

  const stop = (outcome: Outcome) => {
    if (finished || imposed) return;
    imposed = outcome;
    void worker.terminate(); // 'exit' follows and settles the result
  };
  const armTimer = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => stop({ status: 'timeout', message: l10n.t('stopped after the {0} ms time limit', timeoutMs) }), ms);
  };
  armTimer(timeoutMs + STARTUP_ALLOWANCE_MS);

  const result = new Promise<RunResult>((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'started':
          startedAt = performance.now();
          armTimer(timeoutMs);
          break;
        case 'output':
          output.write(message.chunk);
          break;
        case 'error':
          reported ??= { status: 'error', message: message.message, ...message.location, ...(message.frames ? { frames: message.frames } : {}) };
          break;
        case 'exit':
          explicitExitCode ??= message.code;
          break;
      }
    });
    worker.stdout.on('data', (data: Buffer) => output.write({ stream: 'stdout', text: data.toString('utf8') }));
    worker.stderr.on('data', (data: Buffer) => output.write({ stream: 'stderr', text: data.toString('utf8') }));
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        imposed ??= { status: 'memory', message: l10n.t('stopped: the program used more than the {0} MB memory limit', memoryLimitMb) };
      } else {
        reported ??= { status: 'error', message: `${error.name}: ${error.message}` };
      }
    });
    worker.on('exit', (code) => {
      finished = true;
      clearTimeout(timer);
      const exitCode = explicitExitCode ?? code;
      const natural: Outcome =
        explicitExitCode === undefined && code === 0 ? { status: 'ok' } : { status: 'exit', message: l10n.t('exited with code {0}', exitCode) };
      resolve({
        ...(imposed ?? reported ?? natural),
        durationMs: performance.now() - startedAt,
        truncated: output.truncated,
      });
    });
  });

  return { result, cancel: () => stop({ status: 'cancelled', message: l10n.t('cancelled') }) };
}

/**
 * The worker's messages in the display language. They are called without arguments, so l10n.t returns each
 * translated template with its `{0}`, `{1}` intact for the worker to fill in.
 */
function workerTexts(): WorkerTexts {
  return {
    unhandledRejection: l10n.t('Unhandled promise rejection: {0}'),
    abortUnavailable: l10n.t('process.abort() is not available here: it would stop the editor; use process.exit(code)'),
    killUnavailable: l10n.t('process.kill(process.pid) is not available here: it would stop the editor; use process.exit(code)'),
    packageRefused: l10n.t("Cannot require '{0}' in {1}: snippets can use Node built-ins and relative files ('./name') only"),
    moduleNotFound: l10n.t("Cannot find module '{0}' required from {1} (looked in {2})"),
  };
}

/** Passes output through until maxBytes, then emits one truncation notice and drops the rest. */
class OutputLimiter {
  private bytes = 0;
  truncated = false;

  constructor(
    private readonly maxBytes: number,
    private readonly sink: ((chunk: OutputChunk) => void) | undefined,
  ) {}

  write(chunk: OutputChunk): void {
    if (this.truncated) return;
    const size = Buffer.byteLength(chunk.text);
    if (this.bytes + size <= this.maxBytes) {
      this.bytes += size;
      this.sink?.(chunk);
      return;
    }
    const head = utf8Prefix(chunk.text, this.maxBytes - this.bytes);
    if (head.length > 0) this.sink?.({ stream: chunk.stream, text: head });
    this.truncated = true;
    const notice = l10n.t('[output truncated: more than {0} was printed; the rest is not shown]', formatBytes(this.maxBytes));
    this.sink?.({ stream: 'stderr', text: `\n${notice}\n` });
  }
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8 without splitting a character. */
function utf8Prefix(text: string, maxBytes: number): string {
  const decoded = Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8');
  // A multi-byte character cut in half decodes as U+FFFD at the end; drop it.
  return decoded.endsWith('\uFFFD') && !text.startsWith(decoded) ? decoded.slice(0, -1) : decoded;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return l10n.t('{0} bytes', bytes);
}
