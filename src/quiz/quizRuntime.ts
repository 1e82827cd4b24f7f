// Everything the quiz needs once it is first used: created by registerQuiz.ts on first use, when it loads the core
// (ts-fsrs, YAML card files, zod schemas, markdown-it) through loadCore.ts.
import * as vscode from 'vscode';
import type { ContentService } from '../content/contentService';
import type { SnippetRunner } from '../snippets/snippetService';
import { Disposable } from '../util/dispose';
import { logFailure } from '../util/log';
import type { ProblemsPublisher } from '../util/problems';
import { CodeExercises } from './codeExercise';
import { ProgressPanelManager, PROGRESS_VIEW_TYPE } from './progressPanel';
import { QuizPanelManager, type QuizPanelHandle } from './quizPanel';
import { QuizService } from './quizService';
import type { ProgressMemento, QuizStore } from './core/quizStore';
import { core } from '../loadCore';
import type { TopicProgressSnapshot } from './core/topicProgress';

export { PROGRESS_VIEW_TYPE };

export class QuizRuntime extends Disposable {
  readonly service: QuizService;
  readonly quizPanels: QuizPanelManager;
  readonly progressPanels: ProgressPanelManager;

  constructor(
    private readonly context: vscode.ExtensionContext,
    content: ContentService,
    runner: SnippetRunner,
    problems: ProblemsPublisher,
    onSnapshot: (snapshot: TopicProgressSnapshot) => void,
  ) {
    super();
    this.service = this.register(new QuizService(context, content, problems));
    const exercises = new CodeExercises(context.extensionUri, runner);
    this.quizPanels = this.register(new QuizPanelManager(context.extensionUri, this.service, exercises));
    this.progressPanels = this.register(new ProgressPanelManager(context.extensionUri, this.service));
    let pending: ReturnType<typeof setTimeout> | undefined;
    const publish = () => {
      // Several changes in a row (a review, then the cards reload) make one update.
      clearTimeout(pending);
      pending = setTimeout(() => void this.service.snapshot().then(onSnapshot, logFailure('updating the quiz progress figures failed')), 50);
    };
    this.register(this.service.onDidChange(publish));
    this.register({ dispose: () => clearTimeout(pending) });
    publish();
  }

  openQuiz(topicKey: string | undefined): Promise<QuizPanelHandle> {
    return this.quizPanels.show(topicKey);
  }

  /** A store reading the same globalState, as a new window (or a restart) would: for tests. */
  freshStore(): QuizStore {
    return new (core().QuizStore)(this.context.globalState as ProgressMemento, () => this.service.scheduler());
  }

  async resetProgress(): Promise<boolean> {
    const progress = await this.service.store.current();
    const studied = Object.keys(progress.cards).length;
    const erase = vscode.l10n.t('Erase Progress');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Reset quiz progress?'),
      {
        modal: true,
        detail: vscode.l10n.t(
          'This erases the schedule of {0} studied cards and the log of {1} reviews in every window and on every machine that syncs settings; all cards become new. Card files and topics are not touched. Export Progress first if you may want it back.',
          studied,
          progress.log.length,
        ),
      },
      erase,
    );
    if (choice !== erase) return false;
    await this.service.store.reset();
    this.service.progressChanged();
    void vscode.window.showInformationMessage(vscode.l10n.t('Quiz progress was reset.'));
    return true;
  }

  async exportProgress(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Quiz Progress'),
        defaultUri: this.defaultExportUri('ml-interview-progress.json'),
        filters: { JSON: ['json'] },
      }));
    if (!uri) return undefined;
    const json = core().exportProgressJson(await this.service.store.current(), new Date());
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(json));
    void vscode.window.showInformationMessage(vscode.l10n.t('Quiz progress exported to {0}.', uri.fsPath));
    return uri;
  }

  async exportAnkiDeck(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const language = this.service.language;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Deck for Anki'),
        defaultUri: this.defaultExportUri(`ml-interview-${language}.txt`),
        filters: { [vscode.l10n.t('Anki text import')]: ['txt'] },
      }));
    if (!uri) return undefined;
    // Loaded only here: it brings its own markdown-it for the LaTeX-keeping rules Anki needs.
    const { exportAnkiDeck } = core();
    const items = await this.service.items();
    const text = exportAnkiDeck(
      items.map((item) => item.card),
      { language },
    );
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} cards exported for Anki to {1}. In Anki: File → Import.', items.length, uri.fsPath));
    return uri;
  }

  private defaultExportUri(name: string): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, name) : undefined;
  }
}
