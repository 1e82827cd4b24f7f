// Registers Quiz Me and its companions. The quiz runtime (panels, service, store) is created on first use; it loads
// the vscode-free core (ts-fsrs, YAML card files, markdown-it) through loadCore.ts.
import * as vscode from 'vscode';
import type { ContentService } from '../content/contentService';
import type { SnippetRunner } from '../snippets/snippetService';
import { Disposable } from '../util/dispose';
import type { ProblemsPublisher } from '../util/problems';
import type { QuizPanelHandle } from './quizPanel';
import { QuizRuntime } from './quizRuntime';
import type { TopicProgressInfo, TopicProgressSnapshot } from './core/topicProgress';
import type { TopicProgressSource } from './progressSource';

export interface QuizModuleDependencies {
  content: ContentService;
  runner: SnippetRunner;
  problems: ProblemsPublisher;
}

/** The module's registrations (dispose them) plus the figures for the tree. */
export interface QuizModule extends vscode.Disposable {
  readonly progress: TopicProgressSource;
}

export const QUIZ_COMMANDS = {
  quizMe: 'mlInterview.quizMe',
  quizTopic: 'mlInterview.quizTopic',
  showProgress: 'mlInterview.showProgress',
  resetProgress: 'mlInterview.resetProgress',
  exportProgress: 'mlInterview.exportProgress',
  exportAnkiDeck: 'mlInterview.exportAnkiDeck',
} as const;

const QUIZ_VIEW_TYPE = 'mlInterview.quiz';

/** The tree's view of quiz progress: filled in when the runtime publishes a snapshot. */
class ProgressSource extends Disposable implements TopicProgressSource {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private snapshot: TopicProgressSnapshot | undefined;

  get current(): TopicProgressSnapshot | undefined {
    return this.snapshot;
  }

  update(snapshot: TopicProgressSnapshot): void {
    this.snapshot = snapshot;
    this.emitter.fire();
  }

  topicProgress(topicKey: string): TopicProgressInfo | undefined {
    return this.snapshot?.topics[topicKey];
  }

  dueCount(): number {
    return this.snapshot?.due ?? 0;
  }
}

/** A topic key from the command argument: the key itself or a tree node. */
function topicKeyOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'object' && argument !== null && 'kind' in argument && argument.kind === 'topic' && 'topic' in argument) {
    return (argument as { topic: { key: string } }).topic.key;
  }
  return undefined;
}

