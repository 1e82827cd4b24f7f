/**
 * Messages between the host (runner.ts) and the worker thread (worker.ts).
 * Only plain data crosses the thread boundary (structured clone), so these are
 * interfaces and string unions, not classes (plus fillText, for the texts the host sends).
 */

export type OutputStream = 'stdout' | 'stderr';

/** One piece of program output, forwarded as soon as the program writes it. */
export interface OutputChunk {
  stream: OutputStream;
  text: string;
}

/** What the host hands the worker as workerData. */
export interface WorkerInput {
  /** TypeScript source of the user's program (the editor's text, saved or not). */
  source: string;
  /** Name shown in stack traces and error locations, e.g. 'Untitled-1' or 'attention.ts'. */
  fileName: string;
  /** Absolute path when the source belongs to a file on disk; relative imports resolve there first. */
  filePath?: string;
  /** Directory of the built-in snippets; relative imports fall back to it. */
  snippetsDir: string;
  /** The worker stops forwarding output after this many bytes (the host enforces the exact cap). */
  maxOutputBytes: number;
  /** The worker's own messages, already in the display language. */
  texts: WorkerTexts;
}

/** workerData of a worker started ahead of time: it loads, then waits for its WorkerInput as the first message. */
export interface StandbyInput {
  standby: true;
}

/**
 * What the worker says itself. The worker thread cannot localize (no VS Code, no bundle), so the host translates
 * these templates and the worker fills in `{0}`, `{1}`… with fillText.
 */
export interface WorkerTexts {
  /** `{0}`: the rejection reason, e.g. "Error: boom". */
  unhandledRejection: string;
  abortUnavailable: string;
  killUnavailable: string;
  /** `{0}`: the package name; `{1}`: the file that requires it. */
  packageRefused: string;
  /** `{0}`: the relative path; `{1}`: the file that requires it; `{2}`: the folders searched. */
  moduleNotFound: string;
}

/** Fills the `{0}`, `{1}`… of a translated template. */
export function fillText(template: string, ...values: string[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => values[Number(index)] ?? placeholder);
}

/** A position in the user's TypeScript source; both 1-based, as editors show them. */
export interface SourceLocation {
  line: number;
  column: number;
}

/** One stack frame in the user's own file (frames in Node or in the runner are left out), innermost first. */
export interface SourceFrame extends SourceLocation {
  /** The function, as V8 names it ("BatchNorm1d.forward"); absent for top-level code. */
  functionName?: string;
}

export type WorkerMessage =
  /** Transpilation succeeded; the user's code starts running now (the time limit starts here). */
  | { type: 'started' }
  | { type: 'output'; chunk: OutputChunk }
  /** An uncaught error or unhandled rejection; location is in the user's TS file when a stack frame points there. */
  | { type: 'error'; message: string; location?: SourceLocation; frames?: SourceFrame[] }
  /** The program called process.exit(code); sent so that exit(0) is not mistaken for a normal finish. */
  | { type: 'exit'; code: number };
