// The quiz webview panel: one at a time, revived after a reload by the serializer. The panel owns the webview's
// lifecycle; the session (quizSession.ts) decides what to show and the renderer (quizDocument.ts) draws it.
import * as vscode from 'vscode';
import { COMMANDS, WEBVIEW_TYPES } from '../constants';
import type { MarkdownEngine } from '../content/core/markdownEngine';
import { core } from '../loadCore';
import { lockedDownWebviewOptions } from '../webview/webviewOptions';
import type { ContentLanguage } from '../content/core/language';
import { Disposable } from '../util/dispose';
import type { QuizProblemBridge } from './problemBridge';
import type { QuizHostMessage, QuizWebviewMessage } from './core/quizMessages';
import type { QuizPageModel } from './core/quizDocument';
import type { QuizItem } from './core/quizItems';
import type { QuizService } from './quizService';
import type { ReviewToRecord, SessionView, QuizSession } from './core/quizSession';
import type { Grade } from './core/scheduler';
import { pageResources, yieldToWorkbench } from '../webview/pageResources';

export const QUIZ_VIEW_TYPE = WEBVIEW_TYPES.quiz;

/** What tests (and the commands' callers) can see of the open quiz. */
export interface QuizPanelHandle {
  readonly topicKey: string | undefined;
  /** The HTML of <main> as last rendered. */
  readonly mainHtml: string;
  readonly view: SessionView | undefined;
  /** The user has answered cards in this session (replacing it would end it). */
  readonly inProgress: boolean;
  /** Handles a message as if the webview had posted it; resolves once its effects are stored and rendered. */
  send(message: unknown): Promise<void>;
}

export class QuizPanelManager extends Disposable implements vscode.WebviewPanelSerializer {
  private panel: QuizPanel | undefined;
  readonly engine = core().sharedMarkdownEngine();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: QuizService,
    private readonly codeProblems: QuizProblemBridge,
  ) {
    super();
    this.register({ dispose: () => this.panel?.dispose() });
    this.register(service.onDidChange(() => void this.panel?.refresh()));
  }

  get current(): QuizPanelHandle | undefined {
    return this.panel;
  }

  /** Opens the quiz (or reveals it); a different topic scope starts a new session in the same panel. */
  async show(topicKey: string | undefined): Promise<QuizPanelHandle> {
    if (this.panel && this.panel.topicKey === topicKey) {
      // Already the active editor: revealing it again would only move the focus back into it, later.
      if (!this.panel.webviewPanel.active) this.panel.webviewPanel.reveal();
      return this.panel;
    }
    const language = this.panel?.language ?? this.service.language;
    const existing = this.panel?.webviewPanel;
    const webviewPanel = existing ?? vscode.window.createWebviewPanel(QUIZ_VIEW_TYPE, vscode.l10n.t('Quiz'), vscode.ViewColumn.Active, lockedDownWebviewOptions(this.extensionUri));
    this.panel?.detach();
    if (existing) webviewPanel.reveal();
    else await yieldToWorkbench();
    return this.adopt(webviewPanel, topicKey, language);
  }

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, rawState: unknown): Promise<void> {
    if (this.panel) {
      webviewPanel.dispose();
      return;
    }
    const state = core().quizPanelStateSchema.safeParse(rawState);
    webviewPanel.webview.options = lockedDownWebviewOptions(this.extensionUri);
    await this.adopt(webviewPanel, state.success ? state.data.topicKey : undefined, state.success ? state.data.language : this.service.language);
  }

  private async adopt(webviewPanel: vscode.WebviewPanel, topicKey: string | undefined, language: ContentLanguage): Promise<QuizPanel> {
    const items = await this.service.items();
    const session = new (core().QuizSession)(items, topicKey);
    const panel = new QuizPanel(webviewPanel, session, language, this.extensionUri, this.service, this.codeProblems, this.engine);
    this.panel = panel;
    panel.onDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    await panel.renderDocument();
    return panel;
  }
}

