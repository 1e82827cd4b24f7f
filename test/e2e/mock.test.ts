import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { describeInWorkbench, type Workbench } from './workbench';

const ROOT = path.resolve(__dirname, '..', '..');
const PROBLEMS = path.join(ROOT, 'content', 'problems');
/** Debian's Python has NumPy; the `python3` first on this machine's PATH may not. */
const PYTHON = process.env.MLIP_PYTHON ?? '/usr/bin/python3';

interface BuiltInProblem {
  id: string;
  title: string;
  /** The Python function the attempt defines. */
  entry: string;
  solution: string;
  cases: number;
}

/**
 * The built-in problem whose English title is `title`. The mock interview draws its problem at random (the plan's seed
 * is the interview's id), so the test reads which one it asks and takes that problem's reference solution.
 */
function problemTitled(title: string): BuiltInProblem {
  for (const id of fs.readdirSync(PROBLEMS)) {
    const text = fs.readFileSync(path.join(PROBLEMS, id, 'problem.md'), 'utf8');
    const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { id: string; title: { en: string }; entry: { py: string } };
    if (front.title.en !== title) continue;
    const cases = (JSON.parse(fs.readFileSync(path.join(PROBLEMS, id, 'cases.json'), 'utf8')) as { cases: unknown[] }).cases.length;
    return { id: front.id, title, entry: front.entry.py, solution: fs.readFileSync(path.join(PROBLEMS, id, 'solution.py'), 'utf8'), cases };
  }
  throw new Error(`no built-in problem is titled ${title}`);
}

/** The Python attempt's file name: the id with underscores (a module name). */
function pythonAttempt(id: string): string {
  return `${id.replace(/-/g, '_')}.py`;
}

/** The editor whose tab is `fileName`, once it shows `text`. */
async function editorOf(workbench: Workbench, fileName: string, text: string): Promise<Locator> {
  await workbench.page.locator('.tab', { hasText: fileName }).first().waitFor();
  // Monaco marks each editor with the URI it shows.
  const editor = workbench.page.locator(`.editor-instance .monaco-editor[data-uri$="/${fileName}"]`).first();
  await editor.locator('.view-line', { hasText: text }).first().waitFor();
  return editor;
}

/**
 * Picks a colour theme and waits until the workbench itself is painted in it (the webview can take the new theme's
 * classes before the workbench around it has repainted, and a screenshot then shows the two themes mixed).
 */
