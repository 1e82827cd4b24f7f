#!/usr/bin/env node
// `npm run bench [-- --rounds N]` (or BENCH_ROUNDS=N): the benchmark, in the real VS Code (code-server). A benchmark,
// not a test: it fails only when a measurement cannot be taken, never on a figure. Each round starts fresh
// code-server windows (scripts/bench/sessions.mjs) and a fresh Node process; the table shows each figure's median
// over the rounds, ours beside its reference where there is one. Writes bench-results/bench.json.
// `npm run bench -- --only activation [--rounds N]`: only the activation rows and the bundle sizes (no UI windows), plus
// one CPU profile of the load and the call in bench-results/activation.cpuprofile; writes bench-results/activation.json.
// `npm run bench -- --only panels [--rounds N]`: only the webview panels' first paints beside the floor and the Markdown
// preview (the floor, topic, preview, problem and quiz windows); writes bench-results/bench-panels.json. Add
// `--windows floor,topic` to open only those windows each round. `--cpu-profiles` (either mode): a CPU profile of the
// workbench's main thread from each panel click to that panel's first paint, in bench-results/cpu-profiles/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { floorSession, hostSession, previewSession, problemSession, quizSession, topicSession, writeCpuProfilesTo } from './bench/sessions.mjs';
import { runBuild } from './lib/build.mjs';
import { installExtension, launchBrowser, root } from './lib/codeServer.mjs';
import { packageExtension } from './package.mjs';
import { codeServerDir, codeServerVersion, provisionCodeServer } from './provision-code-server.mjs';

const ROUNDS = roundsFromArgs();
const ONLY = onlyFromArgs();
const RESULTS_DIR = path.join(root, 'bench-results');
/** The minimal extension whose empty webview panel is the floor of every panel's first paint. */
const FLOOR_EXTENSION = path.join(root, 'test', 'bench', 'floor-extension');
/** The windows of a round, each a fresh code-server; the order turns by one each round. */
/** The topic's first paint shows its title, question and lead; the rest is put in place right after (webview-src/topic.ts). */
const WHOLE_ARTICLE_ROW = '… the whole article in place (the rest follows the first paint)';
const UI_SESSIONS = { floor: floorSession, topic: topicSession, preview: previewSession, problem: problemSession, quiz: quizSession };
const WINDOWS = windowsFromArgs();
if (process.argv.includes('--cpu-profiles')) writeCpuProfilesTo(path.join(RESULTS_DIR, 'cpu-profiles'));

/** What must not run during activation; sucrase belongs in the runner's worker, never in the extension host. */
const HEAVY = [
  ['markdown-it', 'markdown-it'],
  ['KaTeX', 'katex'],
  ['@vscode/markdown-it-katex', '@vscode/markdown-it-katex'],
  ['highlight.js', 'highlight.js'],
  ['ts-fsrs', 'ts-fsrs'],
  ['sucrase (the transpiler)', 'sucrase'],
];

