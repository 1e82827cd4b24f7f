import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { describeInWorkbench, type Workbench } from './workbench';

const ROOT = path.resolve(__dirname, '..', '..');
/** Debian's Python has NumPy; the `python3` first on this machine's PATH may not. */
const PYTHON = process.env.MLIP_PYTHON ?? '/usr/bin/python3';
/** Overflows at logits of ±1000: exp first, the row maximum never subtracted. */
const WRONG_SOFTMAX = 'import numpy as np\n\n\ndef softmax(x):\n    e = np.exp(x)\n    return e / e.sum(axis=-1, keepdims=True)\n';

function solution(id: string, language: 'py' | 'ts'): string {
  return fs.readFileSync(path.join(ROOT, 'content', 'problems', id, `solution.${language}`), 'utf8');
}

function caseNames(id: string): string[] {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'problems', id, 'cases.json'), 'utf8')) as { cases: { name: string }[] };
  return file.cases.map((c) => c.name);
}

/** The editor whose tab is `fileName`, once it shows `text`. */
async function editorOf(workbench: Workbench, fileName: string, text: string): Promise<Locator> {
  const page = workbench.page;
  await page.locator('.tab.active', { hasText: fileName }).first().waitFor();
  // Monaco marks each editor with the URI it shows.
  const editor = page.locator(`.editor-instance .monaco-editor[data-uri$="/${fileName}"]`).first();
  await editor.locator('.view-line', { hasText: text }).first().waitFor();
  return editor;
}

/**
 * Replaces the whole text of `editor` as typing would (select all, then the new text as one input). The suite turns
 * `editor.autoIndent` and auto-closing off: Python's indentation rules would otherwise indent the inserted lines a
 * second time, and an opening JSDoc comment would get a second closing one.
 */
async function replaceText(workbench: Workbench, editor: Locator, text: string): Promise<void> {
  await editor.locator('.view-lines').click();
  await workbench.page.keyboard.press('Control+A');
  await workbench.page.keyboard.insertText(text);
  // The view follows the cursor to the end; back to the top, where the lines the tests look for are drawn.
  await workbench.page.keyboard.press('Control+Home');
}

/** The Testing view, opened from the activity bar unless it is showing. */
async function openTestExplorer(workbench: Workbench): Promise<Locator> {
  const tree = workbench.page.locator('.test-explorer');
  if (!(await tree.isVisible())) await workbench.page.locator('.activitybar [aria-label^="Testing"]').first().click();
  await tree.locator('.monaco-list-row').first().waitFor();
  return tree;
}

/** A row of the Testing view by its label. (Its accessible name is the item's description, so match the text.) */
function testRow(tree: Locator, label: string): Locator {
  return tree.locator('.monaco-list-row', { has: tree.page().locator('.label', { hasText: label }) }).first();
}

