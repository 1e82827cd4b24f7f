// Checks a TypeScript solution of a practice problem: appends a harness to the learner's source that calls the named
// function on each case and prints one marker line per case, runs it with the snippet runner (worker thread, time,
// memory and output limits), and grades the marker lines with values.ts. vscode-free.
import { randomBytes } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_TIMEOUT_MS, runTypeScript, type RunResult } from '../../snippets/core/runner';
import { completeResults, gradeValue, MarkerStream, report, wrongArity, type CaseResult, type CheckReport, type ProblemCase, type RunEnd } from './caseResults';
import { decodeValue, type Tolerance } from './values';

export interface TypeScriptCheckOptions {
  /** The learner's TypeScript (the editor's text, saved or not). */
  source: string;
  /** Name for messages and stack traces, e.g. 'softmax.ts'. */
  fileName: string;
  /** Absolute path when the source is a file on disk. */
  filePath?: string;
  /** The function to call: the problem's `entry.ts`. */
  entry: string;
  /** The expected signature, for the wrong-arity message. */
  signature?: string;
  cases: readonly ProblemCase[];
  /** As for runTypeScript: the built-in snippets folder and the worker entry (dist/runnerWorker.js). */
  snippetsDir: string;
  workerScript: string;
  timeoutMs?: number;
  memoryLimitMb?: number;
  /** The learner's own output is cut after this many bytes; the results are not. */
  maxOutputBytes?: number;
  tolerance?: Tolerance;
}

export interface CheckHandle {
  result: Promise<CheckReport>;
  cancel(): void;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The first line of the learner's own source in a stack trace (frames in the harness or elsewhere are skipped). */
export function lineInUserSource(stack: string, fileName: string, userLines: number): number | undefined {
  for (const frame of stack.split('\n')) {
    const at = frame.lastIndexOf(`${fileName}:`);
    if (at < 0) continue;
    const match = /^(\d+):\d+/.exec(frame.slice(at + fileName.length + 1));
    const line = match ? Number(match[1]) : undefined;
    if (line !== undefined && line <= userLines) return line;
  }
  return undefined;
}

/** The parsed marker line of one case. */
interface CaseLine {
  index: number;
  value?: unknown;
  error?: string;
  errorType?: string;
  stack?: string;
  missing?: boolean;
  arity?: number;
  exit?: number | string;
}

function reviveNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '$number' in value && Object.keys(value).length === 1) return Number((value as { $number: string }).$number);
  return value;
}

/** JSON with NaN/±Infinity kept as {"$number": "NaN"}, as the harness writes and reads them. */
function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { $number: String(v) } : v));
}

/**
 * The learner's source with the harness appended (same module, so it sees the function whether exported or not).
 * `outputBudget` bytes of the learner's own output pass; the rest is dropped so the results still get through.
 */
export function buildTypeScriptHarness(userSource: string, entry: string, cases: readonly ProblemCase[], marker: string, outputBudget: number): { source: string; userLines: number } {
  if (!IDENTIFIER.test(entry)) throw new Error(`not an identifier: ${entry}`);
  const inputs = cases.map((c) => encodeJson(c.args.map(decodeValue)));
  const harness = `
;{
  // ML Interview problem check: calls ${entry} on each case and prints its result on one line.
  const __mlipMarker = ${JSON.stringify(marker)};
  const __mlipFn = typeof ${entry} === 'function' ? ${entry} : undefined;
  const __mlipInputs = ${JSON.stringify(inputs)};
  const __mlipRevive = (_k, v) => (v !== null && typeof v === 'object' && typeof v.$number === 'string' ? Number(v.$number) : v);
  const __mlipJson = (value) => JSON.stringify(value, (_k, v) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v);
    return v;
  });
  const __mlipOut = process.stdout.write.bind(process.stdout);
  const __mlipExit = process.exit;
  let __mlipIndex = 0;
  let __mlipBudget = ${outputBudget};
  for (const __mlipStream of [process.stdout, process.stderr]) {
    const __mlipWrite = __mlipStream.write.bind(__mlipStream);
    __mlipStream.write = (chunk, ...rest) => {
      const size = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (__mlipBudget <= 0) {
        const callback = rest.find((arg) => typeof arg === 'function');
        if (callback) callback();
        return true;
      }
      __mlipBudget -= size;
      return __mlipWrite(chunk, ...rest);
    };
  }
  const __mlipEmit = (line) => __mlipOut('\\n' + __mlipMarker + __mlipJson(line) + '\\n');
  process.exit = (code) => {
    __mlipEmit({ index: __mlipIndex, exit: code === undefined ? 0 : code });
    return __mlipExit(code);
  };
  for (; __mlipIndex < __mlipInputs.length; __mlipIndex++) {
    const __mlipArgs = JSON.parse(__mlipInputs[__mlipIndex], __mlipRevive);
    if (__mlipFn === undefined) {
      __mlipEmit({ index: __mlipIndex, missing: true });
    } else if (__mlipFn.length > __mlipArgs.length) {
      __mlipEmit({ index: __mlipIndex, arity: __mlipFn.length });
    } else {
      let __mlipLine;
      try {
        __mlipLine = { index: __mlipIndex, value: __mlipFn(...__mlipArgs) };
        __mlipJson(__mlipLine);
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        __mlipLine = { index: __mlipIndex, error: e.name + ': ' + e.message, errorType: e.name, stack: String(e.stack || '') };
      }
      __mlipEmit(__mlipLine);
    }
  }
}
`;
  return { source: `${userSource}\n${harness}`, userLines: userSource.split('\n').length };
}