class QuizModuleImpl extends Disposable implements QuizModule {
  readonly progress = this.register(new ProgressSource());
  private runtimePromise: Promise<QuizRuntime> | undefined;
  private readonly statusBar = this.register(vscode.window.createStatusBarItem('mlInterview.quizDue', vscode.StatusBarAlignment.Left, 50));
  private dayTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly deps: QuizModuleDependencies,
  ) {
    super();
    this.statusBar.name = vscode.l10n.t('ML Interview: Cards Due');
    this.statusBar.command = QUIZ_COMMANDS.quizMe;
    this.register(vscode.commands.registerCommand(QUIZ_COMMANDS.quizMe, () => this.openQuiz(undefined)));
    this.register(vscode.commands.registerCommand(QUIZ_COMMANDS.quizTopic, (argument: unknown) => this.quizTopic(argument)));
    this.register(vscode.commands.registerCommand(QUIZ_COMMANDS.showProgress, async () => (await this.runtime()).progressPanels.show()));
    this.register(vscode.commands.registerCommand(QUIZ_COMMANDS.resetProgress, async () => (await this.runtime()).resetProgress()));
    this.register(vscode.commands.registerCommand(QUIZ_COMMANDS.exportProgress, async (target?: vscode.Uri) => (await this.runtime()).exportProgress(target)));
    this.register(vscode.commands.registerCommand(QUIZ_COMMANDS.exportAnkiDeck, async (target?: vscode.Uri) => (await this.runtime()).exportAnkiDeck(target)));
    this.register(
      vscode.window.registerWebviewPanelSerializer(QUIZ_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => (await this.runtime()).quizPanels.deserializeWebviewPanel(panel, state),
      }),
    );
    this.register(this.progress.onDidChange(() => this.showDue()));
    this.register({ dispose: () => clearTimeout(this.dayTimer) });
    // The due count loads just after activation, never during it.
    const timer = setTimeout(() => void this.runtime(), 0);
    this.register({ dispose: () => clearTimeout(timer) });
  }

  /** Loads the quiz core once. */
  runtime(): Promise<QuizRuntime> {
    this.runtimePromise ??= Promise.resolve().then(() => {
      const runtime = new QuizRuntime(this.context, this.deps.content, this.deps.runner, this.deps.problems, (snapshot) => this.progress.update(snapshot));
      this.register(runtime);
      return runtime;
    });
    return this.runtimePromise;
  }

  /** Opens the quiz; the handle it returns is what integration tests drive. */
  async openQuiz(topicKey: string | undefined): Promise<QuizPanelHandle & { runtime: QuizRuntime }> {
    const runtime = await this.runtime();
    const handle = await runtime.openQuiz(topicKey);
    return {
      get topicKey() {
        return handle.topicKey;
      },
      get mainHtml() {
        return handle.mainHtml;
      },
      get view() {
        return handle.view;
      },
      send: (message) => handle.send(message),
      runtime,
    };
  }

  private async quizTopic(argument: unknown): Promise<(QuizPanelHandle & { runtime: QuizRuntime }) | undefined> {
    let key = topicKeyOf(argument);
    if (key === undefined) {
      const topics = await this.deps.content.topics();
      const language = this.deps.content.language;
      const picked = await vscode.window.showQuickPick(
        topics.map((topic) => ({ label: topic.title[language] ?? topic.title.en ?? topic.id, description: topic.id, key: topic.key })),
        { title: vscode.l10n.t('Quiz This Topic'), placeHolder: vscode.l10n.t('Choose a topic to quiz') },
      );
      key = picked?.key;
    }
    return key === undefined ? undefined : this.openQuiz(key);
  }

  private showDue(): void {
    const snapshot = this.progress.current;
    if (!snapshot) return;
    const due = snapshot.due;
    const tooltip =
      due > 0
        ? vscode.l10n.t('{0} quiz cards due, {1} new cards left today. Click to start Quiz Me.', due, snapshot.newToday)
        : vscode.l10n.t('No quiz cards due; {0} new cards left today. Click to start Quiz Me.', snapshot.newToday);
    this.statusBar.text = due > 0 ? `$(mortar-board) ${vscode.l10n.t('{0} due', due)}` : `$(mortar-board) ${snapshot.newToday > 0 ? vscode.l10n.t('{0} new', snapshot.newToday) : '0'}`;
    this.statusBar.tooltip = tooltip;
    this.statusBar.accessibilityInformation = { label: tooltip };
    this.statusBar.show();
    // Cards fall due with time: look again at the next due date (at most an hour away).
    clearTimeout(this.dayTimer);
    const wait = snapshot.nextDueAt ? snapshot.nextDueAt.getTime() - Date.now() + 1000 : Infinity;
    this.dayTimer = setTimeout(() => void this.runtime().then((runtime) => runtime.service.progressChanged()), Math.max(5000, Math.min(wait, 60 * 60_000)));
  }
}

/**
 * Registers Quiz Me, Quiz This Topic, Show Progress, Reset/Export Progress and Export Deck for Anki, the quiz panel's
 * serializer, the due-count status bar item and the Topics view badge. Returns a Disposable that also carries
 * `progress`, the per-topic figures for the tree.
 */
export function registerQuizModule(context: vscode.ExtensionContext, deps: QuizModuleDependencies): QuizModule {
  return new QuizModuleImpl(context, deps);
}
