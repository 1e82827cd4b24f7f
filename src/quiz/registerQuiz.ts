// Registers Quiz Me and its companions. The quiz runtime (panels, service, store) is created on first use; it loads
// the vscode-free core (ts-fsrs, YAML card files, markdown-it) through loadCore.ts.
import * as vscode from 'vscode';
import { COMMANDS, WEBVIEW_TYPES } from '../constants';
import { core } from '../loadCore';
import type { ContentService } from '../content/contentService';
import { Disposable } from '../util/dispose';
import type { QuizPanelHandle } from './quizPanel';
import type { ProblemsPublisher } from '../util/problems';
import type { Registrations } from '../shell';
import { QuizRuntime } from './quizRuntime';
import type { TopicProgressInfo, TopicProgressSnapshot } from './core/topicProgress';
import type { TopicProgressSource } from './progressSource';
import type { QuizProblemBridge } from './problemBridge';

export interface QuizModuleDependencies {
  content: ContentService;
  /** The practice problems behind the code cards. */
  codeProblems: QuizProblemBridge;
  problems: ProblemsPublisher;
  /** Where the commands and the serializer are registered (activation's stand-ins). */
  registrations: Registrations;
  /** A quiz was opened (for the walkthrough). */
  onQuizOpened?(): void;
}

/** The module's registrations (dispose them) plus the figures for the tree. */
export interface QuizModule extends vscode.Disposable {
  readonly progress: TopicProgressSource;
  /** The quiz runtime (service, panels), loaded on first use; the mock interview shares it. */
  runtime(): Promise<QuizRuntime>;
}


const QUIZ_VIEW_TYPE = WEBVIEW_TYPES.quiz;

/** The tree's view of quiz progress: filled in when the runtime publishes a snapshot. */
class ProgressSource extends Disposable implements TopicProgressSource {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private snapshot: TopicProgressSnapshot | undefined;
  private markLoaded: () => void = () => undefined;
  private readonly firstLoad = new Promise<void>((resolve) => (this.markLoaded = resolve));

  get current(): TopicProgressSnapshot | undefined {
    return this.snapshot;
  }

  get loaded(): boolean {
    return this.snapshot !== undefined;
  }

  update(snapshot: TopicProgressSnapshot): void {
    this.snapshot = snapshot;
    this.emitter.fire();
    this.markLoaded();
  }

  whenLoaded(): Promise<void> {
    return this.firstLoad;
  }

  topicProgress(topicKey: string): TopicProgressInfo | undefined {
    return this.snapshot?.topics[topicKey];
  }

  dueCount(): number {
    return this.snapshot?.due ?? 0;
  }
}