function roundsFromArgs() {
  const args = process.argv.slice(2);
  const flag = args.findIndex((arg) => arg === '--rounds' || arg.startsWith('--rounds='));
  const value = flag === -1 ? (process.env.BENCH_ROUNDS ?? '5') : args[flag].includes('=') ? args[flag].split('=')[1] : args[flag + 1];
  const rounds = Number(value);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds wants a whole number of at least 1, not ${value}`);
  return rounds;
}

function onlyFromArgs() {
  const args = process.argv.slice(2);
  const flag = args.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (flag === -1) return undefined;
  const value = args[flag].includes('=') ? args[flag].split('=')[1] : args[flag + 1];
  if (value !== 'activation' && value !== 'panels') throw new Error(`--only takes "activation" or "panels", not ${value}`);
  return value;
}

/** `--windows floor,topic`: with `--only panels`, only these windows each round (to study one panel beside the floor). */
function windowsFromArgs() {
  const args = process.argv.slice(2);
  const flag = args.findIndex((arg) => arg === '--windows' || arg.startsWith('--windows='));
  if (flag === -1) return Object.keys(UI_SESSIONS);
  const names = (args[flag].includes('=') ? args[flag].split('=')[1] : args[flag + 1]).split(',');
  const unknown = names.filter((name) => !(name in UI_SESSIONS));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--windows takes some of ${Object.keys(UI_SESSIONS).join(', ')}, not ${unknown.join(', ')}`);
  return names;
}

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The floor extension as a .vsix (in `dir`), so it is installed exactly as ours is. */
function packageFloor(dir) {
  const out = path.join(dir, 'bench-floor.vsix');
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: FLOOR_EXTENSION, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vsce package of the floor extension failed:\n${run.stdout}${run.stderr}`);
  return out;
}

/** Installs the .vsix files once into an extensions folder that every UI window of every round shares. */
function installOnce(vsixFiles) {
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-bench-ext-'));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-bench-user-'));
  try {
    for (const vsix of vsixFiles) installExtension(vsix, { extensionsDir, userDataDir });
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  return extensionsDir;
}

/** A plain-Node benchmark of test/bench/ (queue.ts, content.ts, save.ts) in a fresh Node process: cold, as the extension meets it. */
function nodeRound(name, args = []) {
  const run = spawnSync(process.execPath, [path.join(root, 'out', 'bench', `${name}.js`), ...args], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the ${name} benchmark failed:\n${run.stdout}${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

/** The built-in decks (content/decks/<deck>/deck.yaml): the Topics tree's top-level rows. */
function builtInDeckCount() {
  const decks = path.join(root, 'content', 'decks');
  return fs.readdirSync(decks).filter((name) => fs.existsSync(path.join(decks, name, 'deck.yaml'))).length;
}

/** A session can trip over a machine busy with other work; one retry, said out loud, before giving up. */
async function withRetry(label, measure) {
  try {
    return await measure();
  } catch (error) {
    const lines = (error instanceof Error ? error.message : String(error)).split('\n').filter((line) => line.trim());
    console.warn(`[bench] ${label} failed, retrying once: ${lines.slice(0, 4).join('\n  ')}`);
    return measure();
  }
}

const packageOf = (modulePath) => {
  const parts = modulePath.replace(/^node_modules\//, '').split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
};

/** Where each heavy package ships and when it first runs, from the in-host coverage of the development build. */
function summarizeModules(raw) {
  const packagesIn = (list) => new Set(list.filter((m) => m.startsWith('node_modules/')).map(packageOf));
  const stages = [
    ['activation', packagesIn(raw.atActivation)],
    ['after activation, before the first topic', packagesIn(raw.atTreeListed)],
    ['first topic', packagesIn(raw.atFirstTopic)],
    ['first quiz', packagesIn(raw.atFirstQuiz)],
  ];
  const filesOf = (pkg) => Object.entries(raw.shipped).filter(([, modules]) => packagesIn(modules).has(pkg)).map(([file]) => `dist/${file}`);
  const heavy = HEAVY.map(([label, pkg]) => {
    const files = filesOf(pkg);
    // The runner's worker is a thread of its own: what it holds never runs in the extension host.
    const inHost = files.filter((file) => file !== 'dist/runnerWorker.js');
    const firstRunAt = inHost.length === 0 ? null : (stages.find(([, set]) => set.has(pkg))?.[0] ?? 'not yet');
    return { label, pkg, files, firstRunAt };
  });
  const otherAtActivation = [...stages[0][1]].filter((pkg) => !HEAVY.some(([, h]) => h === pkg)).sort();
  return { heavy, otherPackagesAtActivation: otherAtActivation, raw };
}

function directorySize(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size, 0);
}

/** The commit measured, marked when the working tree had changes on top of it (read-only git calls). */
function measuredCommit() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return undefined;
  const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? ' + uncommitted changes' : ''}`;
}

