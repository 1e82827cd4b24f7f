import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WEBVIEW_TYPES } from '../constants';
import { core } from '../loadCore';
import { topicKey, type ContentService } from '../content/contentService';
import type { LoadedTopic } from '../content/core/deckLoader';
import type { ContentLanguage } from '../content/core/language';
import type { MarkdownEngine, RenderEnv } from '../content/core/markdownEngine';
import { Disposable } from '../util/dispose';
import type { TopicHostMessage, TopicWebviewMessage } from './core/messages';
import type { TopicNeighbour, TopicPage, TopicViewModel, WebviewResources } from './core/topicDocument';
import { pageResources, yieldToWorkbench } from './pageResources';
import { lockedDownWebviewOptions } from './webviewOptions';

export const TOPIC_VIEW_TYPE = WEBVIEW_TYPES.topic;

/** How long a new page may take to report its first paint before the tree follows the panel anyway (a page whose frame never loads). */
const FOLLOW_WITHOUT_PAINT_MS = 2000;

/** Hooks into features that live elsewhere; each is optional so the panel hides what does not exist. */
export interface TopicPanelFeatures {
  snippetTitles?(ids: string[], language: ContentLanguage): { id: string; title: string }[];
  openSnippet?(id: string): Thenable<unknown>;
  quizTopic?(topicKey: string): Thenable<unknown>;
  /** The ticked items of a topic's checklist, and storing them (kept per topic across close, reload and restart). */
  checkedItems?(topicKey: string): number[];
  setCheckedItems?(topicKey: string, checked: number[]): Thenable<void>;
  /** The practice problems that name a topic, and opening one. */
  problemsOf?(topic: LoadedTopic, language: ContentLanguage): Promise<NonNullable<TopicViewModel['problems']>>;
  openProblem?(problemKey: string): Thenable<unknown>;
  /**
   * A topic's panel became the active editor, or the active panel's page painted (a panel just opened, or one that
   * navigated to another topic): what follows it (the tree revealing the topic) then does not compete with the page's
   * loading for the workbench.
   */
  topicActivated?(topicKey: string): unknown;
  /** A topic's page painted its first screen (and asked for the rest of its article). */
  topicShown?(topicKey: string): unknown;
}