/** A deck id from a tree node argument. */
function deckIdOf(argument: unknown): string | undefined {
  if (typeof argument === 'object' && argument !== null && 'kind' in argument && argument.kind === 'deck' && 'deck' in argument) {
    return (argument as { deck: { id: string } }).deck.id;
  }
  return undefined;
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
    this.statusBar.command = COMMANDS.quizMe;
    this.register(deps.registrations.registerCommand(COMMANDS.quizMe, () => this.openQuiz(undefined)));
    this.register(deps.registrations.registerCommand(COMMANDS.quizTopic, (argument: unknown, options?: unknown) => this.quizTopic(argument, options)));
    this.register(deps.registrations.registerCommand(COMMANDS.quizDeck, (argument: unknown, options?: unknown) => this.quizDeck(argument, options)));
    this.register(deps.registrations.registerCommand(COMMANDS.showProgress, async () => (await this.runtime()).progressPanels.show()));
    this.register(deps.registrations.registerCommand(COMMANDS.resetProgress, async () => (await this.runtime()).resetProgress()));
    this.register(deps.registrations.registerCommand(COMMANDS.exportProgress, async (target?: vscode.Uri) => (await this.runtime()).exportProgress(target)));
    this.register(
      deps.registrations.registerCommand(COMMANDS.exportAnkiDeck, async (target?: vscode.Uri, language?: unknown, deckId?: unknown) =>
        (await this.runtime()).exportAnkiDeck(target, language === 'en' || language === 'zh-cn' ? language : undefined, typeof deckId === 'string' ? deckId : undefined),
      ),
    );
    this.register(deps.registrations.registerCommand(COMMANDS.importProgress, async (source?: vscode.Uri) => (await this.runtime()).importProgress(source)));
    this.register(
      deps.registrations.registerWebviewPanelSerializer(QUIZ_VIEW_TYPE, {
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
      const runtime = new QuizRuntime(this.context, this.deps.content, this.deps.codeProblems, this.deps.problems, (snapshot) => this.progress.update(snapshot));
      this.register(runtime);
      return runtime;
    });
    return this.runtimePromise;
  }

  /** Opens the quiz; the handle it returns is what integration tests drive. */
  async openQuiz(topicKey: string | undefined): Promise<QuizPanelHandle & { runtime: QuizRuntime }> {
    const runtime = await this.runtime();
    const handle = await runtime.openQuiz(topicKey);
    this.deps.onQuizOpened?.();
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
      get inProgress() {
        return handle.inProgress;
      },
      send: (message) => handle.send(message),
      runtime,
    };
  }

  /**
   * Quiz This Topic. While another session is under way (cards answered), asks before replacing it; `{ replace: true }`
   * as the second argument skips the question (for callers that already asked).
   */
  private async quizTopic(argument: unknown, options?: unknown): Promise<(QuizPanelHandle & { runtime: QuizRuntime }) | undefined> {
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
    if (key === undefined) return undefined;
    return this.openScope(key, options);
  }

  /** Quiz This Track: every card of one deck. Takes a deck node of the tree, a deck id, or asks which deck. */
  private async quizDeck(argument: unknown, options?: unknown): Promise<(QuizPanelHandle & { runtime: QuizRuntime }) | undefined> {
    const decks = await this.deps.content.decks();
    let deckId = typeof argument === 'string' ? argument : deckIdOf(argument);
    if (deckId === undefined) {
      const language = this.deps.content.language;
      const picked = await vscode.window.showQuickPick(
        decks.map((deck) => ({ label: deck.title[language] ?? deck.title.en ?? deck.id, description: deck.topics.length === 1 ? vscode.l10n.t('1 topic') : vscode.l10n.t('{0} topics', deck.topics.length), id: deck.id })),
        { title: vscode.l10n.t('Quiz This Track'), placeHolder: vscode.l10n.t('Choose a track to quiz') },
      );
      deckId = picked?.id;
    }
    if (deckId === undefined || !decks.some((deck) => deck.id === deckId)) return undefined;
    return this.openScope(core().deckScope(deckId), options);
  }

  /** Opens a scoped session; while another is under way, asks first unless `{ replace: true }` is given. */
  private async openScope(key: string, options?: unknown): Promise<(QuizPanelHandle & { runtime: QuizRuntime }) | undefined> {
    const replace = typeof options === 'object' && options !== null && (options as { replace?: unknown }).replace === true;
    const current = (await this.runtime()).quizPanels.current;
    if (!replace && current && current.topicKey !== key && current.inProgress) {
      const title = (await (await this.runtime()).service.topicTitle(key)) ?? key;
      const replaceChoice = vscode.l10n.t('Replace Session');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('A quiz session is under way. End it and quiz "{0}" instead? Your answers so far are saved.', title),
        replaceChoice,
        vscode.l10n.t('Keep Current Session'),
      );
      if (choice !== replaceChoice) {
        const kept = await this.openQuiz(current.topicKey);
        return kept;
      }
    }
    return this.openQuiz(key);
  }

  private showDue(): void {
    const snapshot = this.progress.current;
    if (!snapshot) return;
    const due = snapshot.due;
    const dueText = due === 0 ? vscode.l10n.t('No quiz cards due') : due === 1 ? vscode.l10n.t('1 quiz card due') : vscode.l10n.t('{0} quiz cards due', due);
    const newText = snapshot.newToday === 1 ? vscode.l10n.t('1 new card left today') : vscode.l10n.t('{0} new cards left today', snapshot.newToday);
    const tooltip = vscode.l10n.t('{0}; {1}. Click to start Quiz Me.', dueText, newText);
    // One stable text, due and new together, so the item neither changes shape nor jumps as cards are answered.
    this.statusBar.text = `$(mortar-board) ${statusBarText(due, snapshot.newToday)}`;
    this.statusBar.tooltip = tooltip;
    this.statusBar.accessibilityInformation = { label: tooltip };
    this.statusBar.show();
    // Cards fall due with time: look again at the next due date (at most an hour away).
    clearTimeout(this.dayTimer);
    const wait = snapshot.nextDueAt ? snapshot.nextDueAt.getTime() - Date.now() + 1000 : Infinity;
    this.dayTimer = setTimeout(() => void this.runtime().then((runtime) => runtime.service.progressChanged()), Math.max(5000, Math.min(wait, 60 * 60_000)));
  }
}

/** The status bar's words: "3 due · 20 new", the same shape whatever the counts. */
export function statusBarText(due: number, newToday: number): string {
  return vscode.l10n.t('{0} due · {1} new', due, newToday);
}

/**
 * Registers Quiz Me, Quiz This Topic, Show Progress, Reset/Export Progress and Export Deck for Anki, the quiz panel's
 * serializer, the due-count status bar item and the Topics view badge. Returns a Disposable that also carries
 * `progress`, the per-topic figures for the tree.
 */
export function registerQuizModule(context: vscode.ExtensionContext, deps: QuizModuleDependencies): QuizModule {
  return new QuizModuleImpl(context, deps);
}