describeInWorkbench('Practice problems in the VS Code workbench', { settings: { 'mlInterview.language': 'en', 'mlInterview.python.path': PYTHON, 'editor.autoIndent': 'none', 'editor.autoClosingComments': 'never', 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never' } }, (current) => {
  it('lists the problems by track, checks a wrong and then the reference Python softmax, and shows the results in the Testing view', async function () {
    const workbench = current();
    const page = workbench.page;
    const view = await workbench.openActivityView('ML Interview Prep', 'Problems');
    // The solved count beside the view's title and on every track.
    const description = view.locator('.pane-header .description');
    await description.filter({ hasText: /solved/ }).waitFor();
    const total = Number(/^0\/(\d+) solved$/.exec((await description.innerText()).trim())?.[1]);
    assert.ok(total > 30, `the view counts every built-in problem: ${await description.innerText()}`);
    const track = view.locator('.monaco-list-row', { hasText: 'ByteDance AI Lab interview' }).first();
    await track.waitFor();
    assert.match(await track.innerText(), /0\/\d+\s*$/);
    const row = view.locator('.monaco-list-row', { hasText: 'Row-wise softmax' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /Easy/);
    assert.equal(await row.locator('.codicon-circle-large-outline').count(), 1, 'a new problem shows an empty circle');
    await workbench.screenshot('problems-view-dark');

    await row.click();
    const start = 'button[data-action="start"][data-language="py"]';
    let panel = await workbench.activeWebview(start);
    assert.equal((await panel.locator(start).innerText()).trim(), 'Start in Python');
    assert.equal(await panel.locator('section.solution.locked').count(), 1, 'the solution is locked before a pass');
    await workbench.screenshot('problem-panel-dark');
    await panel.locator(start).click();

    const editor = await editorOf(workbench, 'softmax.py', 'raise NotImplementedError');
    await replaceText(workbench, editor, WRONG_SOFTMAX);
    await editor.locator('.view-line', { hasText: 'e = np.exp(x)' }).waitFor();
    // The keybinding applies in a practice file: its status-bar item shows once the file is known to be one.
    const status = page.locator('.statusbar-item', { hasText: /softmax/ }).first();
    await status.filter({ hasText: 'Check softmax' }).waitFor();
    await page.keyboard.press('Control+Alt+N');
    await status.filter({ hasText: /softmax: \d+\/\d+ passed/ }).waitFor({ timeout: 60_000 });
    const [, passed, cases] = /softmax: (\d+)\/(\d+) passed/.exec(await status.innerText()) ?? [];
    assert.ok(Number(passed) > 0 && Number(passed) < Number(cases), `some cases fail: ${passed}/${cases}`);

    // The Testing view: the problem failed, and its failing cases are listed by name.
    const testing = await openTestExplorer(workbench);
    const problemRow = testRow(testing, 'Row-wise softmax');
    await problemRow.locator('.codicon-testing-failed-icon').waitFor();
    // Narrow the view to it with the view's filter (the cases are below the fold of 37 problems), and expand it.
    await page.locator('.testing-filter-wrapper .monaco-editor').click();
    await page.keyboard.type('Row-wise softmax');
    await testRow(testing, '2-D convolution').waitFor({ state: 'detached' });
    if ((await problemRow.getAttribute('aria-expanded')) !== 'true') await problemRow.locator('.monaco-tl-twistie').click();
    await problemRow.and(page.locator('[aria-expanded="true"]')).waitFor();
    // Without the row maximum subtracted, the cases with extreme logits come out NaN; every other case passes. Each
    // row is waited for in its expected state: the tree redraws its rows as results come in, so a row read once
    // can be one being redrawn.
    const names = caseNames('softmax');
    const overflowing = ['logits +-1000', 'all very negative'];
    assert.deepEqual([Number(passed), Number(cases)], [names.length - overflowing.length, names.length], 'the status bar counts the passing cases');
    for (const name of names) {
      const icon = overflowing.includes(name) ? '.codicon-testing-failed-icon' : '.codicon-testing-passed-icon';
      await testRow(testing, name).locator(icon).waitFor();
    }
    await workbench.screenshot('problems-testing-failed-dark');

    // Its message: the Test Results view shows the failure, with the expected and the actual values side by side.
    await workbench.runCommand('Test: Show Output');
    const results = page.locator('.test-output-peek-tree');
    const resultCase = results.locator('.monaco-list-row', { hasText: 'logits +-1000' }).first();
    await resultCase.waitFor();
    await resultCase.click();
    const message = results.locator('.monaco-list-row', { hasText: /expected/ }).first();
    await message.waitFor();
    await message.click();
    const diff = page.locator('.part.panel .monaco-diff-editor').first();
    await diff.waitFor();
    await diff.locator('.view-line', { hasText: 'NaN' }).first().waitFor();
    assert.match(await page.locator('.part.panel').innerText(), /Expected[\s\S]*Actual/, 'the diff is titled expected and actual');
    await workbench.screenshot('problems-test-results-dark');

    // Fixed: the reference solution; Check again from the keyboard.
    await editor.locator('.view-lines').click();
    await replaceText(workbench, editor, solution('softmax', 'py'));
    await editor.locator('.view-line', { hasText: 'shifted = x - x.max' }).waitFor();
    await page.keyboard.press('Control+Alt+N');
    await status.filter({ hasText: `softmax: ${cases}/${cases} passed` }).waitFor({ timeout: 60_000 });
    await problemRow.locator('.codicon-testing-passed-icon').waitFor();
    assert.equal(await testing.locator('.codicon-testing-failed-icon').count(), 0, 'no case fails any more');

    // The panel shows the reference solution now, and the view counts it as solved.
    await page.locator('.tab', { hasText: 'Row-wise softmax' }).first().click();
    panel = await workbench.activeWebview('section.solution:not(.locked)');
    assert.match(await panel.locator('section.solution').innerText(), /shifted = x - x\.max/);
    await workbench.screenshot('problems-solved-dark');
    await workbench.setColorTheme('Light Modern');
    await workbench.activeWebview('body.vscode-light section.solution:not(.locked)');
    await workbench.screenshot('problems-solved-light');
    await workbench.runCommand('View: Close All Editors');
  });

  it('starts the same problem in TypeScript, checks the reference solution and shows every case passed', async function () {
    const workbench = current();
    const page = workbench.page;
    const view = await workbench.openActivityView('ML Interview Prep', 'Problems');
    const row = view.locator('.monaco-list-row', { hasText: 'Row-wise softmax' }).first();
    await row.filter({ has: page.locator('.codicon-pass-filled') }).waitFor();
    await row.click();
    const start = 'button[data-action="start"][data-language="ts"]';
    const panel = await workbench.activeWebview(start);
    assert.equal((await panel.locator(start).innerText()).trim(), 'Start in TypeScript');
    await panel.locator(start).click();
    const editor = await editorOf(workbench, 'softmax.ts', 'export function softmax');
    await replaceText(workbench, editor, solution('softmax', 'ts'));
    await editor.locator('.view-line', { hasText: 'Math.max(...row)' }).waitFor();
    const status = page.locator('.statusbar-item', { hasText: /softmax/ }).first();
    await status.filter({ hasText: 'Check softmax' }).waitFor();
    await page.keyboard.press('Control+Alt+N');
    await status.filter({ hasText: /softmax: (\d+)\/\1 passed/ }).waitFor({ timeout: 60_000 });
    const testing = await openTestExplorer(workbench);
    await testRow(testing, 'Row-wise softmax').locator('.codicon-testing-passed-icon').waitFor();
    assert.equal(await testing.locator('.codicon-testing-failed-icon').count(), 0);
    await workbench.screenshot('problems-typescript-passed-light');
  });
});
