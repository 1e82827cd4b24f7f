// The benchmark's payload inside VS Code's extension host (`extensionTestsPath`, started by scripts/bench.mjs in a
// fresh code-server each round). It measures what only the host can see and writes the figures to the JSON file
// named by MLIP_BENCH_RESULTS. A benchmark, not a test: nothing here passes or fails on timing.
//
// MLIP_BENCH_MODE=measure (the production bundle): activate() cost, Run Snippet's runner against tsx to the first
// output line, and the host's memory before activation and after opening every topic, a problem and a quiz.
// MLIP_BENCH_MODE=modules (the development build, which names every module by its source path): which modules of
// dist/ ran their top-level code by the end of activate(), of listing the tree, of the first topic and of the first
// quiz, from V8's precise coverage.
// MLIP_BENCH_MODE=activation (the production bundle): activate() cost alone (`npm run bench -- --only activation`);
// with MLIP_BENCH_CPU_PROFILE set, a CPU profile of the load and the call is written there instead of timing them.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { runTypeScript } from '../../src/snippets/core/runner';

const EXTENSION_ID = 'ml-interview-prep.ml-interview-prep';
const SNIPPET = 'attention.ts';
/** The problem opened for the memory figure, as the Problems tree opens it. */
const PROBLEM_KEY = 'builtin/softmax';
/** Debian's Python has NumPy; the `python3` first on this machine's PATH may not. */
const PYTHON = process.env.MLIP_PYTHON ?? '/usr/bin/python3';

export async function run(): Promise<void> {
  const resultsFile = process.env.MLIP_BENCH_RESULTS;
  let result: Record<string, unknown>;
  try {
    const mode = process.env.MLIP_BENCH_MODE;
    result = mode === 'modules' ? await measureModules() : mode === 'activation' ? await measureActivation() : await measure();
  } catch (error) {
    result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(result, null, 2));
}

function extension(): vscode.Extension<ExtensionApi> {
  const found = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!found) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return found;
}

async function measure(): Promise<Record<string, unknown>> {
  const ext = extension();
  const collect = exposeGc();
  // The workbench is still starting other extensions when the payload starts; timing then measures them too.
  await settle();
  if (ext.isActive) throw new Error('the extension was already active before its activation could be timed');
  const beforeActivation = memory(collect);

  const activation = await timeActivation(ext);
  const api = activation.api;
  await settle();
  const afterActivation = memory(collect);

  // One cold run each: the first run in this extension host, as a user's first click; the order alternates by round.
  const round = Number(process.env.MLIP_BENCH_ROUND ?? 0);
  const runners: [string, () => Promise<number>][] = [
    ['runner', () => runnerFirstOutput(ext.extensionPath)],
    ['tsx', () => tsxFirstOutput(ext.extensionPath)],
  ];
  if (round % 2 === 1) runners.reverse();
  const snippet: Record<string, number> = {};
  for (const [name, time] of runners) snippet[name] = await time();

  const panelsOnHost = await timePanelsOnHost(api);
  const check = await timeChecks(api);
  const problemChecks = await timeProblemChecks(api, ext.extensionPath);
  const topics = await openEveryTopic(api);
  await vscode.commands.executeCommand('mlInterview.openProblem', PROBLEM_KEY);
  await waitFor('the problem panel', () => api.problemPanelHtml(PROBLEM_KEY)?.includes('<article'));
  await vscode.commands.executeCommand('mlInterview.quizMe');
  await waitFor('the quiz panel', () => webviewTabCount('mlInterview.quiz') === 1);
  await settle();
  const afterTopicsProblemAndQuiz = memory(collect);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');

  const { loadMs, activateCallMs, wallMs } = activation;
  return { activation: { loadMs, activateCallMs, wallMs }, snippetFirstOutputMs: snippet, panelsOnHostMs: panelsOnHost, checkMs: check, problemCheckMs: problemChecks, topicsOpened: topics.length, memory: { beforeActivation, afterActivation, afterTopicsProblemAndQuiz } };
}