class QuizPanel extends Disposable implements QuizPanelHandle {
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDispose = this.disposeEmitter.event;
  mainHtml = '';
  /** <main> as the current document holds it, until an update is posted. */
  private documentMainHtml: string | undefined;
  view: SessionView | undefined;
  private checking = false;
  private topicTitle: string | undefined;
  private dueTimer: ReturnType<typeof setTimeout> | undefined;
  private detached = false;
  private wasVisible: boolean;
  /** The code exercise the runner was last prepared for. */
  private preparedCard: string | undefined;

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    private readonly session: QuizSession,
    public language: ContentLanguage,
    private readonly extensionUri: vscode.Uri,
    private readonly service: QuizService,
    private readonly codeProblems: QuizProblemBridge,
    private readonly engine: MarkdownEngine,
  ) {
    super();
    this.register(webviewPanel.webview.onDidReceiveMessage((raw: unknown) => void this.send(raw)));
    this.register(webviewPanel.onDidDispose(() => this.dispose()));
    this.wasVisible = webviewPanel.visible;
    this.register(
      webviewPanel.onDidChangeViewState((event) => {
        // Without retainContextWhenHidden the page is rebuilt when it is shown again (hidden → visible); a change of
        // focus alone (the user clicked another editor) must neither rebuild the page nor move the keyboard focus.
        const visible = event.webviewPanel.visible;
        const shownAgain = visible && !this.wasVisible;
        this.wasVisible = visible;
        if (shownAgain) void this.renderDocument();
      }),
    );
    this.register({ dispose: () => clearTimeout(this.dueTimer) });
  }

  get topicKey(): string | undefined {
    return this.session.topicKey;
  }

  get inProgress(): boolean {
    return this.session.inProgress;
  }

  /** Hands the webview panel to a new session without closing it. */
  detach(): void {
    this.detached = true;
    this.dispose();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.disposeEmitter.fire();
    super.dispose();
    if (!this.detached) this.webviewPanel.dispose();
  }

  async send(raw: unknown): Promise<void> {
    const message = core().parseQuizWebviewMessage(raw);
    if (message && !this.isDisposed) await this.handle(message);
  }

  private async handle(message: QuizWebviewMessage): Promise<void> {
    const progress = await this.service.store.current();
    const scheduler = this.service.scheduler();
    const now = new Date();
    let toRecord: ReviewToRecord | undefined;
    switch (message.type) {
      case 'ready':
        // The page shows what its document was rendered with; an update it could have missed is sent again. The same
        // step again would only move the focus into the page a second time, taking it from wherever it went since.
        await this.update({ unlessDocumentShows: true });
        return;
      case 'setLanguage':
        this.language = message.language;
        await this.renderDocument();
        return;
      case 'showProgress':
        await vscode.commands.executeCommand(COMMANDS.showProgress);
        return;
      case 'choose':
        toRecord = this.session.choose(message.index, progress, now, scheduler);
        break;
      case 'reveal':
        this.session.reveal(progress, now, scheduler, message.answers);
        break;
      case 'rate':
        toRecord = this.session.rate(message.rating as Grade, progress, now, scheduler);
        break;
      case 'next':
        this.session.next();
        break;
      case 'skip':
        this.session.skip();
        break;
      case 'practiseAhead':
        this.session.startPractisingAhead();
        break;
      case 'openStarter': {
        const item = this.currentCodeItem();
        if (item) await this.codeProblems.start(item, message.language);
        return;
      }
      case 'checkCode':
        await this.checkCode();
        return;
      case 'showSolution':
        toRecord = this.session.showSolution(progress, now, scheduler);
        break;
      case 'setChecklist':
        this.session.setChecklist(message.checked);
        break;
      case 'undo':
        await this.undo();
        return;
    }
    if (toRecord) await this.save(toRecord);
    await this.update();
  }

  /** Stores one answer. A failed write loses that answer only: the stored progress is untouched, so say so and go on. */
  private async save(toRecord: ReviewToRecord): Promise<void> {
    try {
      await this.service.store.record(toRecord);
    } catch (error) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('This answer could not be saved ({0}); your earlier progress is intact.', error instanceof Error ? error.message : String(error)),
      );
      return;
    }
    // A code card rated (or given up on): its problem's counts since the review start again.
    const item = this.currentCodeItem();
    if (item && item.id === toRecord.review.cardId) await this.codeProblems.rated(item, this.view?.kind === 'card' && this.view.phase === 'solution');
    this.service.progressChanged();
  }

  /** The code card on screen: only the code kind knows a card's problem (src/quiz/core/kinds/code.ts). */
  private currentCodeItem(): QuizItem | undefined {
    const view = this.view;
    return view?.kind === 'card' && core().problemOf(view.item.card) !== undefined ? view.item : undefined;
  }

  private async checkCode(): Promise<void> {
    const item = this.currentCodeItem();
    if (!item || this.checking) return;
    this.checking = true;
    await this.update();
    try {
      const grade = await this.codeProblems.check(item);
      if (!grade || this.isDisposed) return;
      // Only shows the results: the card is rated when the user picks a rating after a pass, or asks for the solution.
      this.session.codeChecked(grade, await this.service.store.current(), new Date(), this.service.scheduler());
    } finally {
      this.checking = false;
      await this.update();
    }
  }

  /** Takes back the last rating of this session (Undo): its card comes back, unanswered. */
  private async undo(): Promise<void> {
    const last = this.session.undo();
    if (last) {
      try {
        await this.service.store.undo(last.itemId, last.reviewId);
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The last answer could not be undone ({0}).', error instanceof Error ? error.message : String(error)));
      }
      this.service.progressChanged();
    }
    await this.update();
  }

  /** Cards or progress changed elsewhere: show the current state. */
  async refresh(): Promise<void> {
    if (this.isDisposed) return;
    this.session.setItems(await this.service.items());
    await this.update({ background: true });
  }

  private async model(): Promise<QuizPageModel> {
    const progress = await this.service.store.current();
    const now = new Date();
    this.view = this.session.view(progress, now, this.service.settings());
    const codeItem = this.currentCodeItem();
    const cardId = this.view.kind === 'card' ? this.view.item.id : undefined;
    if (codeItem && cardId !== this.preparedCard) {
      // Once per card: the first Check should not pay for loading the runner and the cases.
      this.preparedCard = cardId;
      this.codeProblems.prepare(codeItem);
    }
    if (this.session.topicKey !== undefined) this.topicTitle ??= await this.service.topicTitle(this.session.topicKey);
    this.scheduleDueRefresh(now);
    return { language: this.language, topicKey: this.session.topicKey, topicTitle: this.topicTitle, view: this.view, now, checking: this.checking, focus: this.webviewPanel.active };
  }

  /** When nothing is due, look again when the next card is (learning steps are minutes away). */
  private scheduleDueRefresh(now: Date): void {
    clearTimeout(this.dueTimer);
    const next = this.view?.kind === 'empty' ? this.view.nextDueAt : undefined;
    if (!next) return;
    const wait = next.getTime() - now.getTime() + 500;
    if (wait < 60 * 60_000) this.dueTimer = setTimeout(() => void this.update({ background: true }), Math.max(1000, wait));
  }

  async renderDocument(): Promise<void> {
    if (this.isDisposed) return;
    const model = await this.model();
    const webview = this.webviewPanel.webview;
    this.mainHtml = core().renderQuizMain(model, this.engine);
    this.documentMainHtml = this.mainHtml;
    this.webviewPanel.title = model.topicKey !== undefined ? vscode.l10n.t('Quiz: {0}', model.topicTitle ?? model.topicKey) : vscode.l10n.t('Quiz');
    webview.html = core().renderQuizDocument(
      model,
      pageResources(webview, this.extensionUri, { script: 'quiz', styles: ['topic', 'quiz'], math: true }),
      this.engine,
      this.mainHtml,
    );
  }

  /** Replaces the content of <main>; the page and its focus handling stay. */
  /**
   * `background`: not the answer to something done in the quiz (cards reloaded, a card fell due): the page keeps the
   * focus if it has it but does not take it, which would close a palette or menu the user has open.
   */
  private async update(options: { unlessDocumentShows?: boolean; background?: boolean } = {}): Promise<void> {
    if (this.isDisposed) return;
    const model = await this.model();
    const mainHtml = core().renderQuizMain(model, this.engine);
    const shown = this.documentMainHtml;
    // Any update since the document makes the page's content unknown here (it may have missed it).
    this.documentMainHtml = undefined;
    if (options.unlessDocumentShows && shown !== undefined && mainHtml === shown) {
      this.documentMainHtml = shown;
      return;
    }
    // The page already shows this (no document since the last update): sending it again would only move the focus
    // into the quiz, closing a palette or menu the user opened meanwhile.
    if (shown === undefined && mainHtml === this.mainHtml) return;
    this.mainHtml = mainHtml;
    // The page moves the focus to the step's main control only while the quiz is the active editor.
    const message: QuizHostMessage = { type: 'update', body: this.mainHtml, focus: !options.background && this.webviewPanel.active };
    await this.webviewPanel.webview.postMessage(message);
  }
}
