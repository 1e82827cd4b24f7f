// The mock-interview panel: one at a time, revived after a reload by its serializer. The interview itself lives in
// globalState (MockStore), saved on every change, so closing the panel or reloading the window loses nothing; the
// pure transitions are in core/mockState.ts and the HTML in core/mockDocument.ts.
import * as vscode from 'vscode';
import { COMMANDS, WEBVIEW_TYPES } from '../constants';
import type { ContentService } from '../content/contentService';
import type { ContentLanguage } from '../content/core/language';
import type { LoadedTopic } from '../content/core/deckLoader';
import { core } from '../loadCore';
import type { QuizService } from '../quiz/quizService';
import type { QuizItem } from '../quiz/core/quizItems';
import { Disposable } from '../util/dispose';
import { logFailure } from '../util/log';
import { lockedDownWebviewOptions } from '../webview/webviewOptions';
import type { ConceptContent, MockPageModel, MockPageView, ProblemContent } from './core/mockDocument';
import type { MockHostMessage, MockWebviewMessage } from './core/mockMessages';
import type { MockLength } from './core/mockPlan';
import type { MockReport, ReportContext } from './core/mockReport';
import type { MockInterview, Transition } from './core/mockState';
import type { MockStore } from './core/mockStore';
import type { MockProblem, MockProblemSource } from './mockDependencies';
import type { Trust } from '../content/core/markdownEngine';
import type { FollowUp } from './core/followUps';
import { pageResources } from '../webview/pageResources';

export const MOCK_VIEW_TYPE = WEBVIEW_TYPES.mock;
/** While an interview runs, the stored copy is refreshed this often (its time is exact to this after a crash). */
const SAVE_EVERY_MS = 10_000;

export interface MockControllerDependencies {
  content: ContentService;
  quiz(): Promise<QuizService>;
  problems: MockProblemSource;
  store: MockStore;
  /** Reports changed (a new one): the Progress page and the Today entry redraw. */
  onReportsChanged(): void;
}

/** What integration tests see of the mock panel. */
export interface MockPanelHandle {
  readonly mainHtml: string;
  readonly state: MockInterview | undefined;
  send(message: unknown): Promise<void>;
}