/** One panel per topic: opening a topic again reveals its panel. Panels survive reloads via the serializer (registered by src/features.ts). */
export class TopicPanelManager extends Disposable implements vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, TopicPanel>();
  /** The core loads on the first render: activation does not load it. */
  private get engine(): MarkdownEngine {
    return core().sharedMarkdownEngine();
  }
  private readonly diagramCache = new Map<string, string | undefined>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly features: TopicPanelFeatures = {},
  ) {
    super();
    this.register(content.onDidChange(() => this.refreshAll()));
    this.register({ dispose: () => [...this.panels.values()].forEach((panel) => panel.dispose()) });
  }

  /** Keys of the topics that have an open panel (for tests and commands). */
  get openTopicKeys(): string[] {
    return [...this.panels.keys()];
  }

  /** The HTML a topic's panel shows once its page has put the rest of the article in place, if it is open (for integration tests). */
  htmlOf(key: string): string | undefined {
    return this.panels.get(key)?.pageAsShown;
  }

  async show(key: string, options: { language?: ContentLanguage; preserveFocus?: boolean } = {}): Promise<boolean> {
    const topic = await this.content.findTopic(key);
    if (!topic) return false;
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, options.preserveFocus);
      if (options.language && options.language !== existing.language) {
        existing.language = options.language;
        await this.render(existing);
      }
      return true;
    }
    const panel = vscode.window.createWebviewPanel(
      TOPIC_VIEW_TYPE,
      core().localize(topic.title, this.content.language) ?? topic.id,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: options.preserveFocus },
      lockedDownWebviewOptions(this.extensionUri),
    );
    await this.adopt(panel, key, options.language ?? this.content.language);
    return true;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, rawState: unknown): Promise<void> {
    const state = core().topicPanelStateSchema.safeParse(rawState);
    const topics = await this.content.topics();
    const key = state.success && topics.some((t) => topicKey(t) === state.data.topicKey) ? state.data.topicKey : undefined;
    if (!key || this.panels.has(key)) {
      // The topic is gone (a user deck file was deleted) or already shown elsewhere.
      panel.dispose();
      return;
    }
    panel.webview.options = lockedDownWebviewOptions(this.extensionUri);
    await this.adopt(panel, key, state.success ? state.data.language : this.content.language);
  }

  private async adopt(webviewPanel: vscode.WebviewPanel, key: string, language: ContentLanguage): Promise<void> {
    const entry = new TopicPanel(webviewPanel, key, language);
    this.panels.set(key, entry);
    entry.onDispose(() => {
      if (this.panels.get(entry.key) === entry) this.panels.delete(entry.key);
    });
    entry.onMessage((message) => this.handleMessage(entry, message));
    entry.onActivated(() => void this.features.topicActivated?.(entry.key));
    await yieldToWorkbench();
    await this.render(entry);
    this.followAfterPaint(entry);
  }

  /** The tree follows the panel's new page once it has painted (see topicActivated). */
  private followAfterPaint(entry: TopicPanel): void {
    entry.followAfterPaint(() => (entry.panel.active ? this.features.topicActivated?.(entry.key) : undefined));
  }

  private async handleMessage(entry: TopicPanel, message: TopicWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'setLanguage':
        entry.language = message.language;
        await this.render(entry);
        return;
      case 'openTopic': {
        const target = this.panels.get(message.topicKey);
        if (target) {
          target.panel.reveal();
          return;
        }
        if (!(await this.content.findTopic(message.topicKey))) return;
        // Navigate in place: the pager reads like a book, not a stack of tabs.
        this.panels.delete(entry.key);
        entry.key = message.topicKey;
        this.panels.set(entry.key, entry);
        await this.render(entry);
        this.followAfterPaint(entry);
        return;
      }
      case 'openSnippet':
        await this.features.openSnippet?.(message.snippetId);
        return;
      case 'quizTopic':
        await this.features.quizTopic?.(entry.key);
        return;
      case 'openProblem':
        await this.features.openProblem?.(message.problemKey);
        return;
      case 'setChecked':
        await this.features.setCheckedItems?.(entry.key, message.checked);
        return;
      case 'deferredParts':
        if (!entry.isShowing(message.renderId)) return;
        await entry.sendDeferredParts(message.renderId);
        // The page has painted and has the rest of its article on the way: the tree reveals the topic now.
        await entry.followNow();
        void this.features.topicShown?.(entry.key);
        return;
    }
  }

  /** Something a panel shows changed elsewhere (a practice problem was solved): render the open panels again. */
  refresh(): Promise<void> {
    return this.refreshAll();
  }

  private async refreshAll(): Promise<void> {
    for (const entry of [...this.panels.values()]) {
      await this.render(entry);
    }
  }

  private async render(entry: TopicPanel): Promise<void> {
    if (entry.isClosed) return;
    const topic = await this.content.findTopic(entry.key);
    const deck = topic ? await this.content.deckOf(topic) : undefined;
    if (!topic || !deck) {
      const resources = this.resources(entry);
      entry.show({ html: core().renderTopicUnavailableDocument({ topicKey: entry.key, language: entry.language, title: entry.panel.title, resources }), deferredParts: () => [], renderId: '' }, resources.nonce);
      return;
    }
    const index = deck.topics.findIndex((t) => topicKey(t) === entry.key);
    const neighbour = (other: LoadedTopic | undefined) =>
      other ? { key: topicKey(other), title: core().localize(other.title, entry.language) ?? other.id } : undefined;
    const model: TopicViewModel = {
      topicKey: entry.key,
      topic,
      trust: deck.trusted ? 'trusted' : 'untrusted',
      language: entry.language,
      deckLabel: core().localize(deck.title, entry.language) ?? deck.id,
      previous: neighbour(deck.topics[index - 1]),
      next: neighbour(deck.topics[index + 1]),
      related: await this.relatedTopics(topic, neighbour),
      openableSnippets: this.features.openSnippet ? this.features.snippetTitles?.(topic.snippets, entry.language) ?? [] : [],
      canQuiz: this.features.quizTopic !== undefined,
      checked: this.features.checkedItems?.(entry.key) ?? [],
      problems: (await this.features.problemsOf?.(topic, entry.language)) ?? [],
    };
    const env: RenderEnv = { readDiagram: (name) => this.readDiagram(deck.diagramsFolder, name) };
    entry.panel.title = core().localize(topic.title, entry.language) ?? topic.id;
    const resources = this.resources(entry);
    entry.show(core().renderTopicDocument(model, resources, this.engine, env), resources.nonce);
  }

  /** The related ids that name a topic: one in the same deck scope first (a user deck's own), else a built-in one. */
  private async relatedTopics(topic: LoadedTopic, neighbour: (other: LoadedTopic | undefined) => TopicNeighbour | undefined): Promise<TopicNeighbour[]> {
    if (topic.related.length === 0) return [];
    const all = await this.content.topics();
    const scope = topic.key.slice(0, topic.key.length - topic.id.length);
    return topic.related.flatMap((id) => {
      const found = all.find((other) => other.key === `${scope}${id}`) ?? all.find((other) => other.key === `${core().BUILT_IN_KEY_SCOPE}/${id}`);
      return neighbour(found) ?? [];
    });
  }

  private resources(entry: TopicPanel): WebviewResources {
    return pageResources(entry.panel.webview, this.extensionUri, { script: 'topic', styles: ['topic'], math: true });
  }

  private readDiagram(folder: string, name: string): string | undefined {
    const file = path.join(folder, `${name}.svg`);
    if (!this.diagramCache.has(file)) {
      let svg: string | undefined;
      try {
        svg = readFileSync(file, 'utf8');
      } catch {
        svg = undefined;
      }
      this.diagramCache.set(file, svg);
    }
    return this.diagramCache.get(file);
  }
}