/** Only activate(): in a fresh host, as the first row of `measure`; or, profiled, where its time goes. */
async function measureActivation(): Promise<Record<string, unknown>> {
  const ext = extension();
  await settle();
  if (ext.isActive) throw new Error('the extension was already active before its activation could be timed');
  const profileFile = process.env.MLIP_BENCH_CPU_PROFILE;
  const profiler = profileFile ? await CpuProfiler.start() : undefined;
  const { loadMs, activateCallMs, wallMs } = await timeActivation(ext);
  if (profiler && profileFile) fs.writeFileSync(profileFile, JSON.stringify(await profiler.stop()));
  return { activation: { loadMs, activateCallMs, wallMs } };
}

/**
 * The host's share of each panel's first paint: the command to the panel's document handed to the webview (the HTML
 * the panel holds), each the first of its kind in this host, with the tree and the Problems view already listed as
 * in the UI rounds. Polled every 20 ms. The rest of a panel's first paint is the webview's own loading.
 */
async function timePanelsOnHost(api: ExtensionApi): Promise<{ topic: number; problem: number; quiz: number }> {
  const [firstTopic] = await topicKeys(api);
  for (const track of await api.problemsTreeChildren()) await api.problemsTreeChildren(track);
  await settle();
  const timeOne = async (what: string, open: () => Thenable<unknown>, ready: (opened: unknown) => boolean) => {
    const started = performance.now();
    const opened = await open();
    await waitFor(what, () => ready(opened));
    const elapsed = performance.now() - started;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await settle();
    return elapsed;
  };
  const topic = await timeOne('the topic panel', () => vscode.commands.executeCommand('mlInterview.openTopic', firstTopic), () => api.topicPanelHtml(firstTopic)?.includes('<article') === true);
  const problem = await timeOne('the problem panel', () => vscode.commands.executeCommand('mlInterview.openProblem', PROBLEM_KEY), () => api.problemPanelHtml(PROBLEM_KEY)?.includes('<article') === true);
  const quiz = await timeOne('the quiz panel', () => vscode.commands.executeCommand('mlInterview.quizMe'), (opened) => /<article|<h1/.test((opened as QuizHandleForBench | undefined)?.mainHtml ?? ''));
  return { topic, problem, quiz };
}

interface QuizHandleForBench {
  readonly view: { kind: string; item?: { id: string; card: { kind: string } } } | undefined;
  readonly mainHtml: string;
  send(message: unknown): Promise<void>;
}

/**
 * The quiz's Check on the LayerNorm problem's code card as a user meets it: start it in TypeScript (which opens the
 * attempt and starts VS Code's TypeScript service), then Check at once, and Check again; each from the click to the
 * results on screen.
 */
async function timeChecks(api: ExtensionApi): Promise<{ firstMs: number; laterMs: number }> {
  const [firstTopic] = await topicKeys(api);
  const handle = (await vscode.commands.executeCommand('mlInterview.quizTopic', firstTopic, { replace: true })) as QuizHandleForBench;
  for (let guard = 0; handle.view?.item?.id !== 'bn-vs-ln/code-layernorm'; guard++) {
    if (guard > 40 || handle.view?.kind !== 'card') throw new Error('the LayerNorm problem is not among the first topic’s cards');
    await handle.send({ type: 'skip' });
  }
  await handle.send({ type: 'openStarter', language: 'ts' });
  const timeOne = async () => {
    const before = performance.now();
    await handle.send({ type: 'checkCode' });
    await waitFor('the check results', () => /class="results"/.test(handle.mainHtml));
    return performance.now() - before;
  };
  const firstMs = await timeOne();
  const laterMs = await timeOne();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  return { firstMs, laterMs };
}

interface ProblemCheckFigures {
  /** `mlInterview.checkSolution` → its report, first Check of the session and the next one. */
  firstMs: number;
  laterMs: number;
  /** The floor, measured in the same host just before the first Check (every sample, in order). */
  floorMs: number;
  floorSamplesMs: number[];
}

/**
 * Check of a practice problem as the command runs it (all results in the report, the Testing view updated), for a
 * TypeScript problem (rmsnorm) and a Python one (softmax), each with its reference solution in the practice file:
 * the first Check of the session and a later one. Beside each, its floor in the same host: a bare worker thread's
 * start for TypeScript (the check runs in one), and `python -c "import numpy"` with the same interpreter for Python.
 */
