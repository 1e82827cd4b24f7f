import * as assert from 'node:assert/strict';
import { describeInWorkbench } from './workbench';

describeInWorkbench('Snippets in the VS Code workbench', { settings: { 'mlInterview.language': 'en', 'mlInterview.run.timeoutSeconds': 12 } }, (current) => {
  it('opens a snippet from the command palette and runs it with the editor’s Run button', async function () {
    const workbench = current();
    const page = workbench.page;
    await workbench.runCommand('ML Interview: Open Snippet');
    await page.locator('.quick-input-widget input').fill('attention');
    await workbench.quickPickRow('Scaled dot-product and multi-head attention').click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'Scaled dot-product attention and multi-head self-attention' }).first().waitFor();
    assert.equal((await page.locator('.tab.active .label-name').innerText()).trim(), 'attention.ts');
    await page.locator('.editor-actions [aria-label^="Run Snippet"]').first().click();
    const output = page.locator('.panel .monaco-editor .view-lines');
    await output.locator('.view-line', { hasText: 'Finished in' }).first().waitFor({ timeout: 30_000 });
    const text = await output.innerText();
    assert.match(text, /Running\s+attention\.ts/);
    assert.match(text, /causal/i, 'the demo printed its causal attention weights');
    assert.doesNotMatch(text, /'-?\d+\.\d+'/, 'not as quoted strings');
    await workbench.screenshot('snippet-run');

    // The keybinding runs it too: Ctrl+Alt+N in a TypeScript editor.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type("\nconsole.log('run by the keybinding');\n");
    await page.keyboard.press('Control+Alt+N');
    await output.locator('.view-line', { hasText: 'run by the keybinding' }).first().waitFor({ timeout: 30_000 });
  });

  it('stops an endless loop at the time limit and keeps the workbench responsive', async function () {
    const workbench = current();
    const page = workbench.page;
    await workbench.runCommand('File: New Untitled Text File');
    await page.keyboard.type('// endless\nwhile (true) {}\n');
    await workbench.runCommand('Change Language Mode');
    await page.locator('.quick-input-widget input').fill('TypeScript');
    await workbench.quickPickRow('TypeScript').click();
    await workbench.runCommand('ML Interview: Run Snippet');
    const output = page.locator('.panel .monaco-editor .view-lines');
    await output.locator('.view-line', { hasText: 'Running' }).first().waitFor();
    // While the loop runs in its worker, the workbench and the extension host still answer: the command palette
    // opens and closes, and a click in the tree opens a topic before the time limit stops the loop.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.press('Escape');
    const view = await workbench.openActivityView('ML Interview Prep');
    const clicked = Date.now();
    await view.locator('.monaco-list-row', { hasText: 'Pre-Norm vs Post-Norm' }).first().click();
    await workbench.activeWebview('article h1');
    const responseMs = Date.now() - clicked;
    assert.equal(await output.locator('.view-line', { hasText: 'the time limit' }).count(), 0, 'the topic opened while the loop was still running');
    console.log(`      tree click → topic panel painted while a runaway snippet runs: ${responseMs} ms`);
    await output.locator('.view-line', { hasText: 'the time limit' }).first().waitFor({ timeout: 30_000 });
  });

  it('offers a walkthrough whose steps complete on the real action', async function () {
    const workbench = current();
    const page = workbench.page;
    await workbench.openWalkthrough();
    const steps = page.locator('.getting-started-step');
    await steps.filter({ hasText: 'Read an answer' }).first().waitFor();
    assert.deepEqual(
      (await page.locator('.getting-started-step .step-title').allInnerTexts()).map((t) => t.trim()).filter((t) => ['Read an answer', 'Run a snippet', 'Do a first quiz'].includes(t)),
      ['Read an answer', 'Run a snippet', 'Do a first quiz'],
    );
    // The step's button runs the real command (a topic quick pick); choosing a topic completes the step.
    await steps.filter({ hasText: 'Read an answer' }).first().click();
    await workbench.pickAfter(() => steps.filter({ hasText: 'Read an answer' }).getByRole('button', { name: 'Open Topic' }).click(), 'Self-attention');
    // The topic opens in its own tab; wait for it, or it could take the focus back after we return to the walkthrough.
    await workbench.activeWebview('article h1');
    // The walkthrough's tab is titled "Walkthrough: …" or "Welcome", depending on how the page was opened.
    await page.locator('.tab', { hasText: /Walkthrough|Welcome/ }).first().click();
    await steps.filter({ hasText: 'Read an answer' }).locator('.codicon-getting-started-step-checked').first().waitFor();
    await workbench.screenshot('walkthrough');
  });
});
