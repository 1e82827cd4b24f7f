// Loads the practice problems — built in (content/problems) and each user deck's `problems/` folder — reports broken
// ones in the Problems panel, reloads a user deck's problems when they change, and keeps the learner's progress on
// them. Problems load on first use, never at activation.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ContentService } from '../content/contentService';
import type { Deck, LoadedTopic } from '../content/core/deckLoader';
import { core } from '../loadCore';
import { Disposable } from '../util/dispose';
import { logFailure } from '../util/log';
import type { ProblemsPublisher } from '../util/problems';
import type { ProblemCase } from './core/caseResults';
import type { Problem } from './core/problemLoader';
import type { ProblemProgressStore, ProblemRecord, ProblemEvent } from './core/problemProgress';

/** The folder of a user deck's own problems, in the problem format of content/problems. */
export const USER_PROBLEMS_FOLDER = 'problems';

/** A problem as the extension uses it: where it belongs and its key (progress, panels and test items use the key). */
export interface LoadedProblem extends Problem {
  /** `builtin/<id>` for built-in problems, `<deck keyScope>/<id>` for a user deck's. */
  key: string;
  /** The user deck it comes from; undefined for built-in problems. */
  userDeckId?: string;
  /** The track it is listed under: its user deck, else the deck of its first related topic that exists. */
  trackId?: string;
}

