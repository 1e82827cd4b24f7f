// Everything the quiz needs once it is first used: created by registerQuiz.ts on first use, when it loads the core
// (ts-fsrs, YAML card files, zod schemas, markdown-it) through loadCore.ts.
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { ContentService } from '../content/contentService';
import { Disposable } from '../util/dispose';
import { logFailure } from '../util/log';
import type { ProblemsPublisher } from '../util/problems';
import type { QuizProblemBridge } from './problemBridge';
import type { ContentLanguage } from '../content/core/language';
import { ProgressPanelManager, PROGRESS_VIEW_TYPE } from './progressPanel';
import { QuizPanelManager, type QuizPanelHandle } from './quizPanel';
import { createQuizStore, QuizService } from './quizService';
import type { QuizStore } from './core/quizStore';
import type { TopicProgressSnapshot } from './core/topicProgress';

export { PROGRESS_VIEW_TYPE };

export class QuizRuntime extends Disposable {
  readonly service: QuizService;
  readonly quizPanels: QuizPanelManager;
  readonly progressPanels: ProgressPanelManager;

  constructor(
    private readonly context: vscode.ExtensionContext,
    content: ContentService,
    private readonly codeProblems: QuizProblemBridge,
    problems: ProblemsPublisher,
    onSnapshot: (snapshot: TopicProgressSnapshot) => void,
  ) {
    super();
    this.service = this.register(new QuizService(context, content, problems, codeProblems));
    this.quizPanels = this.register(new QuizPanelManager(context.extensionUri, this.service, codeProblems));
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
    return createQuizStore(this.context, () => this.service.scheduler());
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
          'This erases the schedule of {0} studied cards, the log of {1} reviews and what you solved of the practice problems, in every window and on every machine that syncs settings; all cards become new. Card files, topics and your attempt files are not touched. Export Progress first if you may want it back.',
          studied,
          progress.log.length,
        ),
      },
      erase,
    );
    if (choice !== erase) return false;
    await this.service.store.reset();
    await this.codeProblems.resetRecords();
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
    const json = core().exportProgressJson(await this.service.store.current(), new Date(), { problems: this.codeProblems.exportRecords() });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(json));
    void vscode.window.showInformationMessage(vscode.l10n.t('Quiz progress exported to {0}.', uri.fsPath));
    return uri;
  }

  /** Merges an exported progress file into this machine's progress, as two windows' progress merges. */
  async importProgress(source?: vscode.Uri): Promise<boolean> {
    const uri =
      source ??
      (
        await vscode.window.showOpenDialog({
          title: vscode.l10n.t('Import Quiz Progress'),
          canSelectMany: false,
          filters: { JSON: ['json'] },
          openLabel: vscode.l10n.t('Import'),
        })
      )?.[0];
    if (!uri) return false;
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a progress file: {1}', uri.fsPath, error instanceof Error ? error.message : String(error)));
      return false;
    }
    const loaded = core().loadProgress(raw);
    if (!loaded.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a progress file: {1}', uri.fsPath, loaded.message));
      return false;
    }
    const before = (await this.service.store.current()).log.length;
    const merged = await this.service.store.importProgress(loaded.progress);
    if (typeof raw === 'object' && raw !== null && 'problems' in raw) await this.codeProblems.importRecords(raw.problems);
    this.service.progressChanged();
    const added = merged.log.length - before;
    void vscode.window.showInformationMessage(
      added === 1 ? vscode.l10n.t('Imported 1 new review from {0}.', uri.fsPath) : vscode.l10n.t('Imported {0} new reviews from {1}.', added, uri.fsPath),
    );
    return true;
  }

  /**
   * Export Deck for Anki: every card, or one track's (`deckId`; asked when the command runs without a target), in one
   * language (asked likewise). A track becomes an Anki subdeck, "ML Interview Prep::<track>".
   */
  async exportAnkiDeck(target?: vscode.Uri, requestedLanguage?: ContentLanguage, requestedDeck?: string): Promise<vscode.Uri | undefined> {
    const language = requestedLanguage ?? (target ? this.service.language : await this.pickAnkiLanguage());
    if (!language) return undefined;
    const track = requestedDeck !== undefined || target ? { deckId: requestedDeck } : await this.pickAnkiTrack(language);
    if (!track) return undefined;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Deck for Anki'),
        defaultUri: this.defaultExportUri(`ml-interview-${track.deckId ? `${track.deckId}-` : ''}${language}.txt`),
        filters: { [vscode.l10n.t('Anki text import')]: ['txt'] },
      }));
    if (!uri) return undefined;
    // Loaded only here: it brings its own markdown-it for the LaTeX-keeping rules Anki needs.
    const { exportAnkiDeck } = core();
    const items = (await this.service.items()).filter((item) => track.deckId === undefined || item.deckId === track.deckId);
    const deckTitle = track.deckId === undefined ? undefined : await this.service.topicTitle(core().deckScope(track.deckId), language);
    const root = language === 'zh-cn' ? 'ML Interview Prep (中文)' : 'ML Interview Prep';
    const text = exportAnkiDeck(
      items.map((item) => item.card),
      { language, ...(deckTitle ? { deck: `${root}::${deckTitle}` } : {}) },
    );
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(items.length === 1
        ? vscode.l10n.t('1 card exported for Anki to {0}. In Anki: File → Import.', uri.fsPath)
        : vscode.l10n.t('{0} cards exported for Anki to {1}. In Anki: File → Import.', items.length, uri.fsPath));
    return uri;
  }

  /** All tracks, or one. */
  private async pickAnkiTrack(language: ContentLanguage): Promise<{ deckId: string | undefined } | undefined> {
    const decks = await this.service.decks();
    const items: (vscode.QuickPickItem & { deckId: string | undefined })[] = [
      { label: vscode.l10n.t('All tracks'), deckId: undefined },
      ...decks.map((deck) => ({ label: deck.title[language] ?? deck.title.en ?? deck.id, description: deck.id, deckId: deck.id })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Deck for Anki'), placeHolder: vscode.l10n.t('Which track should be exported?') });
    return picked ? { deckId: picked.deckId } : undefined;
  }

  /** Which language's cards to export (each language is its own Anki deck). */
  private async pickAnkiLanguage(): Promise<ContentLanguage | undefined> {
    const current = this.service.language;
    const items: (vscode.QuickPickItem & { language: ContentLanguage })[] = [
      { label: 'English', description: vscode.l10n.t('Anki deck "ML Interview Prep"'), language: 'en' },
      { label: '中文', description: vscode.l10n.t('Anki deck "ML Interview Prep (中文)"'), language: 'zh-cn' },
    ];
    if (current === 'zh-cn') items.reverse();
    return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Deck for Anki'), placeHolder: vscode.l10n.t('Which language should the cards be in?') }))?.language;
  }

  private defaultExportUri(name: string): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, name) : undefined;
  }
}
