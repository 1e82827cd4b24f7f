// Registers Mock Interview (command, panel serializer, status-bar clock), the daily plan shown as "Today" in the
// Topics tree, and the activity sections of the Progress page. The core loads on first use, never at activation.
import * as vscode from 'vscode';
import { COMMANDS, INTERNAL_COMMANDS, WEBVIEW_TYPES } from '../constants';
import type { ContentService } from '../content/contentService';
import type { ContentLanguage } from '../content/core/language';
import { core, isCoreLoaded } from '../loadCore';
import type { QuizModule } from '../quiz/registerQuiz';
import type { QuizService } from '../quiz/quizService';
import type { TopicProgressSource } from '../quiz/progressSource';
import { Disposable } from '../util/dispose';
import { logFailure } from '../util/log';
import type { ActivityModel } from './core/activityDocument';
import type { MockStore } from './core/mockStore';
import type { MockProblemSource } from './mockDependencies';
import type { Registrations } from '../shell';
import { MockController, type MockPanelHandle } from './mockPanel';

/** What the Topics tree shows under "Today". */
export interface DailyPlanView {
  due: number;
  newTopic?: { key: string; title: string };
  problem?: { id: string; title: string };
}

export interface DailyPlanSource {
  readonly onDidChange: vscode.Event<void>;
  /** Undefined until the figures have loaded. */
  current(): DailyPlanView | undefined;
  /**
   * Resolves once the first plan from loaded progress is there (or after a few seconds without it), so the tree can
   * draw the Today entry with the decks at once rather than push every row down when it arrives.
   */
  ready(): Promise<void>;
}

/** How long the tree waits for the first plan before it draws without one. */
const FIRST_PLAN_WAIT_MS = 3000;

export interface MockModuleDependencies {
  content: ContentService;
  quiz: QuizModule;
  progress: TopicProgressSource;
  problems: MockProblemSource;
  /** Where the commands and the serializer are registered (activation's stand-ins). */
  registrations: Registrations;
}

export interface MockModule extends vscode.Disposable {
  readonly dailyPlan: DailyPlanSource;
  /** Opens the mock panel (for tests). */
  show(): Promise<MockPanelHandle>;
}