async function timeProblemChecks(api: ExtensionApi, extensionPath: string): Promise<{ ts: ProblemCheckFigures; py: ProblemCheckFigures; python: string }> {
  await vscode.workspace.getConfiguration('mlInterview').update('python.path', PYTHON, vscode.ConfigurationTarget.Global);
  try {
    const ts = await timeProblemCheck(api, extensionPath, { key: 'builtin/rmsnorm', id: 'rmsnorm', language: 'ts', floor: bareWorkerStart });
    const py = await timeProblemCheck(api, extensionPath, { key: 'builtin/softmax', id: 'softmax', language: 'py', floor: () => pythonImportNumpy(PYTHON) });
    return { ts, py, python: PYTHON };
  } finally {
    await vscode.workspace.getConfiguration('mlInterview').update('python.path', undefined, vscode.ConfigurationTarget.Global);
  }
}

async function timeProblemCheck(
  api: ExtensionApi,
  extensionPath: string,
  problem: { key: string; id: string; language: 'ts' | 'py'; floor: () => Promise<number> },
): Promise<ProblemCheckFigures> {
  const fileName = problem.language === 'ts' ? `${problem.id}.ts` : `${problem.id.replace(/-/g, '_')}.py`;
  const file = path.join(api.practiceFolder(), fileName);
  // The reference solution as the attempt: Start then opens it as it is.
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(path.join(extensionPath, 'content', 'problems', problem.id, `solution.${problem.language}`), file);
  await vscode.commands.executeCommand(problem.language === 'ts' ? 'mlInterview.startProblemTypeScript' : 'mlInterview.startProblemPython', problem.key);
  await waitFor(`the ${fileName} attempt`, () => vscode.window.activeTextEditor?.document.uri.fsPath === file);
  await settle();
  const floorSamplesMs = [await problem.floor(), await problem.floor(), await problem.floor()];
  const uri = vscode.Uri.file(file);
  const timeOne = async () => {
    const before = performance.now();
    const report = (await vscode.commands.executeCommand('mlInterview.checkSolution', uri)) as { passed: number; total: number; fatal?: { message: string } } | undefined;
    const elapsed = performance.now() - before;
    if (!report || report.fatal || report.passed !== report.total) throw new Error(`Check of ${fileName} with its reference solution: ${JSON.stringify(report)}`);
    return elapsed;
  };
  const firstMs = await timeOne();
  await settle();
  const laterMs = await timeOne();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  return { firstMs, laterMs, floorMs: medianOf(floorSamplesMs), floorSamplesMs };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A new worker thread on an empty script, until it is online; then it is ended. */
function bareWorkerStart(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const worker = new Worker('', { eval: true });
    worker.once('online', () => {
      const elapsed = performance.now() - started;
      void worker.terminate().then(() => resolve(elapsed), reject);
    });
    worker.once('error', reject);
  });
}

