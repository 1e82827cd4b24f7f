// The benchmark's measurements in the real VS Code (code-server), each in a fresh code-server and a fresh browser
// context, so every figure is a first open in a new window: nothing cached from an earlier round.
/* global document, window, MutationObserver */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshWorkspace, root, startCodeServer, workbenchUrl } from '../lib/codeServer.mjs';

const TOPIC_FILE = '01-bn-vs-ln.md';
const TOPIC_TITLE = 'BatchNorm vs LayerNorm';
const SNIPPET_TITLE = 'Scaled dot-product and multi-head attention';
/** The first line attention.ts prints. */
const SNIPPET_FIRST_LINE = 'attention weights, no mask';
/**
 * The terminal's DOM renderer (headless Chromium has no GPU anyway): its rows are then text the page can read.
 * Tooltips wait longer than any measurement: the pointer rests on what it clicks first (clickToWebviewPaint).
 */
const UI_SETTINGS = { 'mlInterview.language': 'en', 'workbench.hover.delay': 10000, 'workbench.colorTheme': 'Default Dark Modern', 'terminal.integrated.gpuAcceleration': 'off' };
/** The problem the problem panel is timed with (builtin/softmax) and its title in the Problems tree. */
const PROBLEM_TITLE = 'Row-wise softmax';
/** What `npx tsx` needs in the workspace: the snippet, the module it imports, and the project's node_modules. */
const TERMINAL_FILES = ['attention.ts', 'tensor.ts'];

/** `--cpu-profiles`: where each panel click's CPU profile of the workbench's main thread goes (none when unset). */
let cpuProfilesDir;
export function writeCpuProfilesTo(dir) {
  cpuProfilesDir = dir;
}

/**
 * Runs the in-host payload (out/bench/index.js, built from test/bench/index.ts) with the working tree's extension,
 * and returns what it wrote. `mode` is 'measure' (timings and memory) or 'modules' (which modules ran).
 */