function machine(chromiumVersion) {
  const cpus = os.cpus();
  const osRelease = fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] : undefined;
  const vscodePackage = path.join(codeServerDir(), 'node_modules', 'code-server', 'lib', 'vscode', 'package.json');
  return {
    cpu: cpus[0]?.model.trim(),
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osRelease ?? `${os.type()} ${os.release()}`,
    kernel: os.release(),
    node: process.version,
    codeServer: codeServerVersion(),
    vscode: fs.existsSync(vscodePackage) ? JSON.parse(fs.readFileSync(vscodePackage, 'utf8')).version : undefined,
    chromium: chromiumVersion,
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

const ms = (value) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : 'n/a');
const kib = (bytes) => `${Math.round(bytes / 1024)} KiB`;
const mib = (bytes) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 2 ** 20).toFixed(1)} MiB`;
const ratio = (ours, reference) => (Number.isFinite(ours / reference) ? `${(ours / reference).toFixed(2)}×` : 'n/a');
const MB = 1_000_000;
const met = (ok) => (ok ? 'yes' : '**no**');

function table(figures) {
  const f = figures;
  const atActivation = f.modules.heavy.filter((h) => h.firstRunAt === 'activation');
  const rows = [
    ['Metric', 'Ours (median)', 'Reference (median)', 'Ratio', 'Goal', 'Met'],
    [
      '`activate()`: loading the bundle + the call, fresh extension host',
      `${ms(f.activation.loadMs + f.activation.activateCallMs)} (load ${ms(f.activation.loadMs)} + call ${ms(f.activation.activateCallMs)})`,
      '',
      '',
      '< 10 ms',
      met(f.activation.loadMs + f.activation.activateCallMs < 10),
    ],
    ['`extension.activate()` as VS Code runs it, bundle already loaded (the call + VS Code\'s own work)', ms(f.activation.vscodeWallMs), '', '', '', ''],
    [
      'Heavy modules run by activation',
      atActivation.length === 0 ? 'none' : atActivation.map((h) => h.label).join(', '),
      '',
      '',
      'none',
      met(atActivation.length === 0),
    ],
    ['Floor: tree click → first paint of an empty webview panel (a minimal extension, same panel options, trivial CSP\'d page)', '', `${ms(f.floorPaintMs)} (the floor)`, '', '', ''],
    ['Tree click → topic panel first paint, beside the floor', `${ms(f.topicPaintMs)} (the host's part: ${ms(f.panelsOnHostMs.topic)})`, `${ms(f.floorPaintMs)} (the floor)`, ratio(f.topicPaintMs, f.floorPaintMs), '≤ 1.25× floor', met(f.topicPaintMs <= 1.25 * f.floorPaintMs)],
    ['… beside VS Code\'s Markdown preview of the same file (Explorer → Open Preview)', ms(f.topicPaintMs), `${ms(f.previewPaintMs)} (Markdown preview)`, ratio(f.topicPaintMs, f.previewPaintMs), '≤ 0.75×', met(f.topicPaintMs <= 0.75 * f.previewPaintMs)],
    [WHOLE_ARTICLE_ROW, ms(f.topicWholeMs), `${ms(f.previewPaintMs)} (Markdown preview)`, ratio(f.topicWholeMs, f.previewPaintMs), '', ''],
    ['Problems tree click (`mlInterview.openProblem`, `builtin/softmax`) → problem panel first paint', `${ms(f.problemPaintMs)} (the host's part: ${ms(f.panelsOnHostMs.problem)})`, `${ms(f.floorPaintMs)} (the floor)`, ratio(f.problemPaintMs, f.floorPaintMs), '≤ 1.25× floor', met(f.problemPaintMs <= 1.25 * f.floorPaintMs)],
    ['Quiz Me button (`mlInterview.quizMe`) → quiz panel first paint', `${ms(f.quizPaintMs)} (the host's part: ${ms(f.panelsOnHostMs.quiz)})`, `${ms(f.floorPaintMs)} (the floor)`, ratio(f.quizPaintMs, f.floorPaintMs), '≤ 1.25× floor', met(f.quizPaintMs <= 1.25 * f.floorPaintMs)],
    [
      'Run Snippet ▶ → first output line visible (where Run Snippet shows it: the Output panel)',
      `${ms(f.outputPanelFirstLineMs)} (its "▶ Running" line: ${ms(f.outputPanelRunningLineMs)})`,
      `${ms(f.terminalFirstLineMs)} (\`npx tsx attention.ts\` typed in the integrated terminal: Enter → first line)`,
      ratio(f.outputPanelFirstLineMs, f.terminalFirstLineMs),
      '≤ 0.5×',
      met(f.outputPanelFirstLineMs <= 0.5 * f.terminalFirstLineMs),
    ],
    ['Run Snippet → first output line (`attention.ts`, in the extension host)', ms(f.runnerMs), `${ms(f.tsxMs)} (\`npx tsx\`)`, ratio(f.runnerMs, f.tsxMs), '≤ 0.5×', met(f.runnerMs <= 0.5 * f.tsxMs)],
    ['Quiz Check on a code card (LayerNorm in TypeScript), first of the session (attempt just opened) → results', `${ms(f.checkFirstMs)} (the next Check: ${ms(f.checkLaterMs)})`, '', '', '< 2 s', met(f.checkFirstMs < 2000)],
    [
      'Practice Check, TypeScript (`rmsnorm`, reference solution): `mlInterview.checkSolution` → report with every case, first of the session',
      `${ms(f.problemCheck.ts.firstMs)} (a later Check: ${ms(f.problemCheck.ts.laterMs)})`,
      `${ms(f.problemCheck.ts.floorMs)} (bare worker start: empty script to 'online')`,
      ratio(f.problemCheck.ts.firstMs, f.problemCheck.ts.floorMs),
      '≤ 300 ms',
      met(f.problemCheck.ts.firstMs <= 300),
    ],
    [
      'Practice Check, Python (`softmax`, reference solution): `mlInterview.checkSolution` → report with every case, first of the session',
      `${ms(f.problemCheck.py.firstMs)} (a later Check: ${ms(f.problemCheck.py.laterMs)})`,
      `${ms(f.problemCheck.py.floorMs)} (\`python -c "import numpy"\`, same interpreter)`,
      ratio(f.problemCheck.py.firstMs, f.problemCheck.py.floorMs),
      '≤ 1.5× floor',
      met(f.problemCheck.py.firstMs <= 1.5 * f.problemCheck.py.floorMs),
    ],
    [
      `Loading and indexing every built-in topic, card and problem (${f.content.topics} / ${f.content.cards} / ${f.content.problems}) from the content pack, as the extension does, plain Node, first pass`,
      `${ms(f.content.coldMs)} (later passes ${ms(f.content.warmMedianMs)})`,
      '',
      '',
      '< 50 ms',
      met(f.content.coldMs < 50),
    ],
    [
      '… the same content parsed from its sources by the loaders (what the build pays, and user decks of that size), first pass',
      `${ms(f.contentSource.coldMs)} (later passes ${ms(f.contentSource.warmMedianMs)})`,
      '',
      '',
      '',
      '',
    ],
    [`Activity bar click → Topics tree's first render with every deck (${f.treeRows} rows; activation included)`, ms(f.treeRenderMs), '', '', '', ''],
    [`Quiz queue from ${f.queue.cards.toLocaleString('en')} cards (${f.queue.logEntries.toLocaleString('en')}-review log), first call`, `${ms(f.queue.coldMs)} (later calls ${ms(f.queue.warmMedianMs)})`, '', '', '< 50 ms', met(f.queue.coldMs < 50)],
    [
      `Saving one quiz answer with ${f.save.reviews.toLocaleString('en')} reviews over ${f.save.studied.toLocaleString('en')} cards (the store, its file, a globalState that serializes every update)`,
      `${ms(f.save.saveMedianMs)} (first read of the progress ${ms(f.save.firstReadMs)})`,
      `${ms(f.save.previousSaveMedianMs)} (the previous storage: the whole progress in globalState)`,
      ratio(f.save.saveMedianMs, f.save.previousSaveMedianMs),
      '',
      '',
    ],
    [`What the quiz syncs through Settings Sync with that history / what the previous storage synced`, `${kib(f.save.syncedBytes)} / ${kib(f.save.previousSyncedBytes)}`, '', '', '< 100 KB (design limit)', met(f.save.syncedBytes < 100_000)],
    [
      'Bundle `dist/extension.js` / all of `dist/` / `.vsix`',
      `${kib(f.sizes.extensionJs)} / ${kib(f.sizes.dist)} / ${kib(f.sizes.vsix)} (${(f.sizes.vsix / MB).toFixed(2)} MB)`,
      '',
      '',
      '.vsix < 1.5 MB',
      met(f.sizes.vsix < 1.5 * MB),
    ],
    ['Extension-host memory added by activation (RSS / JS heap)', `${mib(f.memory.activation.rss)} / ${mib(f.memory.activation.heapUsed)}`, '', '', '', ''],
    [`… by activation, every topic (${f.topicsOpened}), a problem and a quiz open (RSS / JS heap)`, `${mib(f.memory.all.rss)} / ${mib(f.memory.all.heapUsed)}`, '', '', '', ''],
  ];
  const lines = rows.map((cells) => `| ${cells.join(' | ')} |`);
  lines.splice(1, 0, `|${rows[0].map(() => ' --- ').join('|')}|`);
  return lines.join('\n');
}

