import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { describeInWorkbench } from './workbench';

/** Waits until the element matching `selector` has the keyboard focus inside the webview. */
async function focused(frame: Frame, selector: string): Promise<void> {
  await frame.waitForFunction((s) => document.activeElement?.matches(s) === true, selector, { timeout: 15_000 });
}

describeInWorkbench('Mock interview and daily plan in the VS Code workbench', { settings: { 'mlInterview.language': 'en' } }, (current) => {
  /** Presses Tab until the element matching `selector` has the focus: every control is reachable by keyboard. */
  async function tabTo(frame: Frame, selector: string): Promise<void> {
    for (let step = 0; step < 60; step++) {
      if (await frame.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
      await current().page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('runs a short mock interview by keyboard: a concept question answered and scored, then the report', async function () {
    const workbench = current();
    const page = workbench.page;
    await workbench.runCommand('ML Interview: Mock Interview');
    let frame = await workbench.activeWebview('#mock input[name=length]');
    // The set-up: the length's radio group has the focus; arrow keys choose 15 minutes, Tab reaches Start.
    await focused(frame, 'input[name=length][value="30"]');
    await page.keyboard.press('ArrowUp');
    await focused(frame, 'input[name=length][value="15"]');
    await workbench.screenshot('mock-setup-dark');
    await tabTo(frame, '#start');
    await page.keyboard.press('Enter');

    frame = await workbench.activeWebview('#mock textarea#answer');
    await focused(frame, 'textarea#answer');
    assert.match(await frame.locator('.counter').innerText(), /^Question 1 of \d+$/);
    // The clocks count down, in the panel and in the status bar.
    const clock = frame.locator('#clock-question');
    const start = await clock.innerText();
    await frame.waitForFunction((before) => document.getElementById('clock-question')?.textContent !== before, start, { timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: /Mock \d+:\d\d · \d+:\d\d/ }).first().waitFor();
    const typed = 'It normalises <b>per sample</b> over the features & keeps no running statistics.';
    await page.keyboard.type(typed, { delay: 5 });
    await workbench.screenshot('mock-question-dark');
    await page.keyboard.press('Control+Enter');

    // The review: the typed answer as text, the model answer, the checklist; ticking points proposes a rating.
    await frame.locator('.answer').waitFor();
    assert.equal(await frame.locator('.your-answer .typed').innerText(), typed);
    await focused(frame, '#check-0');
    await page.keyboard.press(' ');
    await frame.waitForFunction(() => (document.getElementById('check-0') as HTMLInputElement | null)?.checked === true);
    await frame.locator('.ratings .suggested').waitFor();
    await workbench.screenshot('mock-review-dark');
    const checklistSize = await frame.locator('.checklist input[type=checkbox]').count();
    await page.keyboard.press('3');

    // The next question; ending the interview by keyboard shows the report.
    await frame.locator('.counter', { hasText: /^Question 2 of/ }).waitFor();
    await tabTo(frame, 'button[data-action="finish"]');
    await page.keyboard.press('Enter');
    await frame.locator('#report-score').waitFor();
    const firstRow = frame.locator('table.report tbody tr').first();
    assert.match(await firstRow.innerText(), new RegExp(`1/${checklistSize} checklist points`));
    assert.match(await firstRow.innerText(), /Good/);
    assert.ok((await frame.locator('.weakest li').count()) > 0, 'the weakest topics are listed');
    assert.ok((await frame.locator('.weakest button[data-action="openTopic"]').count()) > 0, 'each with a button to review it');
    await workbench.screenshot('mock-report-dark');
    assert.equal(await page.locator('.statusbar-item', { hasText: /Mock \d+:\d\d/ }).count(), 0, 'the clock leaves the status bar');

    // The history lists the report.
    await tabTo(frame, 'button[data-action="showSetup"]');
    await page.keyboard.press('Enter');
    await frame.locator('table.history tbody tr').first().waitFor();
    assert.equal(await frame.locator('table.history tbody tr').count(), 1);
  });

  it('keeps what was typed across a window reload: the interview comes back paused where it was', async function () {
    const workbench = current();
    const page = workbench.page;
    await workbench.runCommand('ML Interview: Mock Interview');
    let frame = await workbench.activeWebview('#mock #start');
    await frame.locator('#start').click();
    frame = await workbench.activeWebview('#mock textarea#answer');
    await focused(frame, 'textarea#answer');
    const typed = 'Typed just before the reload\nsecond line';
    await page.keyboard.type(typed, { delay: 5 });
    await workbench.runCommand('Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    frame = await workbench.activeWebview('#mock .notice');
    assert.match(await frame.locator('.notice').innerText(), /The window reloaded during the interview: it is paused where it was/);
    await page.locator('.statusbar-item', { hasText: /Mock \d+:\d\d · \d+:\d\d/ }).first().waitFor();
    await workbench.screenshot('mock-restored-dark');
    await frame.locator('button[data-action="resume"]').click();
    await frame.locator('textarea#answer').waitFor();
    await frame.waitForFunction((text) => (document.getElementById('answer') as HTMLTextAreaElement | null)?.value === text, typed);
    await frame.locator('button[data-action="finish"]').click();
    await frame.locator('#report-score').waitFor();
  });

  it('opens each item of the Today entry with a click', async function () {
    const workbench = current();
    const page = workbench.page;
    const view = await workbench.openActivityView('ML Interview Prep');
    const today = view.locator('.monaco-list-row', { hasText: 'Today' }).first();
    await today.waitFor();
    await workbench.screenshot('today-dark');
    await view.locator('.monaco-list-row', { hasText: /reviews? due/ }).first().click();
    await workbench.activeWebview('#quiz');
    const newTopic = view.locator('.monaco-list-row', { hasText: 'new topic' }).first();
    const title = (await newTopic.locator('.label-name').innerText()).trim();
    await newTopic.click();
    const topic = await workbench.activeWebview('article h1');
    assert.equal((await topic.locator('article h1').innerText()).trim(), title);
    await page.locator('.tab.active', { hasText: title }).waitFor();
  });

  it('shows the 365-day heatmap, the streaks, mastery per track and the score trend in light, dark and high contrast', async function () {
    const workbench = current();
    await workbench.runCommand('ML Interview: Show Progress');
    let frame = await workbench.activeWebview('svg.heatmap');
    assert.equal(await frame.locator('svg.heatmap rect.day').count(), 365);
    // Today has activity: the reviews and the mock interviews of the first tests.
    assert.notEqual(await frame.locator('svg.heatmap rect.day').last().getAttribute('data-level'), '0');
    assert.equal((await frame.locator('#streak-current').innerText()).trim(), '1');
    assert.ok((await frame.locator('section.tracks tbody tr').count()) > 0);
    assert.equal(await frame.locator('svg.trend-chart circle.point').count(), 2);
    await frame.locator('section.activity').scrollIntoViewIfNeeded();
    await workbench.screenshot('progress-heatmap-dark');
    await workbench.setColorTheme('Light Modern');
    frame = await workbench.activeWebview('body.vscode-light svg.heatmap');
    await frame.locator('section.activity').scrollIntoViewIfNeeded();
    await workbench.screenshot('progress-heatmap-light');
    await workbench.setColorTheme('Dark High Contrast');
    frame = await workbench.activeWebview('body.vscode-high-contrast svg.heatmap');
    await frame.locator('section.activity').scrollIntoViewIfNeeded();
    await workbench.screenshot('progress-heatmap-hc');
  });
});
