// The quiz's data on the host: the cards of every deck (loaded on first use, reloaded when decks change), the
// progress store in globalState, the live settings, and per-topic figures for the tree and the status bar.
import * as vscode from 'vscode';
import type { QuizScheduler } from './core/scheduler';
import { core } from '../loadCore';
import type { ContentService } from '../content/contentService';
import { logFailure } from '../util/log';
import type { LocatedProblem, ProblemsPublisher } from '../util/problems';
import { SETTINGS_SECTION, setting } from '../settings';
import { Disposable } from '../util/dispose';
import type { ProgressStats, QuizProgress } from './core/progressStore';
import type { QuizItem } from './core/quizItems';
import type { SessionSettings } from './core/quizSession';
import type { ProgressMemento, Recovery, QuizStore } from './core/quizStore';
import type { TopicProgressSnapshot } from './core/topicProgress';
import type { QuizProblemBridge } from './problemBridge';

export const QUIZ_SETTINGS = `${SETTINGS_SECTION}.quiz`;

/** The quiz's store over this machine's globalState and review log file (a new one reads as a new window would). */
export function createQuizStore(context: vscode.ExtensionContext, scheduler: () => QuizScheduler, onRecovered?: (recovery: Recovery) => void): QuizStore {
  const history = new (core().ReviewHistoryFile)(vscode.Uri.joinPath(context.globalStorageUri, core().REVIEW_HISTORY_FILE).fsPath);
  return new (core().QuizStore)(context.globalState as ProgressMemento, history, scheduler, () => new Date(), onRecovered);
}

export class QuizService extends Disposable {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  /** Cards, progress or settings changed. */
  readonly onDidChange = this.changeEmitter.event;
  private itemsPromise: Promise<QuizItem[]> | undefined;
  private schedulerCache: QuizScheduler | undefined;
  private shownProblems = '';
  readonly store: QuizStore;

