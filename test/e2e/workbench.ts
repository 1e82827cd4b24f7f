// Drives the real VS Code workbench (code-server) in headless Chromium, the way a person uses it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';

interface CodeServer {
  url: string;
  port: number;
  userDataDir: string;
  stop(): Promise<void>;
  log(): string;
}

interface CodeServerLib {
  root: string;
  startCodeServer(options?: {
    settings?: Record<string, unknown>;
    locale?: string;
    displayLanguagePack?: string;
    workspaceTrust?: boolean;
    env?: Record<string, string>;
    installVsix?: string;
  }): Promise<CodeServer>;
  workbenchUrl(server: CodeServer, options: { folder?: string; extensionDevelopmentPath?: string | null }): string;
  launchBrowser(): Promise<Browser>;
  freshWorkspace(fixture?: string): string;
}

// The launcher is an untyped ES module shared with the scripts; CodeServerLib above is its typed surface.
const CODE_SERVER_LIB: string = path.resolve(__dirname, '..', '..', 'scripts', 'lib', 'codeServer.mjs');
async function codeServerLib(): Promise<CodeServerLib> {
  return (await import(CODE_SERVER_LIB)) as CodeServerLib;
}

const DISPLAY_LANGUAGE_PACK_ZH_CN = path.resolve(__dirname, '..', 'fixtures', 'language-pack-zh-cn');

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: CodeServer,
    readonly workspace: string,
  ) {}

  /**
   * `locale: 'zh-cn'` shows the workbench in Chinese as far as this extension goes: a test-only language pack makes the
   * display language selectable (VS Code's own strings stay English; its real language pack cannot be downloaded here).
   * `workspaceTrust` turns VS Code's trust prompt on, for restricted-mode tests.
   */
  static async open(options: { settings?: Record<string, unknown>; locale?: string; workspaceTrust?: boolean } = {}): Promise<Workbench> {
    const lib = await codeServerLib();
    const workspace = lib.freshWorkspace();
    const vsix = process.env.MLIP_VSIX;
    if (!vsix) throw new Error('MLIP_VSIX must name the packaged extension (scripts/run-ui.mjs sets it)');
    const server = await lib.startCodeServer({
      settings: { 'workbench.colorTheme': 'Default Dark Modern', ...options.settings },
      locale: options.locale,
      displayLanguagePack: options.locale === 'zh-cn' ? DISPLAY_LANGUAGE_PACK_ZH_CN : undefined,
      workspaceTrust: options.workspaceTrust,
      installVsix: vsix,
    });
    const browser = await lib.launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(lib.workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: null }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return new Workbench(page, browser, server, workspace);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
    fs.rmSync(this.workspace, { recursive: true, force: true });
  }

  /** Picks a colour theme by its label through the command palette, as a person would. */
  async setColorTheme(label: string): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(label);
    await this.quickPickRow(label).click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens this extension's walkthrough from the command palette, as a new user would. */
  async openWalkthrough(): Promise<void> {
    await this.runCommand('Welcome: Open Walkthrough...');
    await this.page.locator('.quick-input-widget input').fill('ML Interview');
    await this.quickPickRow('Get started with ML Interview Prep').click();
  }

  /**
   * F1, as a keyboard user opens the palette. A webview with the focus (the quiz) can swallow the key on a busy machine;
   * then the title bar's command center opens the same quick input.
   */
  private async openCommandPalette(): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 5000 });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await this.page.locator('.command-center .command-center-center').first().click();
        if (await input.isVisible()) return;
      }
    }
  }

  /** Runs a command through the command palette, as a keyboard user would. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    // Right after start-up the palette can open before every extension's commands are registered; reopening it helps.
    await this.pickAfter(async () => {
      await this.openCommandPalette();
      await input.fill(`>${title}`, { timeout: 5_000 });
    }, title);
  }

  /**
   * Opens a quick pick with `open` and chooses the row labelled `label`. A quick pick closes when focus leaves it, and
   * a webview or walkthrough that re-renders just after the click can take focus, even while `open` types into it;
   * reopen it then.
   */
  async pickAfter(open: () => Promise<void>, label: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await open();
        await this.quickPickRow(label).click({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt === 4) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** The quick-pick row whose label is exactly `label` (not one that merely contains it). */
  quickPickRow(label: string) {
    return this.page.locator('.quick-input-list .monaco-list-row', { has: this.page.getByText(label, { exact: true }) }).first();
  }

  /** Opens the activity-bar container and returns the locator of its tree. */
  async openActivityView(title: string, viewName = 'Topics') {
    const pane = this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: viewName }) });
    // Clicking the activity-bar item of a container that is already showing would close the sidebar. Whether it shows
    // is the sidebar's title, not the tree's rows: right after a reload the sidebar is restored before its tree draws.
    const item = this.page.locator(`.activitybar [aria-label^="${title}"]`).first();
    await item.waitFor();
    const sidebarTitle = this.page.locator('.part.sidebar .title-label', { hasText: new RegExp(`^\\s*${title}`, 'i') }).first();
    // The sidebar can still be on its way back after a reload when it is looked at; the click then closes it again.
    for (let attempt = 1; ; attempt++) {
      if (!(await sidebarTitle.isVisible())) await item.click();
      try {
        await pane.locator('.monaco-list-row').first().waitFor({ timeout: 10_000 });
        return pane;
      } catch (error) {
        if (attempt === 3 || (await sidebarTitle.isVisible())) throw error;
      }
    }
  }

  /** The content frame of the webview whose tab is active: each webview is an iframe inside an iframe. */
  async activeWebview(containing: string): Promise<Frame> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame.name() === 'active-frame' || frame.url().includes('fake.html')) {
          try {
            if (await frame.locator(containing).count()) {
              // The page is painted as a person sees it once its stylesheets are applied, the parts put in place after
              // the first paint (webview-src/firstPaint.ts: the rest of a topic, KaTeX's fonts) are there and the fonts
              // have loaded; assertions and screenshots wait for that.
              await frame.waitForFunction(() => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')).every((link) => link.sheet !== null));
              await frame.waitForFunction(() => document.querySelector('style[data-deferred-fonts][media="not all"], template[data-deferred]') === null);
              await frame.evaluate(() => {
                // A layout first: it starts the loads of the faces the page uses, which `ready` then waits for.
                void document.body.offsetHeight;
                return document.fonts.ready.then(() => undefined);
              });
              return frame;
            }
          } catch {
            // The frame navigated away while we looked.
          }
        }
      }
      if (Date.now() > deadline) throw new Error(`no webview shows ${containing}`);
      await this.page.waitForTimeout(100);
    }
  }

  webviewLocator(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }
}

/**
 * Declares a mocha suite that shares one workbench: opened before the tests, closed after them, with a screenshot
 * of any failing test in test-results/screenshots/.
 */
export function describeInWorkbench(
  title: string,
  options: Parameters<typeof Workbench.open>[0],
  body: (workbench: () => Workbench) => void,
): void {
  describe(title, function () {
    let workbench: Workbench | undefined;

    before(async function () {
      workbench = await Workbench.open(options);
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
    });

    after(async function () {
      await workbench?.close();
    });

    body(() => {
      if (!workbench) throw new Error('the workbench did not open');
      return workbench;
    });
  });
}