async function showTheme(workbench: Workbench, label: 'Light Modern' | 'Dark Modern'): Promise<void> {
  await workbench.setColorTheme(label);
  await workbench.page.locator(label === 'Light Modern' ? '.monaco-workbench.vs' : '.monaco-workbench.vs-dark').waitFor();
  await workbench.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** "m:ss" as seconds. */
function seconds(clock: string): number {
  const [minutes, secs] = clock.split(':').map(Number);
  return minutes * 60 + secs;
}

/** Waits until the element matching `selector` has the keyboard focus inside the webview. */
async function focused(frame: Frame, selector: string): Promise<void> {
  await frame.waitForFunction((s) => document.activeElement?.matches(s) === true, selector, { timeout: 15_000 });
}

// The editor settings make pasted code land as it is (see problems.test.ts); Python checks the practice problems.
const SETTINGS = {
  'mlInterview.language': 'en',
  'mlInterview.python.path': PYTHON,
  'editor.autoIndent': 'none',
  'editor.autoClosingComments': 'never',
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
};

describeInWorkbench('Mock interview and daily plan in the VS Code workbench', { settings: SETTINGS }, (current) => {
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

  it('asks a practice problem in a mock interview: opened from the question, checked with Ctrl+Alt+N, its tests in the panel and the report', async function () {
    const workbench = current();
    const page = workbench.page;
    await showTheme(workbench, 'Dark Modern');
    await workbench.runCommand('View: Close All Editors');
    await workbench.runCommand('ML Interview: Mock Interview');
    // The panel comes back on the last report: New interview leads to the set-up.
    let frame = await workbench.activeWebview('#mock #start, #mock button[data-action="showSetup"]');
    if ((await frame.locator('#start').count()) === 0) {
      await tabTo(frame, 'button[data-action="showSetup"]');
      await page.keyboard.press('Enter');
      await frame.locator('#start').waitFor();
    }
    // 15 minutes from Classic ML alone: two concept questions, then one practice problem (the plan's shape for that
    // length); which of the track's problems it is, the interview's random seed decides.
    await focused(frame, 'input[name=length]:checked');
    for (let step = 0; step < 3 && !(await frame.locator('input[name=length][value="15"]').isChecked()); step++) await page.keyboard.press('ArrowUp');
    await focused(frame, 'input[name=length][value="15"]');
    const tracks = frame.locator('label.choice', { has: frame.locator('input[name=track]') });
    for (let index = 0; index < (await tracks.count()); index++) {
      const label = (await tracks.nth(index).innerText()).trim();
      const track = tracks.nth(index).locator('input[name=track]');
      if ((label === 'Classic ML') === (await track.isChecked())) continue;
      await tabTo(frame, `input[name=track][value="${await track.getAttribute('value')}"]`);
      await page.keyboard.press(' ');
      await frame.waitForFunction(([value, checked]) => document.querySelector<HTMLInputElement>(`input[name=track][value="${value}"]`)?.checked === checked, [await track.getAttribute('value'), label === 'Classic ML'] as const);
    }
    assert.equal(await frame.locator('input[name=track]:checked').count(), 1, 'only Classic ML is chosen');
    await tabTo(frame, '#start');
    await page.keyboard.press('Enter');

    // The two concept questions: submitted and rated by keyboard.
    for (const number of [1, 2]) {
      await frame.locator('.counter', { hasText: `Question ${number} of 3` }).waitFor();
      await focused(frame, 'textarea#answer');
      await page.keyboard.type(`Answer ${number}`, { delay: 5 });
      await page.keyboard.press('Control+Enter');
      await frame.locator('.ratings .suggested').waitFor();
      await page.keyboard.press('3');
    }
    const askedAt = Date.now();

    // The problem: its title and difficulty, no Check yet, Open problem focused.
    await frame.locator('.counter', { hasText: 'Question 3 of 3' }).waitFor();
    const shownAt = Date.now();
    const question = frame.locator('section.question');
    const problem = problemTitled((await question.locator('h1.topic-title').innerText()).trim());
    assert.match(await question.locator('.difficulty').innerText(), /^(easy|medium|hard)$/);
    assert.equal((await question.locator('.result').innerText()).trim(), 'Best result: not checked');
    await focused(frame, 'button[data-action="openProblem"]');
    await workbench.screenshot('mock-problem-question-dark');
    await page.keyboard.press('o');

    // The problem's panel and, beside it, the attempt (written from the starter).
    const statement = await workbench.activeWebview('button[data-action="start"][data-language="py"]');
    assert.equal((await statement.locator('main h1').innerText()).trim(), problem.title);
    const fileName = pythonAttempt(problem.id);
    const editor = await editorOf(workbench, fileName, `def ${problem.entry}`);
    await page.locator('.tab.active', { hasText: fileName }).waitFor();
    // The reference solution, typed into the attempt as one input; then Check from the keyboard.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(problem.solution);
    const lastLine = problem.solution.trimEnd().split('\n').at(-1)?.trim() ?? '';
    await editor.locator('.view-line', { hasText: lastLine }).first().waitFor();
    const status = page.locator('.statusbar-item', { hasText: problem.id }).first();
    await status.filter({ hasText: `Check ${problem.id}` }).waitFor();
    const checkPressedAt = Date.now();
    await page.keyboard.press('Control+Alt+N');
    await status.filter({ hasText: `${problem.id}: ${problem.cases}/${problem.cases} passed` }).waitFor({ timeout: 60_000 });
    // A first solve says so in a notification; cleared, it no longer covers the screenshots.
    await page.locator('.notification-toast', { hasText: `All ${problem.cases} cases of ${problem.id} pass` }).waitFor();
    await workbench.runCommand('Notifications: Clear All Notifications');
    await page.locator('.notification-toast').waitFor({ state: 'detached' });

    // The mock panel recorded the Check: every test passed stops the problem's clock and asks for a rating (Good,
    // passed at the first Check, is proposed).
    await page.locator('.tab', { hasText: 'Mock Interview' }).first().click();
    frame = await workbench.activeWebview('#mock .ratings');
    const checkedAt = Date.now();
    assert.equal((await frame.locator('.counter').innerText()).trim(), 'Question 3 of 3');
    // (The label says "1 checks" today; either number agrees.)
    assert.match((await frame.locator('section.question .result').innerText()).trim(), new RegExp(`^Best result: ${problem.cases}/${problem.cases} tests passed \\(checks: 1\\)$`));
    assert.match(await frame.locator('.ratings .suggested').innerText(), /Good/);
    await workbench.screenshot('mock-problem-checked-dark');
    await showTheme(workbench, 'Light Modern');
    frame = await workbench.activeWebview('body.vscode-light #mock .ratings');
    await workbench.screenshot('mock-problem-checked-light');
    await frame.locator('.ratings .suggested').click();

    // Rating the last question ends the interview: the report gives the problem's time and its tests.
    await frame.locator('#report-score').waitFor();
    const row = frame.locator('table.report tbody tr', { hasText: `Problem: ${problem.title}` });
    const cells = (await row.locator('td, th').allInnerTexts()).map((text) => text.trim());
    assert.equal(cells[0], '3');
    const [spent, allotted] = cells[2].split(' / ');
    assert.equal(allotted, '7:00');
    assert.match(spent, /^\d+:\d\d$/);
    // On the clock from the question's start to the Check that passed: at least from when it showed to the key press,
    // at most from the rating before it to when the panel showed the result.
    const atLeast = Math.floor((checkPressedAt - shownAt) / 1000);
    const atMost = Math.ceil((checkedAt - askedAt) / 1000);
    assert.ok(seconds(spent) >= atLeast && seconds(spent) <= atMost, `the problem's time ${spent} is between ${atLeast} s and ${atMost} s`);
    assert.match(cells[3], new RegExp(`^${problem.cases}/${problem.cases} tests passed \\(checks: 1\\) \\(answered\\)$`));
    assert.equal(cells[4], '100%');
    assert.equal(cells[5], 'Good');
    // The report opens scrolled to its New interview button; its table is what the screenshots show.
    await frame.locator('table.report').scrollIntoViewIfNeeded();
    await workbench.screenshot('mock-problem-report-light');
    await showTheme(workbench, 'Dark Modern');
    frame = await workbench.activeWebview('body.vscode-dark #report-score');
    await frame.locator('table.report').scrollIntoViewIfNeeded();
    await workbench.screenshot('mock-problem-report-dark');
  });

  it('opens the Today entry\'s practice problem with a click: its panel and, beside it, the attempt', async function () {
    const workbench = current();
    const page = workbench.page;
    await workbench.runCommand('View: Close All Editors');
    const view = await workbench.openActivityView('ML Interview Prep');
    const row = view.locator('.monaco-list-row', { hasText: 'practice problem' }).first();
    await row.waitFor();
    const problem = problemTitled((await row.locator('.label-name').innerText()).trim());
    await row.click();
    const statement = await workbench.activeWebview('button[data-action="start"][data-language="py"]');
    assert.equal((await statement.locator('main h1').innerText()).trim(), problem.title);
    await page.locator('.tab', { hasText: problem.title }).first().waitFor();
    // A problem never started: its attempt is the starter, written into the practice folder and opened beside.
    const fileName = pythonAttempt(problem.id);
    const editor = await editorOf(workbench, fileName, `def ${problem.entry}`);
    await editor.locator('.view-line', { hasText: 'raise NotImplementedError' }).first().waitFor();
    await page.locator('.tab.active', { hasText: fileName }).waitFor();
    assert.ok(fs.existsSync(path.join(workbench.workspace, '.interview', 'practice', fileName)), 'the attempt is in the workspace practice folder');
    await workbench.screenshot('today-problem-dark');
  });
});