export class MockController extends Disposable implements vscode.WebviewPanelSerializer, MockPanelHandle {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private language: ContentLanguage;
  private interview: MockInterview | undefined;
  private restored = false;
  private loaded = false;
  private shownReport: MockReport | undefined;
  private setupNotice = false;
  private setupChoice: { length: MockLength; tracks: string[] } = { length: 30, tracks: [] };
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastSave = 0;
  private readonly statusBar = this.register(vscode.window.createStatusBarItem('mlInterview.mockClock', vscode.StatusBarAlignment.Left, 49));
  private readonly engine = core().sharedMarkdownEngine();
  mainHtml = '';

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: MockControllerDependencies,
  ) {
    super();
    this.language = deps.content.language;
    this.statusBar.name = vscode.l10n.t('ML Interview: Mock Interview Clock');
    this.statusBar.command = COMMANDS.mockInterview;
    this.register({ dispose: () => this.stopTimer() });
    this.register({ dispose: () => this.panel?.dispose() });
    this.register(deps.problems.onDidCheck((result) => void this.apply((state, now) => core().problemChecked(state, result, now))));
  }

  get state(): MockInterview | undefined {
    return this.interview;
  }

  /** Loads the stored interview once: one that was on the clock comes back paused. */
  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    const stored = this.deps.store.interview();
    if (!stored) return;
    if (!stored.ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The mock interview in progress could not be read ({0}); it was set aside.', stored.reason));
      void this.deps.store.saveInterview(undefined, Date.now());
      return;
    }
    if (stored.state.finishedAt !== undefined) {
      void this.finishInterview(stored.state);
      return;
    }
    this.interview = stored.state;
    this.restored = stored.wasRunning;
    this.syncTimer();
  }

  /** Opens the panel (or reveals it), on the interview in progress if there is one. */
  async show(): Promise<MockPanelHandle> {
    this.load();
    if (this.panel) {
      // The page stays (a reload would drop what is being typed); only its content is brought up to date.
      this.panel.reveal();
      await this.update();
      return this;
    }
    this.adopt(vscode.window.createWebviewPanel(MOCK_VIEW_TYPE, vscode.l10n.t('Mock Interview'), vscode.ViewColumn.Active, lockedDownWebviewOptions(this.extensionUri)));
    await this.renderDocument();
    return this;
  }

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, rawState: unknown): Promise<void> {
    if (this.panel) {
      webviewPanel.dispose();
      return;
    }
    const state = core().mockPanelStateSchema.safeParse(rawState);
    if (state.success) this.language = state.data.language;
    webviewPanel.webview.options = lockedDownWebviewOptions(this.extensionUri);
    this.load();
    this.adopt(webviewPanel);
    await this.renderDocument();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    let wasVisible = panel.visible;
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.send(raw)),
      panel.onDidChangeViewState((event) => {
        const shownAgain = event.webviewPanel.visible && !wasVisible;
        wasVisible = event.webviewPanel.visible;
        if (shownAgain) void this.renderDocument();
      }),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        for (const disposable of this.panelDisposables.splice(0)) disposable.dispose();
      }),
    ];
  }

  async send(raw: unknown): Promise<void> {
    const message = core().parseMockWebviewMessage(raw);
    if (message && !this.isDisposed) await this.handle(message);
  }

  private async handle(message: MockWebviewMessage): Promise<void> {
    const mock = core();
    switch (message.type) {
      case 'ready':
        await this.update();
        return;
      case 'setLanguage':
        this.language = message.language;
        await this.renderDocument();
        return;
      case 'start':
        await this.start(message.length, message.tracks);
        return;
      case 'setAnswer':
        // Stored at once (the page already waits for a pause in typing); the page is not redrawn under the cursor.
        await this.apply((state) => mock.setAnswer(state, message.text), { redraw: false });
        return;
      case 'submit':
        await this.apply((state, now) => mock.submit(state, now));
        return;
      case 'skip':
        await this.apply((state, now) => mock.skip(state, now));
        return;
      case 'pause':
        await this.apply((state, now) => mock.pause(state, now));
        return;
      case 'resume':
        this.restored = false;
        await this.apply((state, now) => mock.resume(state, now));
        return;
      case 'finish':
        await this.apply((state, now) => mock.finish(state, now));
        return;
      case 'setChecklist':
        await this.apply((state) => mock.setChecked(state, message.checked));
        return;
      case 'rate':
        await this.apply((state, now) => mock.rate(state, message.rating, now));
        return;
      case 'openProblem': {
        const question = this.interview && mock.currentQuestion(this.interview);
        if (question?.kind === 'problem') await this.deps.problems.open(question.problemId);
        return;
      }
      case 'openTopic':
        await vscode.commands.executeCommand(COMMANDS.openTopic, message.topicKey);
        return;
      case 'quizTopic':
        await vscode.commands.executeCommand(COMMANDS.quizTopic, message.topicKey);
        return;
      case 'showReport':
        this.shownReport = this.deps.store.reports().find((report) => report.id === message.reportId);
        await this.update();
        return;
      case 'exportReport':
        await this.exportReport(message.reportId);
        return;
      case 'showSetup':
        this.shownReport = undefined;
        await this.update();
        return;
    }
  }

  /** Starts an interview from the chosen length and tracks. */
  private async start(length: MockLength, tracks: string[]): Promise<void> {
    if (this.interview) return;
    const mock = core();
    const service = await this.deps.quiz();
    const [items, progress, topics, problems] = await Promise.all([service.items(), service.store.current(), this.deps.content.topics(), this.deps.problems.list()]);
    const now = new Date();
    const stats = await service.stats(progress, now);
    const mastery: Record<string, number> = {};
    for (const topic of stats.topics) mastery[topic.topic] = topic.mastery;
    const index = topics.map((topic) => ({ id: topic.id, key: topic.key, deckId: topic.deckId, title: topic.title }));
    const id = globalThis.crypto.randomUUID();
    const plan = mock.buildMockPlan({
      length,
      tracks,
      concepts: mock.conceptCandidates(items, progress.cards, mastery, now),
      problems: mock.problemCandidates(problems, index, mastery),
      seed: id,
    });
    this.setupChoice = { length, tracks };
    if (plan.length === 0) {
      this.setupNotice = true;
      await this.update();
      return;
    }
    this.setupNotice = false;
    const checklistTotals: Record<string, number> = {};
    for (const planned of plan) {
      if (planned.kind !== 'concept') continue;
      const card = items.find((item) => item.id === planned.cardId)?.card;
      if (card?.kind === 'recall') checklistTotals[planned.cardId] = (card.checklist[this.language] ?? card.checklist.en ?? card.checklist['zh-cn'] ?? []).length;
    }
    this.interview = mock.startInterview({ id, seed: id, length, tracks, plan, checklistTotals, now: now.getTime() });
    this.shownReport = undefined;
    this.restored = false;
    await this.persist(true);
    this.syncTimer();
    await this.update();
  }

  /** Applies a transition to the interview in progress: stores it, records a rating, ends the interview when done. */
  private async apply(transition: (state: MockInterview, now: number) => Transition, options: { redraw?: boolean } = {}): Promise<void> {
    if (!this.interview) return;
    const now = Date.now();
    const result = transition(this.interview, now);
    if (!result.changed) return;
    this.interview = result.state;
    if (result.toRecord) await this.record(result.toRecord);
    if (result.state.finishedAt !== undefined) {
      await this.finishInterview(result.state);
    } else {
      await this.persist(true);
    }
    this.syncTimer();
    if (options.redraw !== false) await this.update();
  }

  private async record(toRecord: NonNullable<Transition['toRecord']>): Promise<void> {
    try {
      if (toRecord.kind === 'problem') {
        await this.deps.problems.rate(toRecord.problemId, toRecord.rating);
        return;
      }
      const service = await this.deps.quiz();
      const progress = await service.store.current();
      await service.store.record(service.scheduler().rate(toRecord.cardId, progress.cards[toRecord.cardId], toRecord.rating, new Date()));
      service.progressChanged();
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('This rating could not be saved ({0}); the interview goes on.', error instanceof Error ? error.message : String(error)));
    }
  }

  private async finishInterview(state: MockInterview): Promise<void> {
    const report = core().buildReport(state, await this.titles(), Date.now());
    this.interview = undefined;
    this.restored = false;
    this.shownReport = report;
    await this.deps.store.finish(report);
    this.deps.onReportsChanged();
  }

  private async titles() {
    const topics = await this.deps.content.topics();
    const problems = await this.deps.problems.list();
    return {
      topicTitle: (key: string) => topics.find((topic) => topic.key === key)?.title,
      problemTitle: (id: string) => problems.find((problem) => problem.id === id)?.title,
    };
  }

  private async persist(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastSave < SAVE_EVERY_MS) return;
    this.lastSave = now;
    try {
      await this.deps.store.saveInterview(this.interview, now);
    } catch (error) {
      logFailure('saving the mock interview failed')(error);
    }
  }

  /** The one-second timer runs while an interview is on the clock: the clocks, time-outs and the status bar. */
  private syncTimer(): void {
    const state = this.interview;
    if (state && core().isRunning(state)) {
      this.timer ??= setInterval(() => void this.onTick(), 1000);
    } else {
      this.stopTimer();
    }
    this.showStatus();
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async onTick(): Promise<void> {
    const state = this.interview;
    if (!state) return;
    const ticked = core().tick(state, Date.now());
    if (ticked.changed) {
      await this.apply(() => ticked);
      return;
    }
    this.showStatus();
    await this.persist(false);
    if (this.panel?.visible) {
      const now = Date.now();
      const message: MockHostMessage = {
        type: 'clock',
        question: core().formatClock(Math.max(0, core().questionRemaining(state, now))),
        total: core().formatClock(Math.max(0, core().totalRemaining(state, now))),
        questionLow: core().questionRemaining(state, now) < 30_000,
      };
      await this.panel.webview.postMessage(message);
    }
  }

  private showStatus(): void {
    const state = this.interview;
    if (!state) {
      this.statusBar.hide();
      return;
    }
    const now = Date.now();
    const question = core().formatClock(Math.max(0, core().questionRemaining(state, now)));
    const total = core().formatClock(Math.max(0, core().totalRemaining(state, now)));
    const paused = state.paused || !core().isRunning(state);
    this.statusBar.text = paused ? `$(debug-pause) ${vscode.l10n.t('Mock {0} · {1}', question, total)}` : `$(watch) ${vscode.l10n.t('Mock {0} · {1}', question, total)}`;
    const tooltip = paused
      ? vscode.l10n.t('Mock interview paused: {0} left on this question, {1} in the interview. Click to open it.', question, total)
      : vscode.l10n.t('Mock interview: {0} left on this question, {1} in the interview. Click to open it.', question, total);
    this.statusBar.tooltip = tooltip;
    this.statusBar.accessibilityInformation = { label: tooltip };
    this.statusBar.show();
  }

  /** Shows a stored interview's status bar item after a reload, without opening the panel. */
  restoreStatus(): void {
    this.load();
    this.showStatus();
  }

  private async exportReport(reportId: string): Promise<void> {
    const report = this.deps.store.reports().find((candidate) => candidate.id === reportId) ?? (this.shownReport?.id === reportId ? this.shownReport : undefined);
    if (!report) return;
    const context = await this.reportContext();
    const date = new Date(report.finishedAt).toISOString().slice(0, 10);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Mock Interview Report'),
      saveLabel: vscode.l10n.t('Export'),
      filters: { Markdown: ['md'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `mock-interview-${date}.md`) } : {}),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(core().reportMarkdown(report, context)));
    void vscode.window.showInformationMessage(vscode.l10n.t('Report saved to {0}.', vscode.workspace.asRelativePath(target)));
  }

  private async reportContext(): Promise<ReportContext> {
    const topics = await this.deps.content.topics();
    const items = await (await this.deps.quiz()).items();
    const language = this.language;
    return {
      language,
      topicTitle: (key) => {
        const topic = topics.find((candidate) => candidate.key === key);
        return topic ? core().localize(topic.title, language) : undefined;
      },
      checklist: (cardId) => {
        const card = items.find((item) => item.id === cardId)?.card;
        return card?.kind === 'recall' ? core().localize(card.checklist, language) : undefined;
      },
      followUps: (key) => {
        const topic = topics.find((candidate) => candidate.key === key);
        return topic ? core().followUpsOf(topic.body, language) : [];
      },
    };
  }

  private async model(): Promise<MockPageModel> {
    const now = Date.now();
    const language = this.language;
    const state = this.interview;
    let view: MockPageView;
    if (state) {
      const question = state.questions[state.current];
      let concept: ConceptContent | undefined;
      let problem: ProblemContent | undefined;
      if (question.kind === 'concept') {
        const [items, topics] = await Promise.all([(await this.deps.quiz()).items(), this.deps.content.topics()]);
        concept = conceptContent(items.find((item) => item.id === question.cardId), topics.find((topic) => topic.key === question.topicKey), language);
      } else {
        const found: MockProblem | undefined = (await this.deps.problems.list()).find((candidate) => candidate.id === question.problemId);
        if (found) problem = { title: core().localize(found.title, language) ?? found.id, difficulty: found.difficulty };
      }
      view = { kind: 'interview', state, restored: this.restored, ...(concept ? { concept } : {}), ...(problem ? { problem } : {}) };
    } else if (this.shownReport) {
      const report = this.shownReport;
      const topics = await this.deps.content.topics();
      const topicTitles: Record<string, string> = {};
      const followUps: Record<string, { trust: Trust; items: FollowUp[] }> = {};
      const decks = await this.deps.content.decks();
      for (const topic of topics) {
        topicTitles[topic.key] = core().localize(topic.title, language) ?? topic.id;
        if (!report.questions.some((question) => question.kind === 'concept' && question.topicKey === topic.key)) continue;
        const trusted = decks.find((deck) => deck.id === topic.deckId)?.trusted === true;
        followUps[topic.key] = { trust: trusted ? 'trusted' : 'untrusted', items: core().followUpsOf(topic.body, language) };
      }
      view = { kind: 'report', report, topicTitles, followUps };
    } else {
      const decks = await this.deps.content.decks();
      view = {
        kind: 'setup',
        tracks: decks.filter((deck) => deck.topics.length > 0).map((deck) => ({ id: deck.id, title: core().localize(deck.title, language) ?? deck.id })),
        selected: this.setupChoice.tracks,
        length: this.setupChoice.length,
        reports: this.deps.store.reports(),
        empty: this.setupNotice,
      };
    }
    return { language, now, view };
  }

  private async renderDocument(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const model = await this.model();
    const webview = panel.webview;
    this.mainHtml = core().renderMockMain(model, this.engine);
    panel.webview.html = core().renderMockDocument(
      model,
      pageResources(webview, this.extensionUri, { script: 'mock', styles: ['topic', 'quiz', 'mock'], math: true }),
      this.engine,
      { focus: panel.active },
      this.mainHtml,
    );
  }

  private async update(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const model = await this.model();
    this.mainHtml = core().renderMockMain(model, this.engine);
    const message: MockHostMessage = { type: 'update', body: this.mainHtml, focus: panel.active };
    await panel.webview.postMessage(message);
  }
}

function conceptContent(item: QuizItem | undefined, topic: LoadedTopic | undefined, language: ContentLanguage): ConceptContent | undefined {
  if (item?.card.kind !== 'recall') return undefined;
  const card = item.card;
  const followUps = topic ? core().followUpsOf(topic.body, language) : [];
  return {
    prompt: core().localize(card.prompt, language) ?? '',
    answer: core().localize(card.answer, language) ?? '',
    checklist: core().localize(card.checklist, language) ?? [],
    followUps,
    trust: item.trust,
    topicTitle: core().localize(item.topicTitle, language) ?? item.topicKey,
  };
}
