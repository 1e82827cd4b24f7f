// One panel per problem: the statement with Start / Check / Reset for each language, hints revealed one at a time,
// the last check, and the reference solutions once solved. Panels survive reloads through the serializer.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { COMMANDS, WEBVIEW_TYPES } from '../constants';
import type { ContentService } from '../content/contentService';
import type { ContentLanguage } from '../content/core/language';
import type { MarkdownEngine } from '../content/core/markdownEngine';
import { core } from '../loadCore';
import { Disposable } from '../util/dispose';
import { lockedDownWebviewOptions } from '../webview/webviewOptions';
import type { WebviewResources } from '../webview/core/webviewShell';
import type { ProblemViewModel } from './core/problemDocument';
import type { ProblemWebviewMessage } from './core/problemMessages';
import type { PracticeLanguage } from './core/problemProgress';
import type { PracticeFiles } from './practiceFiles';
import type { LoadedProblem, ProblemService } from './problemService';
import { pageResources, yieldToWorkbench } from '../webview/pageResources';

export interface ProblemPanelActions {
  check(problem: LoadedProblem, language: PracticeLanguage): Thenable<unknown>;
}

interface PanelEntry {
  panel: vscode.WebviewPanel;
  key: string;
  language: ContentLanguage;
  shown?: string;
  disposables: vscode.Disposable[];
}

export class ProblemPanelManager extends Disposable implements vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, PanelEntry>();
  /** The core loads on the first render: activation does not load it. */
  private get engine(): MarkdownEngine {
    return core().sharedMarkdownEngine();
  }

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: ProblemService,
    private readonly content: ContentService,
    private readonly files: PracticeFiles,
    private readonly actions: ProblemPanelActions,
  ) {
    super();
    this.register(service.onDidChange(() => void this.refreshAll()));
    this.register(content.onDidChange(() => void this.refreshAll()));
    this.register({ dispose: () => [...this.panels.values()].forEach((entry) => entry.panel.dispose()) });
  }

  get openProblemKeys(): string[] {
    return [...this.panels.keys()];
  }

  htmlOf(key: string): string | undefined {
    return this.panels.get(key)?.panel.webview.html;
  }

  async show(key: string): Promise<boolean> {
    const problem = await this.service.find(key);
    if (!problem) return false;
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal();
      return true;
    }
    const language = this.content.language;
    const panel = vscode.window.createWebviewPanel(WEBVIEW_TYPES.problem, core().localize(problem.title, language) ?? problem.id, vscode.ViewColumn.Active, lockedDownWebviewOptions(this.extensionUri));
    await this.adopt(panel, key, language);
    return true;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, rawState: unknown): Promise<void> {
    const state = core().problemPanelStateSchema.safeParse(rawState);
    if (!state.success || this.panels.has(state.data.problemKey) || !(await this.service.find(state.data.problemKey))) {
      panel.dispose();
      return;
    }
    panel.webview.options = lockedDownWebviewOptions(this.extensionUri);
    await this.adopt(panel, state.data.problemKey, state.data.language);
  }

  private async adopt(panel: vscode.WebviewPanel, key: string, language: ContentLanguage): Promise<void> {
    const entry: PanelEntry = { panel, key, language, disposables: [] };
    this.panels.set(key, entry);
    entry.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = core().parseProblemWebviewMessage(raw);
        if (message) void this.handle(entry, message);
      }),
      panel.onDidDispose(() => {
        if (this.panels.get(entry.key) === entry) this.panels.delete(entry.key);
        entry.disposables.forEach((d) => d.dispose());
      }),
    );
    await yieldToWorkbench();
    // Closed in the meantime.
    if (this.panels.get(key) !== entry) return;
    await this.render(entry);
  }

  private async handle(entry: PanelEntry, message: ProblemWebviewMessage): Promise<void> {
    const problem = await this.service.find(entry.key);
    if (!problem) return;
    switch (message.type) {
      case 'start': {
        const { created } = await this.files.start(problem, message.language, vscode.ViewColumn.Beside);
        if (created) await this.service.recordEvent(problem.key, { kind: 'started', at: new Date() });
        else await this.render(entry);
        return;
      }
      case 'check':
        await this.actions.check(problem, message.language);
        return;
      case 'reset':
        if (await this.files.reset(problem, message.language)) await this.render(entry);
        return;
      case 'revealHint': {
        const revealed = (this.service.record(problem.key)?.hints ?? 0) + 1;
        await this.service.recordEvent(problem.key, { kind: 'hint', revealed: Math.min(revealed, 3) });
        return;
      }
      case 'showSolution': {
        const show = vscode.l10n.t('Show Solution');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Show the reference solution of {0} before solving it?', problem.id),
          { modal: true, detail: vscode.l10n.t('Its next review in Quiz Me is then proposed as Again. You can still solve it and check your own code.') },
          show,
        );
        if (answer === show) await this.service.recordEvent(problem.key, { kind: 'solutionViewed' });
        return;
      }
      case 'setLanguage':
        entry.language = message.language;
        await this.render(entry);
        return;
      case 'openTopic':
        await vscode.commands.executeCommand(COMMANDS.openTopic, message.topicKey);
        return;
    }
  }

  private async refreshAll(): Promise<void> {
    for (const entry of [...this.panels.values()]) await this.render(entry);
  }

  private async render(entry: PanelEntry): Promise<void> {
    const problem = await this.service.find(entry.key);
    if (!problem) {
      entry.panel.dispose();
      return;
    }
    const record = this.service.record(problem.key);
    const status = core().problemStatus(record);
    const [attemptTs, attemptPy] = await Promise.all([this.files.exists(problem, 'ts'), this.files.exists(problem, 'py')]);
    const topics = await this.content.topics();
    const decks = await this.content.decks();
    const deck = decks.find((d) => d.id === problem.trackId);
    const model: ProblemViewModel = {
      problemKey: problem.key,
      problem,
      language: entry.language,
      trust: problem.trusted ? 'trusted' : 'untrusted',
      deckLabel: deck ? (core().localize(deck.title, entry.language) ?? deck.id) : vscode.l10n.t('Practice problem'),
      status,
      record,
      attempts: { ts: attemptTs, py: attemptPy },
      topics: problem.topics.flatMap((id) => {
        const topic = topics.find((t) => t.id === id && (problem.userDeckId === undefined ? t.key.startsWith(`${core().BUILT_IN_KEY_SCOPE}/`) : t.deckId === problem.userDeckId)) ?? topics.find((t) => t.id === id);
        return topic ? [{ key: topic.key, title: core().localize(topic.title, entry.language) ?? topic.id }] : [];
      }),
      solutions: status === 'solved' || record?.solutionViewed ? { ts: await readFile(problem.files.solutionTs, 'utf8'), py: await readFile(problem.files.solutionPy, 'utf8') } : undefined,
    };
    entry.panel.title = core().localize(problem.title, entry.language) ?? problem.id;
    const resources = this.resources(entry.panel.webview);
    const html = core().renderProblemDocument(model, resources, this.engine);
    // Setting html reloads the page (focus and scroll lost): only when what it shows changed.
    const comparable = html.split(resources.nonce).join('');
    if (comparable === entry.shown) return;
    entry.shown = comparable;
    entry.panel.webview.html = html;
  }

  private resources(webview: vscode.Webview): WebviewResources {
    return pageResources(webview, this.extensionUri, { script: 'problem', styles: ['topic', 'problem'], math: true });
  }
}