/** `python -c "import numpy"` with the interpreter the Check uses, spawned from the host, until it exits. */
function pythonImportNumpy(python: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(python, ['-c', 'import numpy'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${python} -c "import numpy" exited ${code}: ${stderr}`))));
  });
}

interface ExtensionModule {
  activate(context: vscode.ExtensionContext): ExtensionApi;
  deactivate?(): void;
}

/**
 * Splits activation into the extension's own costs and VS Code's. The bundle is required here first, timed; VS Code's
 * loader then gets it from Node's module cache (the same `require`), where its exports are swapped for a wrapper that
 * times our activate(). What remains of `extension.activate()`'s wall time is VS Code's bookkeeping (the context's
 * storage, localized strings), which every extension pays.
 */
async function timeActivation(ext: vscode.Extension<ExtensionApi>): Promise<{ loadMs: number; activateCallMs: number; wallMs: number; api: ExtensionApi }> {
  const main = path.join(ext.extensionPath, String(ext.packageJSON.main));
  const requireFromExtension = createRequire(main);
  const resolved = requireFromExtension.resolve(main);
  const loadStarted = performance.now();
  const loaded = requireFromExtension(resolved) as ExtensionModule;
  const loadMs = performance.now() - loadStarted;
  let activateCallMs: number | undefined;
  const cached = requireFromExtension.cache[resolved];
  if (!cached) throw new Error(`${resolved} is not in Node's module cache`);
  const timed: ExtensionModule = {
    activate(context) {
      const started = performance.now();
      try {
        return loaded.activate(context);
      } finally {
        activateCallMs = performance.now() - started;
      }
    },
    deactivate: () => loaded.deactivate?.(),
  };
  cached.exports = timed;
  const started = performance.now();
  const api = await ext.activate();
  const wallMs = performance.now() - started;
  if (activateCallMs === undefined) throw new Error('VS Code did not load the extension through the module cache; activate() was not timed');
  return { loadMs, activateCallMs, wallMs, api };
}

async function measureModules(): Promise<Record<string, unknown>> {
  const ext = extension();
  const dist = path.join(ext.extensionPath, 'dist');
  await settle();
  const coverage = await PreciseCoverage.start(dist);
  try {
    const api = await ext.activate();
    const atActivation = await coverage.initializedModules();
    const [first] = await topicKeys(api);
    const atTreeListed = await coverage.initializedModules();
    await vscode.commands.executeCommand('mlInterview.openTopic', first);
    await waitFor('the first topic panel', () => api.topicPanelHtml(first)?.includes('<article'));
    const atFirstTopic = await coverage.initializedModules();
    await vscode.commands.executeCommand('mlInterview.quizMe');
    await waitFor('the quiz panel', () => webviewTabCount('mlInterview.quiz') === 1);
    const atFirstQuiz = await coverage.initializedModules();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // What each file of dist/ holds (the webviews' scripts run in the browser, not here).
    const files = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js') && !f.startsWith(`webview${path.sep}`));
    const shipped = Object.fromEntries(files.sort().map((file) => [file, bundledModules(path.join(dist, file)).all]));
    return { shipped, atActivation, atTreeListed, atFirstTopic, atFirstQuiz };
  } finally {
    coverage.stop();
  }
}

/**
 * The modules of one file of esbuild's development build: each starts with a `// <source path>` comment, and the
 * top level of a module loaded lazily is wrapped in a function named by that path (`"node_modules/katex/…"() {…}`).
 * The others are hoisted into the file's own top level and run as soon as the file loads.
 */
const bundledModuleCache = new Map<string, { all: string[]; hoisted: string[] }>();
function bundledModules(file: string): { all: string[]; hoisted: string[] } {
  let modules = bundledModuleCache.get(file);
  if (!modules) {
    const text = fs.readFileSync(file, 'utf8');
    const all = [...new Set([...text.matchAll(/^\/\/ (\S+)$/gm)].flatMap((match) => sourceModule(match[1]) ?? []))];
    const wrapped = new Set([...text.matchAll(/^ {2}"([^"]+)"\(/gm)].flatMap((match) => sourceModule(match[1]) ?? []));
    modules = { all, hoisted: all.filter((module) => !wrapped.has(module)) };
    bundledModuleCache.set(file, modules);
  }
  return modules;
}

/** `src/…` or `node_modules/…` (esbuild writes `../node_modules/…` when node_modules is a link elsewhere). */
function sourceModule(name: string): string | undefined {
  const at = name.lastIndexOf('node_modules/');
  if (at >= 0) return name.slice(at);
  return name.startsWith('src/') ? name : undefined;
}

async function topicKeys(api: ExtensionApi): Promise<string[]> {
  const keys: string[] = [];
  for (const deck of await api.treeChildren()) {
    for (const node of await api.treeChildren(deck)) {
      if (node.kind === 'topic') keys.push(node.topic.key);
    }
  }
  return keys;
}

async function openEveryTopic(api: ExtensionApi): Promise<string[]> {
  const keys = await topicKeys(api);
  for (const key of keys) {
    await vscode.commands.executeCommand('mlInterview.openTopic', key);
    await waitFor(`the panel of ${key}`, () => api.topicPanelHtml(key)?.includes('<article'));
  }
  return keys;
}

/** The Run Snippet path without the output channel: the extension's runner (sucrase in a worker thread). */
function runnerFirstOutput(extensionPath: string): Promise<number> {
  const file = path.join(extensionPath, 'snippets', SNIPPET);
  const source = fs.readFileSync(file, 'utf8');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first: number | undefined;
    const handle = runTypeScript(source, {
      fileName: SNIPPET,
      snippetsDir: path.join(extensionPath, 'snippets'),
      workerScript: path.join(extensionPath, 'dist', 'runnerWorker.js'),
      onOutput: () => (first ??= performance.now() - started),
    });
    handle.result.then((result) => (result.status === 'ok' && first !== undefined ? resolve(first) : reject(new Error(`runner: ${JSON.stringify(result)}`))), reject);
  });
}

/**
 * `npx tsx` on the same file, spawned from the same process. The local binary is called directly: npx's own start-up
 * would only add to the reference's time.
 */
function tsxFirstOutput(extensionPath: string): Promise<number> {
  const bin = path.join(extensionPath, 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first: number | undefined;
    const child = spawn(bin, [path.join(extensionPath, 'snippets', SNIPPET)], { cwd: extensionPath, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', () => (first ??= performance.now() - started));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && first !== undefined ? resolve(first) : reject(new Error(`tsx exited ${code}: ${stderr}`))));
  });
}

interface MemoryFigures {
  rss: number;
  heapUsed: number;
  external: number;
}

/** Memory after a full garbage collection, so the difference between two readings is what stays alive. */
function memory(collect: () => void): MemoryFigures {
  collect();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

/** The host runs without --expose-gc; the flag set at run time makes `gc` available in a new context. */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/**
 * Waits until the host's event loop has answered a 20 ms timer within 5 ms of its time for half a second (at most
 * ten seconds), so start-up work of the workbench and of other extensions is not counted.
 */
async function settle(quietMs = 500, maxMs = 10_000): Promise<void> {
  const start = performance.now();
  let quietSince = start;
  while (performance.now() - start < maxMs) {
    const before = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = performance.now();
    if (now - before - 20 > 5) quietSince = now;
    else if (now - quietSince >= quietMs) return;
  }
}

function webviewTabCount(viewType: string): number {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType)).length;
}

async function waitFor(description: string, condition: () => unknown, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** V8's sampling CPU profiler in this host, sampling every 50 µs (activation lasts a few milliseconds). */
class CpuProfiler {
  private constructor(private readonly session: inspector.Session) {}

  static async start(): Promise<CpuProfiler> {
    const session = new inspector.Session();
    session.connect();
    const profiler = new CpuProfiler(session);
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 50 });
    await profiler.post('Profiler.start');
    return profiler;
  }

  async stop(): Promise<object> {
    const { profile } = (await this.post('Profiler.stop')) as { profile: object };
    this.session.disconnect();
    return profile;
  }

  private post(method: string, params?: object): Promise<object> {
    return new Promise((resolve, reject) => {
      this.session.post(method, params, (error, value) => (error ? reject(error) : resolve(value ?? {})));
    });
  }
}