/** The lifecycle of one webview panel: its messages, its disposal, and which topic it shows. */
class TopicPanel extends Disposable {
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDispose = this.disposeEmitter.event;
  private readonly messageEmitter = this.register(new vscode.EventEmitter<TopicWebviewMessage>());
  readonly onMessage = this.messageEmitter.event;
  private readonly activatedEmitter = this.register(new vscode.EventEmitter<void>());
  /** The panel became the active editor. */
  readonly onActivated = this.activatedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public key: string,
    public language: ContentLanguage,
  ) {
    super();
    this.register(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = core().parseTopicWebviewMessage(raw);
        if (message) this.messageEmitter.fire(message);
      }),
    );
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register({ dispose: () => clearTimeout(this.followTimer) });
    let wasActive = panel.active;
    this.register(
      panel.onDidChangeViewState(() => {
        if (panel.active && !wasActive) this.activatedEmitter.fire();
        wasActive = panel.active;
      }),
    );
  }

  get isClosed(): boolean {
    return this.isDisposed;
  }

  private pendingFollow: (() => unknown) | undefined;
  private followTimer: ReturnType<typeof setTimeout> | undefined;

  /** Runs `follow` when the page reports its first paint (followNow), or after a while if it never does. */
  followAfterPaint(follow: () => unknown): void {
    clearTimeout(this.followTimer);
    this.pendingFollow = follow;
    this.followTimer = setTimeout(() => void this.followNow(), FOLLOW_WITHOUT_PAINT_MS);
  }

  async followNow(): Promise<void> {
    clearTimeout(this.followTimer);
    const follow = this.pendingFollow;
    this.pendingFollow = undefined;
    if (follow && !this.isDisposed) await follow();
  }

  private shownDocument: string | undefined;
  private page: TopicPage | undefined;

  /**
   * Replaces the document unless it would show the same thing: setting `html` reloads the page (a flash, and the
   * reader's focus is lost), and decks reload often (every save in a user deck). The nonce differs on every render,
   * so documents are compared without it; the document names its deferred parts (`renderId`), so it differs when they do.
   */
  show(page: TopicPage, nonce: string): void {
    const comparable = page.html.split(nonce).join('');
    if (comparable === this.shownDocument) return;
    this.shownDocument = comparable;
    this.page = page;
    this.panel.webview.html = page.html;
  }

  /** Whether the page of this render is the one shown (a page being replaced may still send its messages). */
  isShowing(renderId: string): boolean {
    return this.page !== undefined && this.page.renderId === renderId;
  }

  /** The page as it shows with the rest of its article in place. */
  get pageAsShown(): string | undefined {
    return this.page && core().withDeferredParts(this.page);
  }

  /** Answers a page asking for the rest of its article; a page from an earlier render (being replaced) gets nothing. */
  async sendDeferredParts(renderId: string): Promise<void> {
    if (!this.page || !this.isShowing(renderId)) return;
    const message: TopicHostMessage = { type: 'deferredParts', renderId, parts: this.page.deferredParts() };
    await this.panel.webview.postMessage(message);
  }

  /** Closing the panel and disposing this object are one event, whichever comes first. */
  override dispose(): void {
    if (this.isDisposed) return;
    this.disposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }
}
