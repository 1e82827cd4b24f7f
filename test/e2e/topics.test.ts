import * as assert from 'node:assert/strict';
import { describeInWorkbench } from './workbench';

describeInWorkbench('ML Interview Prep in the VS Code workbench', { settings: { 'mlInterview.language': 'en' } }, (current) => {
  it('shows the six topics in the activity-bar view', async function () {
    const workbench = current();
    const view = await workbench.openActivityView('ML Interview Prep');
    const rows = view.locator('.monaco-list-row');
    await rows.filter({ hasText: 'Speeding up BERT' }).first().waitFor();
    const labels = (await view.locator('.monaco-list-row .label-name').allInnerTexts()).map((l) => l.trim());
    // The Today entry (the daily plan) may lead the tree; the first track follows it.
    const deck = labels.indexOf('ByteDance AI Lab interview');
    assert.ok(deck >= 0, labels.join(', '));
    assert.deepEqual(labels.slice(deck + 1, deck + 7), [
      'BatchNorm vs LayerNorm',
      'Self-attention',
      'BERT pre-training',
      'Pre-Norm vs Post-Norm',
      'GPT vs BERT',
      'Speeding up BERT training',
    ]);
  });

  it('opens a topic from the tree and renders its answer, math and diagram in the webview', async function () {
    const workbench = current();
    const view = await workbench.openActivityView('ML Interview Prep');
    await view.locator('.monaco-list-row', { hasText: 'BatchNorm vs LayerNorm' }).first().click();
    const frame = await workbench.activeWebview('article h1');
    assert.equal((await frame.locator('article h1').innerText()).trim(), 'BatchNorm vs LayerNorm');
    assert.ok((await frame.locator('.katex').count()) > 3, 'KaTeX rendered the formulas');
    // Drawn in the page's font for the first paint, then in KaTeX's own, loaded (webview-src/pageFonts.ts).
    const mathFont = await frame.locator('.katex .mathnormal').first().evaluate((glyph) => [getComputedStyle(glyph).fontFamily, document.fonts.check('italic 1em KaTeX_Math')]);
    assert.deepEqual(mathFont, ['KaTeX_Math', true]);
    const answerText = await frame.locator('.answer').innerText();
    assert.doesNotMatch(answerText, /\$\$|\\frac|\\mu/, 'no raw TeX is left in the visible text');
    assert.equal(await frame.locator('figure.diagram svg').count() > 0, true, 'the diagram is inline SVG');
    const box = await frame.locator('figure.diagram svg').first().boundingBox();
    assert.ok(box && box.width > 200 && box.height > 80, `the diagram is laid out (${JSON.stringify(box)})`);
    await workbench.screenshot('topic-dark');
  });

  it('follows a light and a high-contrast theme', async function () {
    const workbench = current();
    await workbench.setColorTheme('Light Modern');
    const frame = await workbench.activeWebview('body.vscode-light article h1');
    const color = await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    assert.equal(color, 'rgb(255, 255, 255)');
    await workbench.screenshot('topic-light');
    await workbench.setColorTheme('Dark High Contrast');
    const contrast = await workbench.activeWebview('body.vscode-high-contrast article h1');
    const border = await contrast.locator('.toolbar').evaluate((bar) => getComputedStyle(bar).borderBottomColor);
    assert.notEqual(border, 'rgba(0, 0, 0, 0)', 'high contrast draws the toolbar border');
    const [codeColor, codeBackground] = await contrast.locator('.answer p code, .answer li code').first().evaluate((code) => {
      const style = getComputedStyle(code);
      return [style.color, style.backgroundColor];
    });
    assert.notEqual(codeColor, codeBackground, 'inline code stays readable');
    await workbench.screenshot('topic-high-contrast');
    await workbench.setColorTheme('Dark Modern');
    await workbench.activeWebview('body.vscode-dark article h1');
  });

  it('switches the panel to Chinese with its toggle', async function () {
    const workbench = current();
    const frame = await workbench.activeWebview('article h1');
    await frame.locator('button[data-action="setLanguage"]').click();
    const chinese = await workbench.activeWebview('article[lang="zh-CN"] h1');
    assert.match(await chinese.locator('article h1').innerText(), /[\u4e00-\u9fff]/);
    await workbench.screenshot('topic-zh-dark');
  });

  it('keeps the panel’s language and scroll position across a window reload', async function () {
    const workbench = current();
    const frame = await workbench.activeWebview('article[lang="zh-CN"] h1');
    await frame.evaluate(() => window.scrollTo(0, 900));
    // The page marks what it saved with setState, so the reload waits for the save, not for a fixed time.
    await frame.waitForFunction(() => Number(document.body.dataset.savedScrollY) > 800);
    // VS Code's own reload shuts the window down properly, saving the webview state as for a person.
    await workbench.runCommand('Developer: Reload Window');
    await workbench.page.waitForEvent('load');
    await workbench.page.locator('.monaco-workbench').waitFor();
    const revived = await workbench.activeWebview('article[lang="zh-CN"] h1');
    await revived.waitForFunction(() => window.scrollY > 800, undefined, { timeout: 15_000 });
  });

  it('remembers the checklist ticks of a topic after closing it, reopening it and reloading the window', async function () {
    const workbench = current();
    const frame = await workbench.activeWebview('.checklist input[type=checkbox]');
    const boxes = frame.locator('.checklist input[type=checkbox]');
    assert.ok((await boxes.count()) >= 3, 'the topic has a checklist');
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    const ticked = async (page: typeof frame) =>
      page.locator('.checklist input[type=checkbox]').evaluateAll((inputs) => inputs.map((input, index) => ((input as HTMLInputElement).checked ? index : -1)).filter((i) => i >= 0));
    assert.deepEqual(await ticked(frame), [0, 2]);
    // Checkboxes in the theme's colours, not the browser's; a code block with one background, not one per line.
    const [appearance, boxBackground, themeBackground] = await boxes.first().evaluate((box) => [
      getComputedStyle(box).appearance,
      getComputedStyle(box).backgroundColor,
      getComputedStyle(document.body).getPropertyValue('--vscode-checkbox-background').trim(),
    ]);
    assert.equal(appearance, 'none');
    assert.ok(themeBackground.length > 0, 'the theme defines a checkbox background');
    assert.notEqual(boxBackground, 'rgba(0, 0, 0, 0)');
    const codeBackground = await frame.locator('pre code').first().evaluate((code) => getComputedStyle(code).backgroundColor);
    assert.equal(codeBackground, 'rgba(0, 0, 0, 0)', 'a code block’s lines have no background of their own');
    await workbench.runCommand('View: Close All Editors');
    await workbench.page.locator('.tab', { hasText: /BatchNorm/ }).waitFor({ state: 'detached' });
    const view = await workbench.openActivityView('ML Interview Prep');
    await view.locator('.monaco-list-row', { hasText: 'BatchNorm vs LayerNorm' }).first().click();
    const reopened = await workbench.activeWebview('.checklist input[type=checkbox]');
    assert.deepEqual(await ticked(reopened), [0, 2], 'the ticks survive closing and reopening the topic');
    await workbench.runCommand('Developer: Reload Window');
    await workbench.page.waitForEvent('load');
    await workbench.page.locator('.monaco-workbench').waitFor();
    const revived = await workbench.activeWebview('.checklist input[type=checkbox]');
    assert.deepEqual(await ticked(revived), [0, 2], 'the ticks survive a window reload');
    await revived.locator('.checklist').scrollIntoViewIfNeeded();
    await workbench.screenshot('topic-checklist');
  });

  it('keeps each table header on one line: no word breaks inside', async function () {
    const workbench = current();
    const view = await workbench.openActivityView('ML Interview Prep');
    await view.locator('.monaco-list-row', { hasText: 'GPT vs BERT' }).first().click();
    const frame = await workbench.activeWebview('article table th');
    const lines = await frame.locator('article table th').evaluateAll((headers) =>
      headers.map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        const tops = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
        return [th.textContent ?? '', tops.size] as const;
      }),
    );
    assert.ok(lines.some(([text]) => text.trim() !== ''), 'the table has headers');
    for (const [text, count] of lines) if (text.trim() !== '') assert.equal(count, 1, `the header "${text}" is on one line`);
    await workbench.screenshot('topic-table');
  });

  it('credits the walkthrough with what was done before VS Code forgot it: the extension ticks the step again after a reload', async function () {
    const workbench = current();
    const page = workbench.page;
    // Forget what VS Code recorded of the walkthrough; only the extension's own record is left.
    await workbench.runCommand('Developer: Reset Welcome Page Walkthrough Progress');
    // Whether VS Code registers the walkthrough before or after the extension ticks the step (4 s after activation)
    // depends on this machine's speed; the tick must hold either way.
    await workbench.runCommand('View: Close All Editors');
    await workbench.runCommand('Developer: Reload Window');
    await page.waitForEvent('load');
    await page.locator('.monaco-workbench').waitFor();
    await workbench.openActivityView('ML Interview Prep');
    await workbench.openWalkthrough();
    const step = page.locator('.getting-started-step', { hasText: 'Read an answer' }).first();
    await step.locator('.codicon-getting-started-step-checked').waitFor({ timeout: 20_000 });
    await workbench.screenshot('walkthrough-credited');
  });
});