function runEnd(run: RunResult, timeoutMs: number, memoryLimitMb: number, outputLimit: number): RunEnd {
  switch (run.status) {
    case 'ok':
      return run.truncated ? { kind: 'output', limitBytes: outputLimit } : { kind: 'ok' };
    case 'timeout':
      return { kind: 'timeout', seconds: timeoutMs / 1000 };
    case 'memory':
      return { kind: 'memory', megabytes: memoryLimitMb };
    case 'exit':
      return { kind: 'exit', code: /(-?\d+)\s*$/.exec(run.message ?? '')?.[1] ?? '?' };
    case 'error':
      return { kind: 'crash', message: run.message ?? l10n.t('unknown error'), line: run.line };
    case 'cancelled':
      return { kind: 'cancelled' };
  }
}

/** Runs every case of a problem against the learner's TypeScript and grades the results. */
export function checkTypeScript(options: TypeScriptCheckOptions): CheckHandle {
  const started = performance.now();
  const marker = `\u001eMLIP-${randomBytes(8).toString('hex')}:`;
  const maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryLimitMb = options.memoryLimitMb ?? 256;
  const harness = buildTypeScriptHarness(options.source, options.entry, options.cases, marker, maxOutputBytes + 1024);
  const lines = new Map<number, CaseLine>();
  const stream = new MarkerStream(marker, maxOutputBytes, (payload) => {
    try {
      const line = JSON.parse(payload, reviveNumbers) as CaseLine;
      if (Number.isInteger(line.index) && !lines.has(line.index)) lines.set(line.index, line);
    } catch {
      // A result line cut short: that case counts as not run.
    }
  });
  // Room for the results beyond the learner's output: the runner's cap must never cut a result line.
  const reserve = 1024 * 1024 + 4 * JSON.stringify(options.cases.map((c) => c.expected)).length;
  const fileName = options.filePath ?? options.fileName;
  const run = runTypeScript(harness.source, {
    fileName: options.fileName,
    filePath: options.filePath,
    snippetsDir: options.snippetsDir,
    workerScript: options.workerScript,
    timeoutMs,
    memoryLimitMb,
    maxOutputBytes: maxOutputBytes + 1024 + reserve,
    onOutput: (chunk) => (chunk.stream === 'stdout' ? stream.write(chunk.text) : stream.writeOther(chunk.text)),
  });
  const result = run.result.then((runResult): CheckReport => {
    stream.end();
    const results = new Map<number, CaseResult>();
    for (const [index, line] of lines) {
      const c = options.cases[index];
      if (!c) continue;
      results.set(index, caseResult(c, line, options, fileName, harness.userLines));
    }
    let end = runEnd(runResult, timeoutMs, memoryLimitMb, maxOutputBytes);
    const exited = [...lines.values()].find((line) => line.exit !== undefined);
    if (exited && end.kind === 'exit') end = { ...end, reported: true };
    const cases = completeResults(options.cases, results, end);
    return report(cases, stream.output, stream.truncated || runResult.truncated, performance.now() - started);
  });
  return { result, cancel: run.cancel };
}

function caseResult(c: ProblemCase, line: CaseLine, options: TypeScriptCheckOptions, fileName: string, userLines: number): CaseResult {
  if (line.missing) {
    return { name: c.name, status: 'error', errorType: 'MissingFunction', message: l10n.t('the file has no function named `{0}`: write `export function {0}(…)`', options.entry) };
  }
  if (line.arity !== undefined) {
    return { name: c.name, status: 'error', errorType: 'WrongArity', message: wrongArity(options.entry, line.arity, c.args.length, options.signature) };
  }
  if (line.exit !== undefined) {
    return { name: c.name, status: 'error', errorType: 'Exit', message: l10n.t('the program called process.exit({0}) during this case', String(line.exit)) };
  }
  if (line.error !== undefined) {
    const at = line.stack ? lineInUserSource(line.stack, fileName, userLines) : undefined;
    return at !== undefined
      ? { name: c.name, status: 'error', errorType: line.errorType, message: l10n.t('{0} (line {1})', line.error, at), line: at }
      : { name: c.name, status: 'error', errorType: line.errorType, message: line.error };
  }
  return gradeValue(c.name, line.value, c.expected, 'object', options.tolerance);
}
