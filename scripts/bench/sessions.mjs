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
const UI_SETTINGS = { 'mlInterview.language': 'en', 'workbench.colorTheme': 'Default Dark Modern' };

/**
 * Runs the in-host payload (out/bench/index.js, built from test/bench/index.ts) with the working tree's extension,
 * and returns what it wrote. `mode` is 'measure' (timings and memory) or 'modules' (which modules ran).
 */
export async function hostSession(browser, { mode, round = 0 }) {
  const resultsFile = path.join(os.tmpdir(), `mlip-bench-${process.pid}-${mode}-${round}.json`);
  fs.rmSync(resultsFile, { force: true });
  const workspace = freshWorkspace();
  const server = await startCodeServer({ env: { MLIP_BENCH_RESULTS: resultsFile, MLIP_BENCH_MODE: mode, MLIP_BENCH_ROUND: String(round) } });
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
export async function topicSession(browser, extensionsDir) {
  const { page, close } = await openWorkbench(browser, extensionsDir);
  try {
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Topics' }) });
    await page.locator('.activitybar [aria-label^="ML Interview Prep"]').first().click();
    // The tree is filled once the extension is active, as when a person is about to click.
    const row = pane.locator('.monaco-list-row', { hasText: TOPIC_TITLE }).first();
    await row.waitFor({ timeout: 60_000 });
    const topic = await clickToWebviewPaint(page, row, 'article h1');

    await settlePage(page);
    await pickThroughPalette(page, [['>ML Interview: Open Snippet', 'ML Interview: Open Snippet'], ['attention', SNIPPET_TITLE]]);
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Scaled dot-product attention' }).first().waitFor();
    const runButton = page.locator('.editor-actions [aria-label^="Run Snippet"]').first();
    await runButton.waitFor();
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
    return { topicFirstPaint: topic, outputPanel: { firstLineMs: lines.firstLine - pressed, runningLineMs: (lines.running ?? lines.firstLine) - pressed } };
  } finally {
    await close();
  }
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
    return await clickToWebviewPaint(page, openPreview, '.code-line');
  } finally {
    await close();
  }
}

/**
 * Clicks `target` and returns the time from its pointerdown to the first contentful paint of the webview frame that
 * shows `selector`. The paint time is Chromium's Paint Timing entry of that frame, so it does not depend on how often
 * the frame is polled; the poll (about every 10 ms) only finds the frame. Both ends are on the browser's clock.
 */
async function clickToWebviewPaint(page, target, selector) {
  const framesBefore = new Set(page.frames());
  await settlePage(page);
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
      if (paint?.firstContentfulPaint) return { ms: paint.firstContentfulPaint - pressed, contentSeenMs: paint.seen - pressed };
    }
    if (Date.now() > deadline) throw new Error(`no new webview painted ${selector} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
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