/** `--only panels`: the floor, topic, preview, problem and quiz windows of each round, and their rows of the table. */
async function panelsOnly() {
  const started = new Date();
  const commit = measuredCommit();
  provisionCodeServer();
  const browser = await launchBrowser();
  let extensionsDir;
  let floorDir;
  const rounds = [];
  let chromiumVersion;
  try {
    chromiumVersion = browser.version();
    const { file: vsix } = await packageExtension();
    floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-bench-floor-'));
    extensionsDir = installOnce([vsix, packageFloor(floorDir)]);
    const decks = builtInDeckCount();
    for (let round = 0; round < ROUNDS; round++) {
      const names = WINDOWS;
      const order = names.map((_, i) => names[(i + round) % names.length]);
      const ui = {};
      for (const side of order) ui[side] = await withRetry(`round ${round + 1}: ${side}`, () => UI_SESSIONS[side](browser, extensionsDir, { decks, panelsOnly: true }));
      rounds.push(ui);
      console.log(`[bench] round ${round + 1}/${ROUNDS}: floor ${ms(ui.floor?.ms)}, topic ${ms(ui.topic?.topicFirstPaint.ms)} (whole article ${ms(ui.topic?.topicFirstPaint.markMs)}), preview ${ms(ui.preview?.ms)}, problem ${ms(ui.problem?.ms)}, quiz ${ms(ui.quiz?.ms)}`);
    }
  } finally {
    await browser.close();
    if (extensionsDir) fs.rmSync(extensionsDir, { recursive: true, force: true });
    if (floorDir) fs.rmSync(floorDir, { recursive: true, force: true });
  }
  const floor = median(rounds.map((r) => r.floor?.ms));
  const topic = median(rounds.map((r) => r.topic?.topicFirstPaint.ms));
  const topicWhole = median(rounds.map((r) => r.topic?.topicFirstPaint.markMs));
  const preview = median(rounds.map((r) => r.preview?.ms));
  const problem = median(rounds.map((r) => r.problem?.ms));
  const quiz = median(rounds.map((r) => r.quiz?.ms));
  const rows = [
    ['Metric', 'Ours (median)', 'Reference (median)', 'Ratio', 'Goal', 'Met'],
    ['Floor: tree click → first paint of an empty webview panel', '', `${ms(floor)} (the floor)`, '', '', ''],
    ['Tree click → topic panel first paint, beside the floor', ms(topic), `${ms(floor)} (the floor)`, ratio(topic, floor), '≤ 1.25× floor', met(topic <= 1.25 * floor)],
    ['… beside VS Code\'s Markdown preview of the same file', ms(topic), `${ms(preview)} (Markdown preview)`, ratio(topic, preview), '≤ 0.75×', met(topic <= 0.75 * preview)],
    [WHOLE_ARTICLE_ROW, ms(topicWhole), `${ms(preview)} (Markdown preview)`, ratio(topicWhole, preview), '', ''],
    ['Problems tree click → problem panel first paint', ms(problem), `${ms(floor)} (the floor)`, ratio(problem, floor), '≤ 1.25× floor', met(problem <= 1.25 * floor)],
    ['Quiz Me button → quiz panel first paint', ms(quiz), `${ms(floor)} (the floor)`, ratio(quiz, floor), '≤ 1.25× floor', met(quiz <= 1.25 * floor)],
  ];
  const lines = rows.map((cells) => `| ${cells.join(' | ')} |`);
  lines.splice(1, 0, `|${rows[0].map(() => ' --- ').join('|')}|`);
  const facts = machine(chromiumVersion);
  console.log(`\n${lines.join('\n')}\n\nload average ${facts.loadAverageAtStart[0]} at the start; median of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}${commit ? `; commit ${commit}` : ''}`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(RESULTS_DIR, 'bench-panels.json');
  fs.writeFileSync(out, JSON.stringify({ date: started.toISOString(), commit, machine: facts, rounds: ROUNDS, figures: { floor, topic, preview, problem, quiz }, table: lines.join('\n'), samples: rounds }, null, 2));
  console.log(`\n[bench] wrote ${path.relative(root, out)}`);
}

/** The bundles' sizes: dist/extension.js, every other host file of dist/ (the lazily required ones), all of dist/. */
function bundleSizes(vsixBytes) {
  const dist = path.join(root, 'dist');
  const lazy = fs.readdirSync(dist).filter((file) => file.endsWith('.js') && file !== 'extension.js').sort();
  return {
    extensionJs: fs.statSync(path.join(dist, 'extension.js')).size,
    runnerWorkerJs: fs.statSync(path.join(dist, 'runnerWorker.js')).size,
    lazyJs: Object.fromEntries(lazy.map((file) => [file, fs.statSync(path.join(dist, file)).size])),
    dist: directorySize(dist),
    vsix: vsixBytes,
  };
}

/** `--only activation`: the activation rows, in fresh hosts as in the full run, and where the call's time goes. */
async function activationOnly(started, commit) {
  await runBuild();
  provisionCodeServer();
  const browser = await launchBrowser();
  const rounds = [];
  let modules;
  let sizes;
  const profileFile = path.join(RESULTS_DIR, 'activation.cpuprofile');
  try {
    modules = summarizeModules(await withRetry('the module check', () => hostSession(browser, { mode: 'modules' })));
    sizes = bundleSizes((await packageExtension()).size);
    for (let round = 0; round < ROUNDS; round++) {
      const host = await withRetry(`round ${round + 1}: activation`, () => hostSession(browser, { mode: 'activation', round }));
      rounds.push(host.activation);
      console.log(`[bench] round ${round + 1}/${ROUNDS}: activate ${ms(host.activation.loadMs + host.activation.activateCallMs)} (load ${ms(host.activation.loadMs)} + call ${ms(host.activation.activateCallMs)}); VS Code's activate ${ms(host.activation.wallMs)}`);
    }
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await withRetry('the CPU profile', () => hostSession(browser, { mode: 'activation', env: { MLIP_BENCH_CPU_PROFILE: profileFile } }));
  } finally {
    await browser.close();
  }
  const activation = {
    loadMs: median(rounds.map((r) => r.loadMs)),
    activateCallMs: median(rounds.map((r) => r.activateCallMs)),
    vscodeWallMs: median(rounds.map((r) => r.wallMs)),
  };
  const atActivation = modules.heavy.filter((h) => h.firstRunAt === 'activation');
  const lazy = Object.entries(sizes.lazyJs).map(([file, bytes]) => `${file} ${kib(bytes)}`).join(', ');
  const lines = [
    `| \`activate()\`: loading the bundle + the call, fresh extension host | ${ms(activation.loadMs + activation.activateCallMs)} (load ${ms(activation.loadMs)} + call ${ms(activation.activateCallMs)}) | < 10 ms | ${met(activation.loadMs + activation.activateCallMs < 10)} |`,
    `| \`extension.activate()\` as VS Code runs it, bundle already loaded | ${ms(activation.vscodeWallMs)} | | |`,
    `| Heavy modules run by activation | ${atActivation.length === 0 ? 'none' : atActivation.map((h) => h.label).join(', ')} | none | ${met(atActivation.length === 0)} |`,
    `| Bundle \`dist/extension.js\` / all of \`dist/\` / \`.vsix\` | ${kib(sizes.extensionJs)} / ${kib(sizes.dist)} / ${kib(sizes.vsix)} | | |`,
  ];
  console.log(`\n${lines.join('\n')}\n\nlazily required: ${lazy}\nload average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end; median of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}${commit ? `; commit ${commit}` : ''}`);
  if (modules.otherPackagesAtActivation.length > 0) console.log(`  other packages run at activation: ${modules.otherPackagesAtActivation.join(', ')}`);
  console.log(`  modules run by activation: ${modules.raw.atActivation.join(', ')}`);
  console.log(`[bench] CPU profile of the load and the call: ${path.relative(root, profileFile)}`);
  const out = path.join(RESULTS_DIR, 'activation.json');
  fs.writeFileSync(out, JSON.stringify({ date: started.toISOString(), commit, rounds: ROUNDS, activation, sizes, samples: rounds, modulesAtActivation: modules.raw.atActivation }, null, 2));
  console.log(`[bench] wrote ${path.relative(root, out)}`);
}

async function main() {
  const started = new Date();
  const commit = measuredCommit();
  if (ONLY === 'activation') return activationOnly(started, commit);
  if (ONLY === 'panels') return panelsOnly();
  await runBuild();
  provisionCodeServer();
  const browser = await launchBrowser();
  let extensionsDir;
  let floorDir;
  const rounds = [];
  let modules;
  let sizes;
  let chromiumVersion;
  try {
    chromiumVersion = browser.version();
    console.log('[bench] which modules run at activation (development build, V8 coverage)…');
    modules = summarizeModules(await withRetry('the module check', () => hostSession(browser, { mode: 'modules' })));
    const { file: vsix, size: vsixBytes } = await packageExtension();
    sizes = bundleSizes(vsixBytes);
    floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-bench-floor-'));
    extensionsDir = installOnce([vsix, packageFloor(floorDir)]);
    const decks = builtInDeckCount();
    for (let round = 0; round < ROUNDS; round++) {
      const host = await withRetry(`round ${round + 1}: in-host measurements`, () => hostSession(browser, { mode: 'measure', round }));
      // Turning which window goes first spreads slow moments of a busy machine over every side.
      const names = Object.keys(UI_SESSIONS);
      const order = names.map((_, i) => names[(i + round) % names.length]);
      const ui = {};
      for (const side of order) ui[side] = await withRetry(`round ${round + 1}: ${side}`, () => UI_SESSIONS[side](browser, extensionsDir, { decks }));
      const queue = nodeRound('queue');
      const content = nodeRound('content');
      const contentSource = nodeRound('content', ['--source']);
      const save = nodeRound('save');
      rounds.push({ host, ...ui, queue, content, contentSource, save });
      const a = host.activation;
      console.log(
        `[bench] round ${round + 1}/${ROUNDS}: activate ${ms(a.loadMs + a.activateCallMs)}; floor ${ms(ui.floor.ms)}, topic ${ms(ui.topic.topicFirstPaint.ms)} (whole article ${ms(ui.topic.topicFirstPaint.markMs)}), preview ${ms(ui.preview.ms)}, ` +
          `problem ${ms(ui.problem.ms)}, quiz ${ms(ui.quiz.ms)}; tree ${ms(ui.topic.treeRender.ms)}; ▶ Output panel ${ms(ui.topic.outputPanel.firstLineMs)} vs terminal ${ms(ui.topic.terminal.firstLineMs)}; ` +
          `runner ${ms(host.snippetFirstOutputMs.runner)} vs tsx ${ms(host.snippetFirstOutputMs.tsx)}; ` +
          `Check ts ${ms(host.problemCheckMs.ts.firstMs)} vs worker ${ms(host.problemCheckMs.ts.floorMs)}, py ${ms(host.problemCheckMs.py.firstMs)} vs import numpy ${ms(host.problemCheckMs.py.floorMs)}; ` +
          `content ${ms(content.coldMs)} (from source ${ms(contentSource.coldMs)}); queue ${ms(queue.coldMs)}; save ${ms(save.saveMedianMs)} vs before ${ms(save.previousSaveMedianMs)}`,
      );
    }
  } finally {
    await browser.close();
    if (extensionsDir) fs.rmSync(extensionsDir, { recursive: true, force: true });
    if (floorDir) fs.rmSync(floorDir, { recursive: true, force: true });
  }

  const memoryDelta = (from, to) => ({
    rss: median(rounds.map((r) => r.host.memory[to].rss - r.host.memory[from].rss)),
    heapUsed: median(rounds.map((r) => r.host.memory[to].heapUsed - r.host.memory[from].heapUsed)),
  });
  const figures = {
    activation: {
      loadMs: median(rounds.map((r) => r.host.activation.loadMs)),
      activateCallMs: median(rounds.map((r) => r.host.activation.activateCallMs)),
      vscodeWallMs: median(rounds.map((r) => r.host.activation.wallMs)),
    },
    modules,
    floorPaintMs: median(rounds.map((r) => r.floor.ms)),
    topicPaintMs: median(rounds.map((r) => r.topic.topicFirstPaint.ms)),
    topicWholeMs: median(rounds.map((r) => r.topic.topicFirstPaint.markMs)),
    previewPaintMs: median(rounds.map((r) => r.preview.ms)),
    problemPaintMs: median(rounds.map((r) => r.problem.ms)),
    quizPaintMs: median(rounds.map((r) => r.quiz.ms)),
    panelsOnHostMs: Object.fromEntries(['topic', 'problem', 'quiz'].map((panel) => [panel, median(rounds.map((r) => r.host.panelsOnHostMs?.[panel] ?? NaN))])),
    treeRenderMs: median(rounds.map((r) => r.topic.treeRender.ms)),
    treeRows: rounds[0].topic.treeRender.rows,
    terminalFirstLineMs: median(rounds.map((r) => r.topic.terminal.firstLineMs)),
    runnerMs: median(rounds.map((r) => r.host.snippetFirstOutputMs.runner)),
    tsxMs: median(rounds.map((r) => r.host.snippetFirstOutputMs.tsx)),
    checkFirstMs: median(rounds.map((r) => r.host.checkMs?.firstMs ?? NaN)),
    checkLaterMs: median(rounds.map((r) => r.host.checkMs?.laterMs ?? NaN)),
    problemCheck: Object.fromEntries(
      ['ts', 'py'].map((language) => [
        language,
        Object.fromEntries(['firstMs', 'laterMs', 'floorMs'].map((key) => [key, median(rounds.map((r) => r.host.problemCheckMs?.[language]?.[key] ?? NaN))])),
      ]),
    ),
    outputPanelFirstLineMs: median(rounds.map((r) => r.topic.outputPanel.firstLineMs)),
    outputPanelRunningLineMs: median(rounds.map((r) => r.topic.outputPanel.runningLineMs)),
    queue: { ...rounds[0].queue, coldMs: median(rounds.map((r) => r.queue.coldMs)), warmMedianMs: median(rounds.map((r) => r.queue.warmMedianMs)) },
    save: { ...rounds[0].save, ...Object.fromEntries(['firstReadMs', 'saveMedianMs', 'previousSaveMedianMs'].map((key) => [key, median(rounds.map((r) => r.save[key]))])) },
    content: { ...rounds[0].content, coldMs: median(rounds.map((r) => r.content.coldMs)), warmMedianMs: median(rounds.map((r) => r.content.warmMedianMs)) },
    contentSource: { ...rounds[0].contentSource, coldMs: median(rounds.map((r) => r.contentSource.coldMs)), warmMedianMs: median(rounds.map((r) => r.contentSource.warmMedianMs)) },
    sizes,
    memory: { activation: memoryDelta('beforeActivation', 'afterActivation'), all: memoryDelta('beforeActivation', 'afterTopicsProblemAndQuiz') },
    topicsOpened: rounds[0].host.topicsOpened,
  };
  const facts = machine(chromiumVersion);
  const rendered = table(figures);
  const machineLine =
    `${facts.cpu}, ${facts.cores} cores, ${facts.ramGiB} GiB RAM, ${facts.os}; Node ${facts.node.replace(/^v/, '')}, ` +
    `code-server ${facts.codeServer} (VS Code ${facts.vscode}), Chromium ${facts.chromium}; load average ${facts.loadAverageAtStart[0]} at the start; ` +
    `median of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}, ${started.toISOString().slice(0, 10)}`;
  console.log(`\n${rendered}\n\n${machineLine}${commit ? `\ncommit ${commit}` : ''}`);
  for (const h of modules.heavy) {
    const where = h.files.length === 0 ? 'not shipped' : `in ${h.files.length > 2 ? `${h.files[0]} and ${h.files.length - 1} more files` : h.files.join(', ')}`;
    console.log(`  ${h.label}: ${where}; ${h.firstRunAt === null ? 'never runs in the extension host' : `first runs at: ${h.firstRunAt}`}`);
  }
  if (modules.otherPackagesAtActivation.length > 0) console.log(`  other packages run at activation: ${modules.otherPackagesAtActivation.join(', ')}`);

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(RESULTS_DIR, 'bench.json');
  const moduleSummary = { heavy: modules.heavy, otherPackagesAtActivation: modules.otherPackagesAtActivation };
  fs.writeFileSync(out, JSON.stringify({ date: started.toISOString(), commit, machine: facts, machineLine, rounds: ROUNDS, figures: { ...figures, modules: moduleSummary }, table: rendered, samples: rounds, modulesRaw: modules.raw }, null, 2));
  console.log(`\n[bench] wrote ${path.relative(root, out)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