export class ProblemService extends Disposable {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  /** Problems were (re)loaded or the learner's progress changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly reloadEmitter = this.register(new vscode.EventEmitter<void>());
  /** The problems themselves were reloaded (not only the progress on them). */
  readonly onDidReload = this.reloadEmitter.event;
  private loading: Promise<LoadedProblem[]> | undefined;
  private readonly casesCache = new Map<string, Promise<ProblemCase[]>>();
  private progressStore: ProblemProgressStore | undefined;
  private watchers: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly diagnostics: ProblemsPublisher,
    private readonly memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void },
  ) {
    super();
    // Decks reloaded (a user deck appeared, a setting changed): their problems may have too.
    // The quiz reloads its cards on a deck change by itself: only a change of a problem file is news to it.
    this.register(content.onDidChange(() => this.reload({ problemFiles: false })));
    this.register({ dispose: () => this.disposeWatchers() });
  }

  /** python/harness.py of the extension. */
  get pythonHarness(): string {
    return vscode.Uri.joinPath(this.extensionUri, 'python', 'harness.py').fsPath;
  }

  get progress(): ProblemProgressStore {
    if (!this.progressStore) {
      this.progressStore = new (core().ProblemProgressStore)(this.memento);
      // Solved problems follow the learner through Settings Sync, with the quiz progress (the same list of keys).
      this.memento.setKeysForSync([...core().SYNCED_KEYS]);
    }
    return this.progressStore;
  }

  problems(): Promise<LoadedProblem[]> {
    if (!this.loading) {
      const loading = this.loadAll();
      this.loading = loading;
      loading.catch((error: unknown) => {
        if (this.loading === loading) this.loading = undefined;
        logFailure('loading the practice problems failed')(error);
      });
    }
    return this.loading;
  }

  async find(key: string): Promise<LoadedProblem | undefined> {
    return (await this.problems()).find((problem) => problem.key === key);
  }

  /** The problems a topic's front matter lists (`problems:`), in that order: its own deck's first, else built-in ones. */
  async forTopic(topic: LoadedTopic): Promise<LoadedProblem[]> {
    const scope = topic.key.slice(0, topic.key.length - topic.id.length - 1);
    const problems = await this.problems();
    return topic.problems.flatMap((id) => problems.find((p) => p.key === `${scope}/${id}`) ?? problems.find((p) => p.key === `${core().BUILT_IN_KEY_SCOPE}/${id}`) ?? []);
  }

  record(key: string): ProblemRecord | undefined {
    return this.progress.get(key);
  }

  async recordEvent(key: string, event: ProblemEvent): Promise<ProblemRecord> {
    const record = await this.progress.record(key, event);
    this.changeEmitter.fire();
    return record;
  }

  /** A problem's cases, read and validated once per load. */
  cases(problem: LoadedProblem): Promise<ProblemCase[]> {
    let cases = this.casesCache.get(problem.key);
    if (!cases) {
      cases = core()
        .loadProblemCases(problem)
        .then((result) => {
          if (result.ok) return result.cases;
          this.publish(result.problems, problem.key);
          throw new Error(result.problems[0]?.message ?? 'the cases could not be read');
        });
      this.casesCache.set(problem.key, cases);
      cases.catch(() => this.casesCache.delete(problem.key));
    }
    return cases;
  }

  reload(options: { problemFiles: boolean } = { problemFiles: true }): void {
    this.loading = undefined;
    this.casesCache.clear();
    this.changeEmitter.fire();
    if (options.problemFiles) this.reloadEmitter.fire();
  }

  /** Progress changed elsewhere (an import, a reset): redraw. */
  progressChanged(): void {
    this.changeEmitter.fire();
  }

  private seenProgress: string | undefined;

  /**
   * The window got the focus: redraw only if another window (or Settings Sync) wrote the progress meanwhile. Before
   * the progress store exists nothing shows it, so there is nothing to redraw.
   */
  refreshIfChangedElsewhere(): void {
    if (!this.progressStore) return;
    const stored = JSON.stringify(this.memento.get(core().PROBLEM_PROGRESS_KEY) ?? null);
    if (this.seenProgress !== undefined && stored !== this.seenProgress) this.changeEmitter.fire();
    this.seenProgress = stored;
  }

  private async loadAll(): Promise<LoadedProblem[]> {
    const decks = await this.content.decks();
    const userDecks = decks.filter((deck) => !deck.trusted);
    this.watch(userDecks);
    const [builtIn, ...user] = await Promise.all([
      // From the content pack the build writes; parsed from content/problems when there is none yet.
      core().builtInProblems(this.extensionUri.fsPath),
      ...userDecks.map((deck) => core().loadProblems(path.join(deck.folder, USER_PROBLEMS_FOLDER), { trusted: false })),
    ]);
    const topicDeck = new Map<string, string>();
    for (const deck of decks.filter((d) => d.trusted)) for (const topic of deck.topics) topicDeck.set(topic.id, deck.id);
    const loaded: LoadedProblem[] = builtIn.problems.map((problem) => ({
      ...problem,
      key: `${core().BUILT_IN_KEY_SCOPE}/${problem.id}`,
      trackId: problem.topics.map((id) => topicDeck.get(id)).find((id) => id !== undefined),
    }));
    userDecks.forEach((deck: Deck, index) => {
      for (const problem of user[index].problems) loaded.push({ ...problem, key: `${deck.keyScope}/${problem.id}`, userDeckId: deck.id, trackId: deck.id });
    });
    this.publish([...builtIn.diagnostics, ...user.flatMap((set) => set.diagnostics)]);
    return loaded;
  }

  private lastDiagnostics: { file: string; line: number; message: string }[] = [];

  /** Problem-file diagnostics: the loader's, plus a cases file found broken when a problem was checked. */
  private publish(diagnostics: { file: string; line: number; message: string }[], casesOf?: string): void {
    this.lastDiagnostics = casesOf === undefined ? diagnostics : [...this.lastDiagnostics, ...diagnostics];
    this.diagnostics.publish('problems', this.lastDiagnostics);
  }

  private watch(userDecks: readonly Deck[]): void {
    this.disposeWatchers();
    for (const deck of userDecks) {
      // Based on the deck folder, which exists: a watcher on a folder that does not exist yet never fires.
      const pattern = new vscode.RelativePattern(vscode.Uri.file(deck.folder), `${USER_PROBLEMS_FOLDER}/**`);
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const onChange = () => this.reload();
      this.watchers.push(watcher, watcher.onDidCreate(onChange), watcher.onDidChange(onChange), watcher.onDidDelete(onChange));
    }
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
  }
}
