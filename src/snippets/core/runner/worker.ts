/**
 * Worker-thread entry point: runs one TypeScript program and reports back to the host.
 * Bundled on its own (dist/runnerWorker.js) because a Worker needs a file to start from.
 *
 * The program runs in this thread's own V8 isolate, so an endless loop or a memory
 * bomb cannot freeze or crash the extension host; the host enforces the time and
 * memory limits from outside. (This isolates crashes and runaway code; it is not a
 * security sandbox: the program has the same file and network access as Node.) Here we only:
 *  - forward console output and process.stdout/stderr writes as they happen,
 *  - report uncaught errors and unhandled rejections with their position in the TS source,
 *  - tell the host about process.exit(code), which in a worker ends only the worker.
 */
import * as path from 'node:path';
import { Console } from 'node:console';
import { inspect } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { SnippetModuleLoader } from './moduleLoader';
import { fillText, type OutputStream, type SourceFrame, type SourceLocation, type StandbyInput, type WorkerInput, type WorkerMessage } from './protocol';
import { findFrameInFile, findFramesInFile, mapToTypeScript, TranspileError, transpileTypeScript, type TranspiledModule } from './transpile';

/**
 * The program to run: in workerData, or, for a worker started ahead of time (a standby worker, see runner.ts), in the
 * first message, so that loading this bundle and sucrase is already done when the program arrives.
 */
const initial = workerData as WorkerInput | StandbyInput;
let input = initial as WorkerInput;
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

function post(message: WorkerMessage): void {
  port?.postMessage(message);
}

// ------------------------------------------------------------------ output

let bytesForwarded = 0;

function forward(stream: OutputStream, text: string): void {
  // The host cuts output at exactly maxOutputBytes; once past it, more messages would only flood the port.
  const remaining = input.maxOutputBytes - bytesForwarded;
  if (remaining < 0 || text.length === 0) return;
  // At most one character past the budget: enough for the host to see the overflow, never a huge message.
  const sent = text.length > remaining + 1 ? text.slice(0, remaining + 1) : text;
  bytesForwarded += Buffer.byteLength(sent);
  post({ type: 'output', chunk: { stream, text: sent } });
}

/** Replaces stream.write so every write, from console or from user code, is forwarded in order. */
function captureWrites(stream: NodeJS.WriteStream, name: OutputStream): void {
  const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    forward(name, typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  };
  stream.write = write as typeof stream.write;
}

captureWrites(process.stdout, 'stdout');
captureWrites(process.stderr, 'stderr');
// A fresh console bound to the captured streams; colorMode off so objects print without ANSI codes.
globalThis.console = new Console({ stdout: process.stdout, stderr: process.stderr, colorMode: false });

// ------------------------------------------------------------------ errors and exit

const realExit = process.exit.bind(process);
let userProgram: TranspiledModule | undefined;
let userFileName = '';

function locate(error: unknown): SourceLocation | undefined {
  if (error instanceof TranspileError) return error.location;
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack || !userProgram) return undefined;
  const js = findFrameInFile(stack, userFileName);
  return js && mapToTypeScript(userProgram.sourceMap, js);
}

/** The user's own stack frames, at their TypeScript positions. */
function userFrames(error: unknown): SourceFrame[] | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack || !userProgram) return undefined;
  const program = userProgram;
  const frames = findFramesInFile(stack, userFileName).map((frame) => ({ ...frame, ...mapToTypeScript(program.sourceMap, frame) }));
  return frames.length > 0 ? frames : undefined;
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : inspect(error);
}

/** Reports the failure and ends the worker; the host keeps the first failure it hears of. */
function fail(error: unknown, message = describeFailure(error)): never {
  const frames = userFrames(error);
  // The error's location is its innermost user frame, so the output, its links and the Problems entry agree.
  const location = frames?.[0] ? { line: frames[0].line, column: frames[0].column } : locate(error);
  post({ type: 'error', message, location, frames });
  return realExit(1);
}

process.on('uncaughtException', (error) => fail(error));
process.on('unhandledRejection', (reason) => fail(reason, fillText(input.texts.unhandledRejection, describeFailure(reason))));

// In a worker these two would take the whole extension host down with the program.
process.abort = () => {
  throw new Error(input.texts.abortUnavailable);
};
const realKill = process.kill.bind(process);
process.kill = (pid: number, signal?: string | number) => {
  if (pid === process.pid) {
    throw new Error(input.texts.killUnavailable);
  }
  return realKill(pid, signal);
};

process.exit = ((code?: number | string | null) => {
  const exitCode = Number(code ?? process.exitCode ?? 0);
  post({ type: 'exit', code: exitCode });
  return realExit(exitCode);
}) as typeof process.exit;

// ------------------------------------------------------------------ run

function start(given: WorkerInput): void {
  input = given;
  userFileName = input.filePath ?? input.fileName;
  try {
    const loader = new SnippetModuleLoader(input.snippetsDir, input.texts);
    const directory = input.filePath === undefined ? undefined : path.dirname(input.filePath);
    const program = loader.prepareMain(input.source, userFileName, directory);
    userProgram = program.transpiled;
    post({ type: 'started' });
    program.run();
    // The worker ends by itself once the program's timers and promises are done.
  } catch (error) {
    fail(error);
  }
}

if ('standby' in initial) {
  // Warm the transpiler up too (its first run compiles sucrase's parser), then wait for the program.
  transpileTypeScript('const warmUp: number = 1;\nexport { warmUp };\n', 'warm-up.ts');
  port.once('message', (message: WorkerInput) => start(message));
} else {
  start(initial);
}