export async function hostSession(browser, { mode, round = 0, env = {} }) {
  const resultsFile = path.join(os.tmpdir(), `mlip-bench-${process.pid}-${mode}-${round}.json`);
  fs.rmSync(resultsFile, { force: true });
  const workspace = freshWorkspace();
  const server = await startCodeServer({ env: { MLIP_BENCH_RESULTS: resultsFile, MLIP_BENCH_MODE: mode, MLIP_BENCH_ROUND: String(round), ...env } });
  let context;
  try {
    context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    await page.goto(workbenchUrl(server, { folder: workspace, extensionTestsPath: path.join(root, 'out', 'bench', 'index.js') }));
    const deadline = Date.now() + 180_000;
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > deadline) throw new Error(`the in-host benchmark (${mode}) did not finish within 180 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const result = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    if (result.error) throw new Error(`the in-host benchmark (${mode}) failed:\n${result.error}`);
    return result;
  } finally {
    await context?.close();
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(resultsFile, { force: true });
  }
}

/**
 * Opens the workbench with the packaged extension installed (in `extensionsDir`) and a workspace that also holds a
 * topic's Markdown file and a small Markdown file to wake the Markdown extension with.
 */
async function openWorkbench(browser, extensionsDir) {
  const workspace = freshWorkspace();
  fs.copyFileSync(path.join(root, 'content', 'decks', 'bytedance-ai-lab', 'topics', TOPIC_FILE), path.join(workspace, TOPIC_FILE));
  fs.writeFileSync(path.join(workspace, 'warm-up.md'), '# Warm-up\n\nOpening this file starts the Markdown extension.\n');
  // A project where a person would type `npx tsx attention.ts`: the snippet beside its import, tsx installed.
  for (const file of TERMINAL_FILES) fs.copyFileSync(path.join(root, 'snippets', file), path.join(workspace, file));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(workspace, 'node_modules'));
  const server = await startCodeServer({ settings: UI_SETTINGS, extensionsDir });
  let context;
  const close = async () => {
    await context?.close();
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  };
  let page;
  try {
    context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    page = await context.newPage();
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: null }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  } catch (error) {
    await close();
    throw error;
  }
  return { page, close };
}

/**
 * Tree click to the topic panel's first paint; then, in the same window, the editor's ▶ Run Snippet button to the
 * snippet's first output line in the Output panel.
 */
export async function topicSession(browser, extensionsDir, { decks, panelsOnly = false }) {
  const { page, close } = await openWorkbench(browser, extensionsDir);
  try {
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Topics' }) });
    const tree = await clickToTreeRows(page, page.locator('.activitybar [aria-label^="ML Interview Prep"]').first(), 'Topics', decks);
    // The tree is filled once the extension is active, as when a person is about to click.
    const row = pane.locator('.monaco-list-row', { hasText: TOPIC_TITLE }).first();
    await row.waitFor({ timeout: 60_000 });
    // Also when the rest of the article, put in place after the first paint, was there (webview-src/topic.ts).
    const topic = await clickToWebviewPaint(page, row, 'article h1', { mark: 'mlip:article-complete', name: 'topic' });
    if (panelsOnly) return { treeRender: tree, topicFirstPaint: topic };

    await settlePage(page);
    await pickThroughPalette(page, [['>ML Interview: Open Snippet', 'ML Interview: Open Snippet'], ['attention', SNIPPET_TITLE]]);
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Scaled dot-product attention' }).first().waitFor();
    const runButton = page.locator('.editor-actions [aria-label^="Run Snippet"]').first();
    await runButton.waitFor();
    // As for the panels, the pointer rests on the button before the press (clickToWebviewPaint).
    await runButton.hover();
    await settlePage(page);
    // Installed before the click: the observer notes when each line enters the Output panel's DOM. The "▶ Running"
    // line is written before the run starts, so its time is VS Code's delivery of output-channel text.
    await page.evaluate((text) => {
      window.__mlipBenchLines = new Promise((resolve) => {
        const seen = {};
        const observer = new MutationObserver(() => {
          // Monaco renders spaces as no-break spaces.
          const shown = document.querySelector('.panel .monaco-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ') ?? '';
          const now = performance.timeOrigin + performance.now();
          if (seen.running === undefined && shown.includes('Running')) seen.running = now;
          if (shown.includes(text)) {
            observer.disconnect();
            resolve({ ...seen, firstLine: now });
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    }, SNIPPET_FIRST_LINE);
    const pressed = await clickAndNotePointerDown(page, runButton);
    const lines = await withTimeout(page.evaluate(() => window.__mlipBenchLines), 60_000, 'the snippet output in the Output panel');
    const outputPanel = { firstLineMs: lines.firstLine - pressed, runningLineMs: (lines.running ?? lines.firstLine) - pressed };
    const terminal = await terminalFirstLine(page);
    return { treeRender: tree, topicFirstPaint: topic, outputPanel, terminal };
  } finally {
    await close();
  }
}

/**
 * The floor beside every panel: a minimal extension (test/bench/floor-extension) whose tree row opens an empty webview
 * panel with our panels' options and a one-heading document; the row's click to that frame's first paint.
 */
export async function floorSession(browser, extensionsDir) {
  const { page, close } = await openWorkbench(browser, extensionsDir);
  try {
    await page.locator('.activitybar [aria-label^="Bench Floor"]').first().click();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Floor' }) });
    const row = pane.locator('.monaco-list-row', { hasText: 'Open empty panel' }).first();
    await row.waitFor({ timeout: 60_000 });
    return await clickToWebviewPaint(page, row, '#floor', { name: 'floor' });
  } finally {
    await close();
  }
}

/** The Problems tree's row of softmax (mlInterview.openProblem with builtin/softmax) to the problem panel's first paint. */
export async function problemSession(browser, extensionsDir) {
  const { page, close } = await openWorkbench(browser, extensionsDir);
  try {
    await page.locator('.activitybar [aria-label^="ML Interview Prep"]').first().click();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Problems/ }) });
    const header = pane.locator('.pane-header').first();
    await header.waitFor({ timeout: 60_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    // The tree renders only the rows in view: scroll until the problem's row is there.
    const row = pane.locator('.monaco-list-row', { hasText: PROBLEM_TITLE }).first();
    await pane.locator('.monaco-list-row').first().waitFor({ timeout: 60_000 });
    for (let step = 0; !(await row.isVisible()); step++) {
      if (step > 60) throw new Error(`the Problems tree shows no row "${PROBLEM_TITLE}"`);
      const box = await pane.locator('.monaco-list').first().boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 120);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await row.scrollIntoViewIfNeeded();
    return await clickToWebviewPaint(page, row, 'article h1', { name: 'problem' });
  } finally {
    await close();
  }
}

/** The Topics view's Quiz Me button (mlInterview.quizMe) to the quiz panel's first paint with its first card. */
export async function quizSession(browser, extensionsDir) {
  const { page, close } = await openWorkbench(browser, extensionsDir);
  try {
    await page.locator('.activitybar [aria-label^="ML Interview Prep"]').first().click();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Topics' }) });
    await pane.locator('.monaco-list-row', { hasText: TOPIC_TITLE }).first().waitFor({ timeout: 60_000 });
    // The view's title actions show while the pointer is over its header.
    await pane.locator('.pane-header').first().hover();
    const button = pane.locator('.pane-header .actions [aria-label^="Quiz Me"]').first();
    await button.waitFor({ timeout: 10_000 });
    return await clickToWebviewPaint(page, button, '#quiz article, #quiz h1', { name: 'quiz' });
  } finally {
    await close();
  }
}

/**
 * What a person would do instead of ▶: `npx tsx attention.ts` typed in VS Code's integrated terminal, from the Enter
 * key to the program's first line in the terminal's rows (the DOM renderer's text).
 */
async function terminalFirstLine(page) {
  await pickThroughPalette(page, [['>Terminal: Create New Terminal', 'Terminal: Create New Terminal']]);
  const rows = page.locator('.panel .terminal-wrapper.active .xterm-rows').first();
  await rows.waitFor({ timeout: 30_000 });
  const shown = () => rows.evaluate((element) => element.textContent.replace(/\u00a0/g, ' '));
  const until = async (what, ok) => {
    const deadline = Date.now() + 30_000;
    while (!ok(await shown())) {
      if (Date.now() > deadline) throw new Error(`the terminal did not show ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await until('a prompt', (text) => /[$#]$/.test(text.trimEnd()));
  await settlePage(page);
  const command = 'npx tsx attention.ts';
  await page.locator('.panel .terminal-wrapper.active .xterm-helper-textarea').first().focus();
  await page.keyboard.type(command);
  await until('the typed command', (text) => text.includes(command));
  await settlePage(page);
  await page.evaluate((text) => {
    const rowsElement = document.querySelector('.panel .terminal-wrapper.active .xterm-rows');
    window.__mlipBenchEnter = new Promise((resolve) => {
      window.addEventListener('keydown', (event) => event.key === 'Enter' && resolve(performance.timeOrigin + event.timeStamp), { capture: true, once: true });
    });
    window.__mlipBenchTerminal = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (rowsElement.textContent.replace(/\u00a0/g, ' ').includes(text)) {
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        }
      });
      observer.observe(rowsElement, { childList: true, subtree: true, characterData: true });
    });
  }, SNIPPET_FIRST_LINE);
  await page.keyboard.press('Enter');
  const entered = await page.evaluate(() => window.__mlipBenchEnter);
  const firstLine = await withTimeout(page.evaluate(() => window.__mlipBenchTerminal), 60_000, 'the first line of `npx tsx` in the terminal');
  return { firstLineMs: firstLine - entered };
}