  constructor(
    context: vscode.ExtensionContext,
    private readonly content: ContentService,
    private readonly problems: ProblemsPublisher,
    private readonly codeProblems: QuizProblemBridge,
  ) {
    super();
    context.globalState.setKeysForSync([...core().SYNCED_KEYS]);
    this.store = createQuizStore(context, () => this.scheduler(), (recovery) => this.warnRecovered(recovery));
    this.register(content.onDidChange(() => this.reloadCards()));
    this.register(codeProblems.onDidReloadProblems(() => this.reloadCards()));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/*${core().USER_CARD_FILE_SUFFIX}`));
    for (const event of [watcher.onDidCreate, watcher.onDidChange, watcher.onDidDelete]) this.register(event(() => this.reloadCards()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(QUIZ_SETTINGS)) this.changeEmitter.fire();
      }),
    );
  }

  get language() {
    return this.content.language;
  }

  /** Daily limits, read live from the settings. */
  settings(): SessionSettings {
    return { newPerDay: setting('quiz.newCardsPerDay'), reviewsPerDay: setting('quiz.reviewsPerDay') };
  }

  /** The scheduler for the current desired retention (rebuilt when the setting changes). */
  scheduler(): QuizScheduler {
    const retention = setting('quiz.desiredRetention');
    if (this.schedulerCache?.desiredRetention !== new (core().QuizScheduler)({ desiredRetention: retention }).desiredRetention) {
      this.schedulerCache = new (core().QuizScheduler)({ desiredRetention: retention });
    }
    return this.schedulerCache;
  }

  items(): Promise<QuizItem[]> {
    if (!this.itemsPromise) {
      const loading = this.loadItems();
      this.itemsPromise = loading;
      // A load that failed is not kept: the next change to a card file or deck tries again.
      loading.catch((error: unknown) => {
        if (this.itemsPromise === loading) this.itemsPromise = undefined;
        logFailure('loading the quiz cards failed')(error);
      });
    }
    return this.itemsPromise;
  }

  reloadCards(): void {
    this.itemsPromise = undefined;
    this.changeEmitter.fire();
  }

  /** Tells listeners that progress changed (after a review, a reset). */
  progressChanged(): void {
    this.changeEmitter.fire();
  }

  decks(): ReturnType<ContentService['decks']> {
    return this.content.decks();
  }

  /** A display title for a quiz scope: a topic key, or a deck (`deck:<id>`). */
  async topicTitle(topicKey: string, language = this.language): Promise<string | undefined> {
    const deckId = core().deckOfScope(topicKey);
    if (deckId !== undefined) {
      const deck = (await this.content.decks()).find((candidate) => candidate.id === deckId);
      return deck ? core().localize(deck.title, language) : undefined;
    }
    const topic = await this.content.findTopic(topicKey);
    const title = topic ? topic.title : (await this.items()).find((item) => item.topicKey === topicKey)?.topicTitle;
    return title ? (title[language] ?? title.en ?? title['zh-cn']) : undefined;
  }

  async stats(progress: QuizProgress, now = new Date()): Promise<ProgressStats> {
    const items = await this.items();
    return core().computeProgressStats(progress, items.map((item) => ({ id: item.id, topic: item.topicKey })), now);
  }

  /** Per-topic due counts and mastery for the tree, the badge and the status bar. */
  async snapshot(now = new Date()): Promise<TopicProgressSnapshot> {
    const progress = await this.store.current();
    const items = await this.items();
    const stats = await this.stats(progress, now);
    const settings = this.settings();
    const cards = items.map((item) => ({ id: item.id, topic: item.topicKey }));
    const queue = core().buildQueue(cards, progress.cards, progress.log, now, settings);
    const due = queue.entries.filter((entry) => entry.reason !== 'new').length;
    const newToday = queue.entries.filter((entry) => entry.reason === 'new').length;
    const topics: TopicProgressSnapshot['topics'] = {};
    for (const topic of stats.topics) {
      const state = topic.newCards === topic.cards ? 'new' : topic.mastered === topic.cards ? 'mastered' : 'learning';
      topics[topic.topic] = { due: topic.due, mastery: topic.mastery, state };
    }
    return { due, newToday, nextDueAt: queue.nextDueAt, topics };
  }

  private async loadItems(): Promise<QuizItem[]> {
    const decks = await this.content.decks();
    // The built-in decks' cards come from the content pack (parsed from their card files when there is none yet);
    // a user deck's are parsed from its files.
    const builtIn = decks.filter((deck) => deck.trusted);
    const builtInResults = core().builtInDeckItems(this.content.extensionRoot, builtIn);
    const results = await Promise.all(
      decks.map(async (deck) => (deck.trusted ? (await builtInResults)[builtIn.indexOf(deck)] : core().deckItems(deck, await core().readCardFiles(deck.cardsFolder, false)))),
    );
    const merged = core().mergeDeckItems(results);
    this.publishProblems(merged.problems);
    // Every practice problem is a code card; a card file may give one its own prompt, and then that card stands.
    const named = new Set(merged.items.flatMap((item) => (item.card.kind === 'code' ? [`${item.deckId}:${core().problemOf(item.card)}`] : [])));
    const fromProblems = (await this.codeProblems.cardItems()).filter((item) => !named.has(`${item.deckId}:${core().problemOf(item.card)}`));
    // Every item passes here, whatever made it (a deck's card files, the content pack, a problem): interned once per
    // load, as the queue and the figures look every id up in the progress record (see internString).
    const { internString } = core();
    return [...merged.items, ...fromProblems].map((item) => ({ ...item, id: internString(item.id), topicKey: internString(item.topicKey) }));
  }

  private publishProblems(problems: LocatedProblem[]): void {
    this.problems.publish('cards', problems);
    // Warn once per distinct set of problems, not on every reload.
    const text = problems.map((problem) => problem.message).join('\n');
    const isNew = text !== this.shownProblems;
    this.shownProblems = text;
    if (problems.length > 0 && isNew) {
      void vscode.window
        .showWarningMessage(problems.length === 1
            ? vscode.l10n.t('1 problem in a quiz card file: those cards are left out of quizzes. See the Problems panel.')
            : vscode.l10n.t('{0} problems in quiz card files: those cards are left out of quizzes. See the Problems panel.', problems.length), vscode.l10n.t('Show Problems'))
        .then((choice) => (choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
    }
  }

  private warnRecovered(recovery: Recovery): void {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} The unreadable data was kept in the extension\'s global state under the key "{1}"; Export Progress does not include it.',
        recovery.reason,
        recovery.backupKey,
      ),
    );
  }
}