class MockModuleImpl extends Disposable implements MockModule {
  private controllerInstance: MockController | undefined;
  private storeInstance: MockStore | undefined;
  private readonly planEmitter = this.register(new vscode.EventEmitter<void>());
  private readonly reportsEmitter = this.register(new vscode.EventEmitter<void>());
  private plan: DailyPlanView | undefined;
  private planTimer: ReturnType<typeof setTimeout> | undefined;
  private markReady: () => void = () => undefined;
  private readonly firstPlan = new Promise<void>((resolve) => (this.markReady = resolve));
  readonly dailyPlan: DailyPlanSource = { onDidChange: this.planEmitter.event, current: () => this.plan, ready: () => this.firstPlan };

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly deps: MockModuleDependencies,
  ) {
    super();
    this.register(deps.registrations.registerCommand(COMMANDS.mockInterview, () => this.show()));
    this.register(deps.registrations.registerCommand(INTERNAL_COMMANDS.openPracticeProblem, (id: unknown) => (typeof id === 'string' ? deps.problems.open(id) : undefined)));
    this.register(
      deps.registrations.registerWebviewPanelSerializer(WEBVIEW_TYPES.mock, {
        deserializeWebviewPanel: (panel, state) => this.controller().deserializeWebviewPanel(panel, state),
      }),
    );
    // The plan follows the progress, the decks and the problems' statuses.
    this.register(deps.progress.onDidChange(() => this.schedulePlan()));
    this.register(deps.content.onDidChange(() => this.schedulePlan()));
    this.register(deps.problems.onDidChange(() => this.schedulePlan()));
    this.register(deps.problems.onDidCheck(() => this.reportsEmitter.fire()));
    this.register({ dispose: () => clearTimeout(this.planTimer) });
    const giveUp = setTimeout(() => this.markReady(), FIRST_PLAN_WAIT_MS);
    this.register({ dispose: () => clearTimeout(giveUp) });
    this.register({ dispose: () => this.controllerInstance?.dispose() });
    // Just after activation (never during it): the figures for the Progress page, and an interview left in progress
    // shows its paused clock in the status bar.
    const timer = setTimeout(() => {
      void deps.quiz.runtime().then((runtime) => runtime.progressPanels.setActivity((language) => this.activity(language), this.reportsEmitter.event), logFailure('registering the activity sections failed'));
      if (context.globalState.get(core().MOCK_SESSION_KEY) !== undefined) this.controller().restoreStatus();
    }, 0);
    this.register({ dispose: () => clearTimeout(timer) });
  }

  private store(): MockStore {
    this.storeInstance ??= new (core().MockStore)(this.context.globalState);
    return this.storeInstance;
  }

  private controller(): MockController {
    this.controllerInstance ??= new MockController(this.context.extensionUri, {
      content: this.deps.content,
      quiz: () => this.quizService(),
      problems: this.deps.problems,
      store: this.store(),
      onReportsChanged: () => {
        this.reportsEmitter.fire();
        this.schedulePlan();
      },
    });
    return this.controllerInstance;
  }

  private async quizService(): Promise<QuizService> {
    return (await this.deps.quiz.runtime()).service;
  }

  show(): Promise<MockPanelHandle> {
    return this.controller().show();
  }

  private schedulePlan(): void {
    clearTimeout(this.planTimer);
    this.planTimer = setTimeout(() => void this.computePlan().catch(logFailure('choosing the daily plan failed')), 100);
  }

  private async computePlan(): Promise<void> {
    if (this.isDisposed || !isCoreLoaded()) return;
    const progress = this.deps.progress;
    const [topics, problems] = await Promise.all([this.deps.content.topics(), this.deps.problems.list()]);
    const language = this.deps.content.language;
    const mastery: Record<string, number> = {};
    for (const topic of topics) mastery[topic.key] = progress.topicProgress(topic.key)?.mastery ?? 0;
    const candidates = core().problemCandidates(problems, topics.map((topic) => ({ id: topic.id, key: topic.key, deckId: topic.deckId, title: topic.title })), mastery);
    const plan = core().chooseDailyPlan({
      due: progress.dueCount(),
      topics: topics.map((topic) => {
        const info = progress.topicProgress(topic.key);
        return { key: topic.key, mastery: info?.mastery ?? 0, ...(info ? { state: info.state } : {}) };
      }),
      problems: candidates.map((candidate) => ({ ...candidate, difficulty: problems.find((problem) => problem.id === candidate.problemId)?.difficulty ?? 'medium' })),
    });
    const topic = plan.newTopicKey !== undefined ? topics.find((candidate) => candidate.key === plan.newTopicKey) : undefined;
    const problem = plan.problemId !== undefined ? problems.find((candidate) => candidate.id === plan.problemId) : undefined;
    const next: DailyPlanView = {
      due: plan.due,
      ...(topic ? { newTopic: { key: topic.key, title: core().localize(topic.title, language) ?? topic.id } } : {}),
      ...(problem ? { problem: { id: problem.id, title: core().localize(problem.title, language) ?? problem.id } } : {}),
    };
    // Told only when it changed: every change redraws the Today entry.
    if (JSON.stringify(next) !== JSON.stringify(this.plan)) {
      this.plan = next;
      this.planEmitter.fire();
    }
    if (progress.loaded) this.markReady();
  }

  /** The Progress page's heatmap, streaks, mastery per track and score trend. */
  private async activity(language: ContentLanguage): Promise<ActivityModel> {
    const service = await this.quizService();
    const [progress, items, decks, checks] = await Promise.all([service.store.current(), service.items(), this.deps.content.decks(), this.deps.problems.checkTimes()]);
    const now = new Date();
    const stats = await service.stats(progress, now);
    const reports = this.store().reports();
    const calendar = core().activityCalendar({ reviews: progress.log.map((review) => review.review.getTime()), checks, mocks: reports.map((report) => report.finishedAt) }, now);
    const deckOfTopic = new Map(items.map((item) => [item.topicKey, item.deckId]));
    const tracks = core()
      .masteryPerTrack(stats.topics, deckOfTopic, decks.map((deck) => deck.id))
      .map((track) => {
        const deck = decks.find((candidate) => candidate.id === track.deckId);
        return { ...track, title: (deck && core().localize(deck.title, language)) ?? track.deckId };
      });
    return { calendar, streaks: core().streaks(calendar), tracks, trend: core().scoreTrend(reports) };
  }
}

export function registerMockModule(context: vscode.ExtensionContext, deps: MockModuleDependencies): MockModule {
  return new MockModuleImpl(context, deps);
}
