// Issue 7: the XSS corpus, written into a user deck and opened in the real webview (code-server in Chromium), must
// run no script and send no request. Proof on two sides: a page-side flag every script payload would set, and a
// loopback server every payload would call, which must hear nothing; positive controls show both would notice.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { parseCloze } from '../../src/quiz/core/kinds/cloze';
import { clozeCardFileText, MOCK_ANSWER_PAYLOADS, PROBLEM_FILE_NAMES, SELF_PATH, XSS_PAYLOADS, withServers, xssClozeCards, xssDeckFiles, xssProblems, type XssDeckFile } from '../fixtures/xss/payloads';
import { MAX_ANSWER_CHARS } from '../../src/mock/core/mockMessages';
import { REPORT_ANSWER_CHARS } from '../../src/mock/core/mockReport';
import { describeInWorkbench } from './workbench';

/** Records every request it gets; every payload that could reach the network aims here. */
class LoopbackServer {
  readonly requests: string[] = [];
  private readonly server = http.createServer((request, response) => {
    this.requests.push(`${request.method} ${request.url}`);
    // Any page it serves declares an empty icon, so the browser asks for nothing more.
    response.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': '*' }).end('<link rel="icon" href="data:,">heard');
  });

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** What a rendered topic's document is made of, read inside its webview frame. */
interface RenderedTopic {
  flag: string | undefined;
  policies: (string | null)[];
  scripts: { id: string; src: string; nonce: string | undefined; text: string }[];
  /** The page's <style> elements: in <head>, their nonce and media, and their text's length. */
  styles: { id: string; inHead: boolean; nonce: string | undefined; media: string; length: number }[];
  links: number;
  headings: string[];
  eventHandlers: string[];
}

/** `webview.cspSource` as VS Code 1.100 gives it: the webview's own origin and VS Code's resource CDN. */
const CSP_SOURCE = "'self' https://*.vscode-cdn.net";
/** The topic document's policy, with the render's nonce left open (the same nonce for styles and the script). */
const EXPECTED_CSP = new RegExp(
  `^default-src 'none'; style-src ${escapeRegExp(CSP_SOURCE)} 'nonce-([A-Za-z0-9+/]+={0,2})'; style-src-elem ${escapeRegExp(CSP_SOURCE)} 'nonce-\\1'; ` +
    `style-src-attr 'unsafe-inline'; font-src ${escapeRegExp(CSP_SOURCE)}; img-src ${escapeRegExp(CSP_SOURCE)}; script-src 'nonce-\\1'$`,
);
/** The page scripts the package ships (dist/webview/<page>.js), which each page runs inline. */
const PAGE_SCRIPT = (name: string) => fs.readFileSync(path.resolve(__dirname, '..', '..', 'dist', 'webview', `${name}.js`), 'utf8');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describeInWorkbench('User-deck content in the topic webview (issue 7: XSS)', { settings: { 'mlInterview.language': 'en' } }, (current) => {
  const files = xssDeckFiles();
  const renderable = files.filter((file) => file.payloads.every((payload) => payload.outcome !== 'refused'));
  /** The corpus again in the deck's practice problems and cloze cards, all under the first topic (so one topic's quiz has them). */
  const quizTopic = renderable[0];
  // The 100 KB payloads stay out of the problems and cloze cards here: repeated in every field of a page re-rendered at
  // each step they make documents of megabytes that a 2-core browser takes far too long over. The unit test puts them in
  // every field; here they go through the topics above.
  const shortPayloads = XSS_PAYLOADS.filter((payload) => payload.text.length < 10_000);
  const problems = xssProblems({ topic: quizTopic.id, payloads: shortPayloads });
  // At most 20 blanks a card: the quiz accepts the typed answers of 20 blanks at most.
  const clozeCards = xssClozeCards({ topic: quizTopic.id, perCard: 17, payloads: shortPayloads, parse: parseCloze });
  let servers = { port: 0, selfOrigin: '' };
  const server = new LoopbackServer();
  /** Requests to a payload target (the loopback server, or `/xss-self/` on the webview's origin) as the browser saw them. */
  const browserRequests: string[] = [];
  let port = 0;

  before(async function () {
    port = await server.start();
    const page = current().page;
    // In code-server the webviews are served by the workbench's own server: the CSP's 'self'.
    const selfOrigin = new URL(page.url()).origin;
    const record = (url: string, outcome: string) => {
      const target = url.startsWith(`http://127.0.0.1:${port}/`) ? 'server' : url.startsWith(`${selfOrigin}${SELF_PATH}`) ? 'self' : undefined;
      if (target) browserRequests.push(`${target} ${new URL(url).pathname} ${outcome}`);
    };
    page.context().on('requestfailed', (request) => record(request.url(), request.failure()?.errorText ?? 'failed'));
    page.context().on('requestfinished', (request) => record(request.url(), 'finished'));
    const deck = path.join(current().workspace, '.interview');
    servers = { port, selfOrigin };
    for (const file of files) fs.writeFileSync(path.join(deck, file.fileName), withServers(file.text, servers));
    for (const problem of problems) {
      const folder = path.join(deck, 'problems', problem.id);
      fs.mkdirSync(folder, { recursive: true });
      for (const name of PROBLEM_FILE_NAMES) fs.writeFileSync(path.join(folder, name), withServers(problem.files[name], servers));
    }
    fs.writeFileSync(path.join(deck, 'xss.cards.yaml'), withServers(clozeCardFileText(quizTopic.id, clozeCards), servers));
  });

  after(async function () {
    await server.stop();
  });

  /** Every frame of the workbench where the flag is set: the top page, the workbench's frames and each webview's. */
  async function flagsSet(page: Page): Promise<string[]> {
    const found: string[] = [];
    for (const frame of page.frames()) {
      let flag: unknown;
      try {
        flag = await frame.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
      } catch {
        continue; // A webview frame that was closed or navigated while we looked.
      }
      if (flag !== undefined) found.push(`${frame === page.mainFrame() ? 'top page' : frame.url().slice(0, 120)}: ${String(flag)}`);
    }
    return found;
  }

  /** Waits until the page has loaded and every image has loaded or failed, so a request it would make is made. */
  async function settled(frame: Frame): Promise<void> {
    await frame.waitForFunction(() => document.readyState === 'complete' && Array.from(document.images).every((image) => image.complete));
    // KaTeX's font faces are switched on after the first paint (webview-src/pageFonts.ts); then they load.
    await frame.waitForFunction(() => document.querySelector('style[data-deferred-fonts][media="not all"]') === null);
    await frame.evaluate(() => {
      // A layout first: it starts the loads of the faces the page uses, which `ready` then waits for.
      void document.body.offsetHeight;
      return document.fonts.ready.then(() => undefined);
    });
  }

  /** A rendered document of any of our webviews; `headings` selects the payloads' headings in it. */
  async function readTopic(frame: Frame, headings = '.answer h2'): Promise<RenderedTopic> {
    return frame.evaluate((headingSelector) => ({
      flag: (window as unknown as { __xss?: string }).__xss,
      policies: Array.from(document.querySelectorAll('meta[http-equiv]')).map((meta) => meta.getAttribute('content')),
      scripts: Array.from(document.scripts).map((script) => ({ id: script.id, src: script.src, nonce: script.nonce, text: script.text })),
      styles: Array.from(document.querySelectorAll('style')).map((style) => ({ id: style.id, inHead: style.parentElement === document.head, nonce: style.nonce, media: style.media, length: style.textContent?.length ?? 0 })),
      links: document.querySelectorAll('link').length,
      headings: Array.from(document.querySelectorAll(headingSelector)).map((heading) => heading.textContent ?? ''),
      eventHandlers: Array.from(document.querySelectorAll('*')).flatMap((element) =>
        element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')).map((name) => `${element.localName}[${name}]`),
      ),
    }), headings);
  }

  /**
   * Shows the Topics view with the Problems view below it folded, as a person does to see the whole tree: side by side
   * they share the sidebar, and the user deck's topics would be below the fold.
   */
  async function showTopics() {
    const page = current().page;
    const header = (name: string) => page.locator('.pane-header', { hasText: name }).first();
    if (!(await header('Topics').isVisible())) await page.locator('.activitybar [aria-label^="ML Interview Prep"]').first().click();
    await header('Topics').waitFor();
    await header('Problems').waitFor();
    if ((await header('Problems').getAttribute('aria-expanded')) === 'true') await header('Problems').click();
    if ((await header('Topics').getAttribute('aria-expanded')) !== 'true') await header('Topics').click();
    const pane = page.locator('.pane', { has: header('Topics') });
    // The first time, the deck (a few megabytes of payloads) is still loading.
    await pane.locator('.monaco-list-row').first().waitFor({ timeout: 90_000 });
    return pane;
  }

  /** Opens a payload topic from the tree, as a person would, and returns its webview frame once it has settled. */
  async function openTopic(file: XssDeckFile): Promise<Frame> {
    const workbench = current();
    const view = await showTopics();
    await view.locator('.monaco-list-row', { hasText: `[${file.tag}]` }).first().click();
    // The page's state names its topic (`<deck>/<id>`), whatever the title shows.
    const frame = await workbench.activeWebview(`body[data-state*='/${file.id}"'] article h1`);
    await settled(frame);
    return frame;
  }

  const nonces: string[] = [];

  /** `script`: the panel's own script, dist/webview/<script>.js. */
  function assertLockedDown(topic: RenderedTopic, label: string, script = 'topic'): void {
    assert.equal(topic.flag, undefined, `${label}: a payload ran`);
    assert.deepEqual(topic.eventHandlers, [], `${label}: event-handler attributes`);
    assert.equal(topic.policies.length, 1, `${label}: exactly one http-equiv meta, the CSP`);
    const policy = EXPECTED_CSP.exec(topic.policies[0] ?? '');
    assert.ok(policy, `${label}: CSP ${topic.policies[0]}`);
    const [, nonce] = policy;
    // VS Code's webview host puts its acquireVsCodeApi script at the top of <head>, before our CSP; the rest is ours.
    assert.deepEqual(
      topic.scripts.map((found) => [found.id, found.nonce, found.src, found.text !== '', found.text === PAGE_SCRIPT(script)]),
      [
        ['_vscodeApiScript', '', '', true, false],
        ['', nonce, '', true, true],
      ],
      `${label}: only VS Code's script and ours (dist/webview/${script}.js inlined), by nonce`,
    );
    // VS Code's webview host adds its default styles (id _defaultStyles); every other sheet is ours, inlined in <head>
    // under the nonce: KaTeX's rules, the page's sheets, and KaTeX's font faces, switched on once the page has loaded.
    assert.equal(topic.links, 0, `${label}: no <link>`);
    const ours = topic.styles.filter((style) => style.id !== '_defaultStyles');
    assert.equal(topic.styles.length - ours.length, 1, `${label}: VS Code's default styles`);
    // topic.css at least; KaTeX's two sheets when the page has math; the problem and quiz pages' own.
    assert.ok(ours.length >= 1, `${label}: our sheets`);
    assert.deepEqual(
      ours.map((style) => [style.inHead, style.nonce, style.length > 0]),
      ours.map(() => [true, nonce, true]),
      `${label}: our sheets, in <head>, by nonce`,
    );
    assert.deepEqual(ours.filter((style) => style.media === 'not all'), [], `${label}: KaTeX's fonts switched on after the page loaded`);
    nonces.push(nonce);
  }

  it('writes the corpus into the deck: the tree lists each payload topic and the refused files as problems', async function () {
    const view = await showTopics();
    for (const file of renderable) await view.locator('.monaco-list-row', { hasText: `[${file.tag}]` }).first().waitFor();
    const refused = files.length - renderable.length;
    assert.ok(refused > 0);
    // The fixture's broken.md plus the refused payload files.
    await view.locator('.monaco-list-row', { hasText: `${refused + 1} problems in deck files` }).first().waitFor();
  });

  it('renders every payload topic in the real webview: no script runs, only our nonce’d script, the expected CSP', async function () {
    this.timeout(240_000);
    const workbench = current();
    const screenshotFile = renderable.find((file) => file.payloads.some((payload) => payload.category === 'katex')) ?? renderable[0];
    for (const file of renderable) {
      const frame = await openTopic(file);
      const topic = await readTopic(frame);
      assertLockedDown(topic, file.tag);
      assert.deepEqual(topic.headings, file.payloads.filter((payload) => payload.where === 'body').map((payload) => payload.name), `${file.tag}: every body payload rendered`);
      assert.deepEqual(await flagsSet(workbench.page), [], `${file.tag}: the flag is set somewhere`);
      if (file === screenshotFile) await workbench.screenshot('xss-deck');
    }
    // The same panel rendered again (its language toggle) gets a fresh nonce.
    const last = await openTopic(renderable[renderable.length - 1]);
    await last.locator('button[data-action="setLanguage"]').click();
    const rerendered = await workbench.activeWebview(`body[data-state*='/${renderable[renderable.length - 1].id}"'] article[lang="zh-CN"] h1`);
    await settled(rerendered);
    assertLockedDown(await readTopic(rerendered), 're-render');
    assert.equal(new Set(nonces).size, nonces.length, `every render has its own nonce: ${nonces.join(' ')}`);
    assert.deepEqual(await flagsSet(workbench.page), []);
    // Every page has settled, so any request a payload makes has been made by now, and the browser saw none.
    assert.deepEqual(browserRequests, []);
  });

  it('renders every payload problem in the real problem panel, hints and solution shown: no script runs, the expected CSP', async function () {
    this.timeout(180_000);
    const workbench = current();
    const page = workbench.page;
    for (const problem of problems) {
      // ML Interview: Open Problem lists every problem by its title (which starts with `[id]`). A panel re-rendering
      // just then can take the focus and close the pick: open it again.
      for (let attempt = 1; ; attempt++) {
        await workbench.runCommand('ML Interview: Open Problem');
        try {
          const input = page.locator('.quick-input-widget input:not([aria-label^="Type the name of a command"])');
          await input.fill(problem.id, { timeout: 5_000 });
          await page.locator('.quick-input-list .monaco-list-row', { hasText: `[${problem.id}]` }).first().click({ timeout: 5_000 });
          break;
        } catch (error) {
          if (attempt === 4) throw error;
          await page.keyboard.press('Escape');
        }
      }
      const state = `body[data-state*='/${problem.id}"']`;
      let frame = await workbench.activeWebview(`${state} article h1`);
      await settled(frame);
      assertLockedDown(await readTopic(frame, '.statement h3'), `${problem.id} (statement)`, 'problem');
      // Every hint, one at a time (each a new render of the panel).
      for (let hint = 1; hint <= 3; hint++) {
        await frame.locator('button[data-action="revealHint"]').click();
        frame = await workbench.activeWebview(`${state} li[data-hint="${hint}"]`);
      }
      // The reference solutions and the explanation: asked for, and confirmed in VS Code's modal dialog.
      await frame.locator('button[data-action="showSolution"]').click();
      await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Show Solution' }).click();
      frame = await workbench.activeWebview(`${state} section.solution:not(.locked) .explanation`);
      await settled(frame);
      const rendered = await readTopic(frame, '.statement h3, .explanation h3');
      assertLockedDown(rendered, problem.id, 'problem');
      const names = problem.payloads.map((payload) => payload.name);
      assert.deepEqual(rendered.headings, [...names, ...names], `${problem.id}: every payload of the statement and the explanation rendered under its heading`);
      assert.equal(await frame.locator('section.hints li').count(), 3);
      assert.equal(await frame.locator('section.solution > pre').count(), 2, `${problem.id}: both reference solutions shown`);
      assert.deepEqual(await flagsSet(page), [], `${problem.id}: the flag is set somewhere`);
      if (problem === problems[0]) await workbench.screenshot('xss-problem');
    }
    assert.equal(new Set(nonces).size, nonces.length, `every render has its own nonce: ${nonces.join(' ')}`);
    assert.deepEqual(browserRequests, []);
  });

  it('quizzes the topic: its cloze cards asked and revealed with typed payloads, its code cards with their solutions: nothing runs', async function () {
    this.timeout(180_000);
    const workbench = current();
    const page = workbench.page;
    await workbench.runCommand('ML Interview: Quiz This Topic');
    await page.locator('.quick-input-widget input').fill(`[${quizTopic.tag}]`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: `[${quizTopic.tag}]` }).first().click();
    const frame = await workbench.activeWebview('#quiz article.card');
    await settled(frame);
    // The page is rendered once; each step replaces <main>. The policy and the scripts are checked on the page, the
    // flag, the event handlers and the requests after every step.
    assertLockedDown(await readTopic(frame, '.prompt h3'), 'quiz', 'quiz');
    const seen = { cloze: new Set<string>(), code: new Set<string>(), recall: 0 };
    const step = async (label: string) => {
      await settled(frame);
      const rendered = await readTopic(frame, 'h3');
      assert.equal(rendered.flag, undefined, `${label}: a payload ran`);
      assert.deepEqual(rendered.eventHandlers, [], `${label}: event-handler attributes`);
      assert.deepEqual(await flagsSet(page), [], `${label}: the flag is set somewhere`);
    };
    /** Clicks, and waits until the host has replaced <main>'s content (the marked element is gone). */
    const advance = async (click: string) => {
      await frame.evaluate(() => document.querySelector<HTMLElement>('#quiz > *')?.setAttribute('data-xss-stale', ''));
      await frame.locator(click).first().click();
      await frame.waitForFunction(() => document.querySelector('#quiz [data-xss-stale]') === null, undefined, { timeout: 60_000 });
    };
    for (let count = 0; count < 12 && (seen.cloze.size < clozeCards.length || seen.code.size < problems.length); count++) {
      await frame.locator('#quiz article.card, #quiz section.empty').first().waitFor();
      if ((await frame.locator('#quiz section.empty').count()) > 0) break;
      const kind = (await frame.locator('article.card').getAttribute('class')) ?? '';
      const prompt = (await frame.locator('.prompt').textContent()) ?? '';
      if (kind.includes('card-cloze')) {
        const card = clozeCards.find((candidate) => prompt.includes(`[${candidate.tag}]`));
        assert.ok(card, `a cloze card of ours: ${prompt.slice(0, 80)}`);
        await step(`${card.tag} (asked)`);
        // Each blank gets a payload typed into it (a text field keeps one line and at most 500 characters).
        const typed = card.blanks.map((blank) => withServers(blank.payload.text, servers).replace(/[\r\n]/g, '').slice(0, 500));
        const inputs = frame.locator('input[data-blank]');
        assert.equal(await inputs.count(), card.blanks.length);
        for (const [index, text] of typed.entries()) await inputs.nth(index).fill(text);
        await advance('button[data-action="reveal"]');
        await frame.locator('.cloze-results').waitFor();
        await step(`${card.tag} (revealed)`);
        const echoed = await frame.locator('.cloze-results .yours').allTextContents();
        assert.deepEqual(echoed, typed.map((text) => `(You typed “${text}”)`), `${card.tag}: the typed answers echoed as text`);
        assert.equal(await frame.locator('section.explanation').count(), 1);
        if (seen.cloze.size === 0) await workbench.screenshot('xss-quiz-cloze');
        seen.cloze.add(card.tag);
        await advance('.ratings .rating-4');
      } else if (kind.includes('card-code')) {
        const problem = problems.find((candidate) => prompt.includes(`[${candidate.id}]`));
        assert.ok(problem, `a code card of ours: ${prompt.slice(0, 80)}`);
        await step(`${problem.id} code card (asked)`);
        // Show solution: the reference solutions and the explanation, in the quiz.
        await advance('button[data-action="showSolution"]');
        await frame.locator('section.solution').waitFor();
        await step(`${problem.id} code card (solution)`);
        assert.ok((await frame.locator('section.solution pre').count()) >= 2, `${problem.id}: the solutions shown`);
        seen.code.add(problem.id);
        await advance('button[data-action="next"]');
      } else {
        await step(`card ${kind}`);
        await advance('button[data-action="reveal"]');
        await frame.locator('.ratings .rating-4').waitFor();
        await step(`card ${kind} (revealed)`);
        seen.recall++;
        await advance('.ratings .rating-4');
      }
    }
    assert.deepEqual([...seen.cloze].sort(), clozeCards.map((card) => card.tag), 'every cloze card was asked and revealed');
    assert.deepEqual([...seen.code].sort(), problems.map((problem) => problem.id), 'every code card was shown with its solution');
    assert.deepEqual(browserRequests, []);
  });

  it('the detection works: a script in the webview sets a flag that is seen, and the server hears a request from this browser', async function () {
    const workbench = current();
    const page = workbench.page;
    /** The flag set by a script in `frame` is seen, in that frame only; then cleared. */
    const flagSeen = async (frame: Frame, label: string) => {
      await frame.evaluate((value) => {
        (window as unknown as { __xss?: string }).__xss = value;
      }, `positive-control-${label}`);
      assert.deepEqual(
        (await flagsSet(page)).map((found) => found.replace(/^.*: /, '')),
        [`positive-control-${label}`],
      );
      await frame.evaluate(() => delete (window as unknown as { __xss?: string }).__xss);
    };
    // The quiz (open from the last test): a script there is seen, and an image injected into <main> as the page's own
    // code injects each step is stopped by the CSP, and the browser-side record sees that.
    const quiz = await workbench.activeWebview('#quiz');
    await flagSeen(quiz, 'quiz');
    const quizImage = await quiz.evaluate(
      (src) =>
        new Promise<string>((resolve) => {
          const main = document.getElementById('quiz');
          if (!main) return resolve('no main');
          main.insertAdjacentHTML('beforeend', `<img src="${src}">`);
          const image = main.querySelector<HTMLImageElement>('img:last-of-type');
          if (!image) return resolve('no image');
          image.onload = () => resolve('loaded');
          image.onerror = () => resolve('failed');
        }),
      `http://127.0.0.1:${port}/csp-control-quiz-image`,
    );
    assert.equal(quizImage, 'failed');
    // A problem panel.
    const lastProblem = problems[problems.length - 1];
    await page.locator('.tab', { hasText: `[${lastProblem.id}]` }).first().click();
    await flagSeen(await workbench.activeWebview(`body[data-state*='/${lastProblem.id}"'] article h1`), 'problem');
    // A topic panel, for the controls below.
    const lastTopic = renderable[renderable.length - 1];
    await page.locator('.tab', { hasText: `[${lastTopic.tag}]` }).first().click();
    const frame = await workbench.activeWebview(`body[data-state*='/${lastTopic.id}"'] article h1`);
    await flagSeen(frame, 'topic');

    // Even markup injected at run time cannot reach the server from the webview: the CSP stops it. An image from the
    // webview's own origin is allowed, and the browser-side record sees it: that channel is watched too.
    const outcomes = await frame.evaluate(
      async ({ server, selfPath }) => {
        const fetched = await fetch(`${server}/csp-control-fetch`).then(
          () => 'fetched',
          () => 'failed',
        );
        const images: string[] = [];
        // One after the other, so the browser-side record has them in this order. (No named helper here: the page
        // cannot see the bundler's helpers.)
        for (const src of [`${server}/csp-control-image`, `${location.origin}${selfPath}positive-control.png`]) {
          images.push(
            await new Promise<string>((resolve) => {
              const image = document.createElement('img');
              image.onload = () => resolve('loaded');
              image.onerror = () => resolve('failed');
              image.src = src;
              document.body.append(image);
            }),
          );
        }
        return [fetched, ...images];
      },
      { server: `http://127.0.0.1:${port}`, selfPath: SELF_PATH },
    );
    // The same-origin image is requested and answered (404: no such file), so it fails to load after the request.
    assert.deepEqual(outcomes, ['failed', 'failed', 'failed']);

    // The same browser can reach the server: a page of its own loads from it, and the server records that request.
    // Arriving after every payload page had settled, it also closes the window in which a payload's request could land.
    const browser = workbench.page.context().browser();
    assert.ok(browser);
    const probe = await browser.newPage();
    try {
      await probe.goto(`http://127.0.0.1:${port}/positive-control`);
      assert.equal(await probe.locator('body').innerText(), 'heard');
    } finally {
      await probe.close();
    }
    assert.deepEqual(server.requests, ['GET /positive-control'], 'the payloads and the CSP controls made no request');
    // The browser's own account: the control image to the server was refused by the CSP, the same-origin one was made.
    assert.deepEqual(browserRequests, ['server /csp-control-quiz-image csp', 'server /csp-control-image csp', 'self /xss-self/positive-control.png finished']);
  });
  it('takes the corpus as mock-interview answers: typed and pasted, under review, in the report and the history: nothing runs', async function () {
    this.timeout(240_000);
    const workbench = current();
    const page = workbench.page;
    // What the earlier tests' controls left in the records; this test must add nothing to either.
    const requestsBefore = [...browserRequests];
    const serverBefore = [...server.requests];
    // Every payload, the answer breakouts first, shortest first within each answer so the report (which keeps the
    // first REPORT_ANSWER_CHARS characters of an answer) holds as many as it can; spread over the five concept
    // questions of a 45-minute interview.
    const texts = [...MOCK_ANSWER_PAYLOADS, ...XSS_PAYLOADS].map((payload) => withServers(payload.text, servers));
    const groups: string[][] = [[], [], [], [], []];
    texts.forEach((text, index) => groups[index % groups.length].push(text));
    const answers = groups.map((group) => [...group].sort((a, b) => a.length - b.length).join('\n').slice(0, MAX_ANSWER_CHARS));
    const step = async (frame: Frame, label: string) => {
      await settled(frame);
      const rendered = await readTopic(frame, 'h2');
      assert.equal(rendered.flag, undefined, `${label}: a payload ran`);
      assert.deepEqual(rendered.eventHandlers, [], `${label}: event-handler attributes`);
      assert.deepEqual(await flagsSet(page), [], `${label}: the flag is set somewhere`);
    };

    await workbench.runCommand('ML Interview: Mock Interview');
    let frame = await workbench.activeWebview('#mock input[name=length]');
    await settled(frame);
    assertLockedDown(await readTopic(frame, 'h2'), 'mock interview', 'mock');
    await frame.locator('input[name=length][value="45"]').check();
    await frame.locator('#start').click();
    const given: string[] = [];
    for (let question = 1; ; question++) {
      frame = await workbench.activeWebview(`#mock .counter`);
      await frame.locator('.counter', { hasText: new RegExp(`^Question ${question} of \\d+$`) }).waitFor();
      if ((await frame.locator('textarea#answer').count()) === 0) break; // the practice problems come after the concepts
      const answer = answers[given.length];
      const box = frame.locator('textarea#answer');
      if (given.length === 0) {
        // The first answer typed, key by key, as far as its first line goes; the rest pasted in at once.
        const firstLine = answer.split('\n')[0];
        await box.focus();
        await page.keyboard.type(firstLine, { delay: 2 });
        await frame.waitForFunction((text) => (document.getElementById('answer') as HTMLTextAreaElement | null)?.value === text, firstLine);
      }
      await box.fill(answer);
      await step(frame, `question ${question} (answered)`);
      await frame.locator('button[data-action="submit"]').click();
      await frame.locator('.your-answer .typed').waitFor();
      await step(frame, `question ${question} (under review)`);
      assert.equal(await frame.locator('.your-answer .typed').textContent(), answer, `question ${question}: the answer shown back as typed`);
      given.push(answer);
      if (given.length === 1) await workbench.screenshot('xss-mock-review');
      await frame.locator('button[data-action="rate"][data-rating="3"]').click();
      if (given.length === answers.length) break;
    }
    assert.equal(given.length, answers.length, 'every group of payloads was given as an answer');
    frame = await workbench.activeWebview('#mock button[data-action="finish"]');
    await frame.locator('button[data-action="finish"]').click();
    frame = await workbench.activeWebview('#mock #report-score');
    await step(frame, 'report');
    // The report keeps each answer, cut to its length, as text.
    assert.deepEqual(await frame.locator('details .typed').allTextContents(), given.map((answer) => answer.slice(0, REPORT_ANSWER_CHARS)));
    await frame.locator('details summary').first().click();
    await step(frame, 'report (an answer opened)');
    await workbench.screenshot('xss-mock-report');
    // The history lists it; its report opens again from there.
    await frame.locator('button[data-action="showSetup"]').click();
    frame = await workbench.activeWebview('#mock table.history');
    await step(frame, 'history');
    await frame.locator('table.history button[data-action="showReport"]').first().click();
    frame = await workbench.activeWebview('#mock #report-score');
    await step(frame, 'report from the history');
    assert.deepEqual(await frame.locator('details .typed').allTextContents(), given.map((answer) => answer.slice(0, REPORT_ANSWER_CHARS)));
    // The progress page counts the interview in its activity.
    await workbench.runCommand('ML Interview: Show Progress');
    const progress = await workbench.activeWebview('svg.heatmap');
    await step(progress, 'progress');
    assert.deepEqual(browserRequests, requestsBefore, 'the browser saw no request from the answers');
    assert.deepEqual(server.requests, serverBefore, 'the server heard nothing from the answers');
  });
});