/**
 * V8's precise coverage, call counts only, over the scripts of the extension's dist/ (the bundle and the files it
 * requires on first use). takePreciseCoverage resets the counts; the union over snapshots is kept.
 */
class PreciseCoverage {
  private readonly seen = new Set<string>();

  private constructor(
    private readonly session: inspector.Session,
    private readonly distUrl: string,
  ) {}

  static async start(dist: string): Promise<PreciseCoverage> {
    const session = new inspector.Session();
    session.connect();
    const coverage = new PreciseCoverage(session, `${pathToFileURL(dist).href}/`);
    await coverage.post('Profiler.enable');
    await coverage.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    return coverage;
  }

  /** Every module of dist/ whose top level has run so far: the hoisted ones of each file loaded, the wrappers called. */
  async initializedModules(): Promise<string[]> {
    const { result } = (await this.post('Profiler.takePreciseCoverage')) as inspector.Profiler.TakePreciseCoverageReturnType;
    for (const script of result.filter((s) => s.url.startsWith(this.distUrl))) {
      const ran = script.functions.filter((fn) => (fn.ranges[0]?.count ?? 0) > 0);
      if (ran.length === 0) continue;
      for (const module of bundledModules(fileURLToPath(script.url)).hoisted) this.seen.add(module);
      for (const fn of ran) {
        const module = sourceModule(fn.functionName);
        if (module) this.seen.add(module);
      }
    }
    return [...this.seen].sort();
  }

  stop(): void {
    this.session.disconnect();
  }

  private post(method: string, params?: object): Promise<object> {
    return new Promise((resolve, reject) => {
      this.session.post(method, params, (error, value) => (error ? reject(error) : resolve(value ?? {})));
    });
  }
}
