// Issue 7: the XSS corpus, written into a user deck and opened in the real webview (code-server in Chromium), must
// run no script and send no request. Proof on two sides: a page-side flag every script payload would set, and a
// loopback server every payload would call, which must hear nothing; positive controls show both would notice.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { SELF_PATH, withServers, xssDeckFiles, type XssDeckFile } from '../fixtures/xss/payloads';
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
  scripts: { id: string; src: string; nonce: string | undefined; inline: boolean }[];
  headings: string[];
  eventHandlers: string[];
}

/** `webview.cspSource` as VS Code 1.100 gives it: the webview's own origin and VS Code's resource CDN. */
const CSP_SOURCE = "'self' https://*.vscode-cdn.net";
/** The topic document's policy, with the render's nonce left open. */
const EXPECTED_CSP = new RegExp(
  `^default-src 'none'; style-src ${escapeRegExp(CSP_SOURCE)}; style-src-elem ${escapeRegExp(CSP_SOURCE)}; style-src-attr 'unsafe-inline'; ` +
    `font-src ${escapeRegExp(CSP_SOURCE)}; img-src ${escapeRegExp(CSP_SOURCE)}; script-src 'nonce-([A-Za-z0-9+/]+={0,2})'$`,
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describeInWorkbench('User-deck content in the topic webview (issue 7: XSS)', { settings: { 'mlInterview.language': 'en' } }, (current) => {
  const files = xssDeckFiles();
  const renderable = files.filter((file) => file.payloads.every((payload) => payload.outcome !== 'refused'));
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
    for (const file of files) fs.writeFileSync(path.join(deck, file.fileName), withServers(file.text, { port, selfOrigin }));
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
    await frame.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  async function readTopic(frame: Frame): Promise<RenderedTopic> {
    return frame.evaluate(() => ({
      flag: (window as unknown as { __xss?: string }).__xss,
      policies: Array.from(document.querySelectorAll('meta[http-equiv]')).map((meta) => meta.getAttribute('content')),
      scripts: Array.from(document.scripts).map((script) => ({ id: script.id, src: script.src, nonce: script.nonce, inline: script.text !== '' })),
      headings: Array.from(document.querySelectorAll('.answer h2')).map((heading) => heading.textContent ?? ''),
      eventHandlers: Array.from(document.querySelectorAll('*')).flatMap((element) =>
        element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')).map((name) => `${element.localName}[${name}]`),
      ),
    }));
  }

  /** Opens a payload topic from the tree, as a person would, and returns its webview frame once it has settled. */
  async function openTopic(file: XssDeckFile): Promise<Frame> {
    const workbench = current();
    const view = await workbench.openActivityView('ML Interview Prep');
    await view.locator('.monaco-list-row', { hasText: `[${file.tag}]` }).first().click();
    // The page's state names its topic (`<deck>/<id>`), whatever the title shows.
    const frame = await workbench.activeWebview(`body[data-state*='/${file.id}"'] article h1`);
    await settled(frame);
    return frame;
  }

  const nonces: string[] = [];

  function assertLockedDown(topic: RenderedTopic, label: string): void {
    assert.equal(topic.flag, undefined, `${label}: a payload ran`);
    assert.deepEqual(topic.eventHandlers, [], `${label}: event-handler attributes`);
    assert.equal(topic.policies.length, 1, `${label}: exactly one http-equiv meta, the CSP`);
    const policy = EXPECTED_CSP.exec(topic.policies[0] ?? '');
    assert.ok(policy, `${label}: CSP ${topic.policies[0]}`);
    const [, nonce] = policy;
    // VS Code's webview host puts its acquireVsCodeApi script at the top of <head>, before our CSP; the rest is ours.
    assert.deepEqual(
      topic.scripts.map((script) => [script.id, script.nonce, script.inline, /\/dist\/webview\/topic\.js$/.test(script.src)]),
      [
        ['_vscodeApiScript', '', true, false],
        ['', nonce, false, true],
      ],
      `${label}: only VS Code's script and ours, by nonce`,
    );
    nonces.push(nonce);
  }

  it('writes the corpus into the deck: the tree lists each payload topic and the refused files as problems', async function () {
    const view = await current().openActivityView('ML Interview Prep');
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

  it('the detection works: a script in the webview sets a flag that is seen, and the server hears a request from this browser', async function () {
    const workbench = current();
    const frame = await workbench.activeWebview('body[data-state] article h1');
    await frame.evaluate(() => {
      (window as unknown as { __xss?: string }).__xss = 'positive-control';
    });
    assert.deepEqual(
      (await flagsSet(workbench.page)).map((found) => found.replace(/^.*: /, '')),
      ['positive-control'],
    );
    await frame.evaluate(() => delete (window as unknown as { __xss?: string }).__xss);

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
    assert.deepEqual(browserRequests, ['server /csp-control-image csp', 'self /xss-self/positive-control.png finished']);
  });
});