/**
 * Clicks `target` and returns the time from its pointerdown to the moment the tree in the pane titled `paneTitle`
 * holds at least `rows` top-level rows (in the DOM), noted by a MutationObserver installed before the click.
 */
async function clickToTreeRows(page, target, paneTitle, rows) {
  await settlePage(page);
  await page.evaluate(
    ({ title, count }) => {
      window.__mlipBenchTree = new Promise((resolve) => {
        const check = () => {
          const pane = [...document.querySelectorAll('.pane')].find((p) => p.querySelector('.pane-header')?.textContent?.includes(title));
          const top = pane?.querySelectorAll('.monaco-list-row[aria-level="1"]').length ?? 0;
          if (top < count) return false;
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
          return true;
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-level'] });
      });
    },
    { title: paneTitle, count: rows },
  );
  const pressed = await clickAndNotePointerDown(page, target);
  const shown = await withTimeout(page.evaluate(() => window.__mlipBenchTree), 60_000, `${rows} rows in the ${paneTitle} tree`);
  return { ms: shown - pressed, rows };
}

/** VS Code's own Markdown preview of the same topic file: Explorer → Open Preview to its first paint. */
export async function previewSession(browser, extensionsDir) {
  const { page, close } = await openWorkbench(browser, extensionsDir);
  try {
    const explorer = page.locator('.explorer-folders-view');
    const fileRow = explorer.locator('.monaco-list-row', { hasText: TOPIC_FILE }).first();
    await fileRow.waitFor({ timeout: 60_000 });
    // Our panel is timed with its extension already active (the tree needs it); so is the Markdown extension here:
    // another file opens in an editor and its headings reach the Outline, which only the active extension provides.
    await explorer.locator('.monaco-list-row', { hasText: 'warm-up.md' }).first().click();
    const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Outline' }) });
    await outline.locator('.pane-header').click();
    await outline.locator('.monaco-list-row', { hasText: 'Warm-up' }).first().waitFor({ timeout: 60_000 });
    await fileRow.click({ button: 'right' });
    // Exactly "Open Preview", not "Open Preview to the Side"; the item also shows its key binding.
    const openPreview = page.locator('.context-view .action-item', { has: page.locator('.action-label', { hasText: /^Open Preview$/ }) }).first();
    await openPreview.waitFor();
    return await clickToWebviewPaint(page, openPreview, '.code-line', { name: 'preview' });
  } finally {
    await close();
  }
}

/**
 * Clicks `target` and returns the time from its pointerdown to the first contentful paint of the webview frame that
 * shows `selector`. The paint time is Chromium's Paint Timing entry of that frame, so it does not depend on how often
 * the frame is polled; the poll (about every 10 ms) only finds the frame. Both ends are on the browser's clock.
 */
async function clickToWebviewPaint(page, target, selector, { mark, name } = {}) {
  const framesBefore = new Set(page.frames());
  // The pointer rests on the target before the press, as a person's does: the hover styling it brings (a row's
  // inline actions) is drawn before the press and not counted after it. Tooltips would take longer (UI_SETTINGS).
  await target.hover();
  await settlePage(page);
  const profile = cpuProfilesDir ? await startCpuProfile(page) : undefined;
  const pressed = await clickAndNotePointerDown(page, target);
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const frame of page.frames()) {
      if (framesBefore.has(frame)) continue;
      let paint;
      try {
        paint = await frame.evaluate((sel) => {
          if (!document.querySelector(sel)) return undefined;
          const entry = performance.getEntriesByName('first-contentful-paint')[0];
          return { firstContentfulPaint: entry ? performance.timeOrigin + entry.startTime : null, seen: performance.timeOrigin + performance.now() };
        }, selector);
      } catch {
        continue; // The frame navigated or went away while we looked.
      }
      if (paint?.firstContentfulPaint) {
        const result = { ms: paint.firstContentfulPaint - pressed, contentSeenMs: paint.seen - pressed };
        if (mark) result.markMs = (await frame.waitForFunction((markName) => performance.getEntriesByName(markName)[0]?.startTime, mark, { timeout: 30_000 }).then((handle) => handle.jsonValue())) + (await frame.evaluate(() => performance.timeOrigin)) - pressed;
        if (profile) await profile.stop(name ?? 'panel', { pressed, ...result });
        return result;
      }
    }
    if (Date.now() > deadline) throw new Error(`no new webview painted ${selector} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Samples the workbench page's main thread (which also runs same-origin webview frames) from just before a click.
 * `stop` writes NAME-TIME.cpuprofile (open it in Chrome's DevTools or VS Code) and NAME-TIME.json: the click's time and
 * the profile's start on the page's clock (ms since the epoch), to place the samples against the click.
 */
async function startCpuProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  const startedAt = await page.evaluate(() => performance.timeOrigin + performance.now());
  await cdp.send('Profiler.start');
  return {
    async stop(name, timing) {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      fs.mkdirSync(cpuProfilesDir, { recursive: true });
      const base = path.join(cpuProfilesDir, `${name}-${Date.now()}`);
      fs.writeFileSync(`${base}.cpuprofile`, JSON.stringify(profile));
      fs.writeFileSync(`${base}.json`, JSON.stringify({ profileStartedAt: startedAt, ...timing }, null, 2));
    },
  };
}

/** Clicks the middle of `target` and returns the pointerdown's time on the page's clock (ms since the epoch). */
async function clickAndNotePointerDown(page, target) {
  const box = await target.boundingBox();
  if (!box) throw new Error('the element to click is not visible');
  await page.evaluate(() => {
    window.__mlipBenchDown = new Promise((resolve) => {
      window.addEventListener('pointerdown', (event) => resolve(performance.timeOrigin + event.timeStamp), { capture: true, once: true });
    });
  });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return page.evaluate(() => window.__mlipBenchDown);
}

/**
 * Waits until the page's main thread has answered a 20 ms timer within 5 ms of its time for half a second (at most
 * ten seconds): the workbench's start-up work is then done and not counted in what follows.
 */
async function settlePage(page) {
  await page.evaluate(async () => {
    const start = performance.now();
    let quietSince = start;
    while (performance.now() - start < 10_000) {
      const before = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const now = performance.now();
      if (now - before - 20 > 5) quietSince = now;
      else if (now - quietSince >= 500) return;
    }
  });
}

function quickPickRow(page, label) {
  return page.locator('.quick-input-list .monaco-list-row', { has: page.getByText(label, { exact: true }) }).first();
}

/**
 * Types each filter into the quick input and chooses the row with its label: a command, then the pick it opens. A
 * quick pick closes when focus leaves it (a webview still loading can take focus), so the whole sequence is retried.
 */
async function pickThroughPalette(page, steps) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      for (const [filter, label] of steps) {
        await input.waitFor({ timeout: 5_000 });
        await input.fill(filter, { timeout: 5_000 });
        await quickPickRow(page, label).click({ timeout: 5_000 });
      }
      return;
    } catch (error) {
      if (attempt === 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

async function withTimeout(promise, ms, what) {
  let timer;
  try {
    return await Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
