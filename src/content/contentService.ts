import * as path from 'node:path';
import * as vscode from 'vscode';
import { affects, setting } from '../settings';
import { logFailure } from '../util/log';
import type { ProblemsPublisher } from '../util/problems';
import { core } from '../loadCore';
import { Disposable } from '../util/dispose';
import type { Deck, LoadedTopic } from './core/deckLoader';
import type { ContentLanguage, LanguageSetting } from './core/language';


/** A topic's key is unique across decks: `<keyScope>/<topicId>` (see Deck.keyScope). */
export function topicKey(topic: LoadedTopic): string {
  return topic.key;
}

/**
 * Loads the built-in deck and the workspace's user decks, reports broken files in the Problems panel,
 * and reloads user decks when their files change.
 */
export class ContentService extends Disposable {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;
  private decksPromise: Promise<Deck[]> | undefined;
  private userDeckWatchers: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly problems: ProblemsPublisher,
  ) {
    super();
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, 'userDecks.folder')) this.reload();
        if (affects(event, 'language')) this.changeEmitter.fire();
      }),
    );
    this.register({ dispose: () => this.disposeWatchers() });
  }

  /** The extension's folder: the built-in content (its pack, dist/content.pack, and content/) is found from it. */
  get extensionRoot(): string {
    return this.extensionUri.fsPath;
  }

  /** The content language: the setting, or VS Code's display language when it is `auto`. */
  get language(): ContentLanguage {
    return core().resolveLanguage(setting('language') as LanguageSetting, vscode.env.language);
  }

  decks(): Promise<Deck[]> {
    if (!this.decksPromise) {
      const loading = this.loadAll();
      this.decksPromise = loading;
      // A load that failed is not kept: the next call (a file change, a refresh) tries again.
      loading.catch((error: unknown) => {
        if (this.decksPromise === loading) this.decksPromise = undefined;
        logFailure('loading the decks failed')(error);
      });
    }
    return this.decksPromise;
  }

  async topics(): Promise<LoadedTopic[]> {
    return (await this.decks()).flatMap((deck) => deck.topics);
  }

  async findTopic(key: string): Promise<LoadedTopic | undefined> {
    return (await this.topics()).find((topic) => topicKey(topic) === key);
  }

  async deckOf(topic: LoadedTopic): Promise<Deck | undefined> {
    return (await this.decks()).find((deck) => deck.id === topic.deckId);
  }

  reload(): void {
    this.decksPromise = undefined;
    this.changeEmitter.fire();
  }

  private async loadAll(): Promise<Deck[]> {
    const userFolders = this.userDeckFolders();
    this.watchUserDecks(userFolders);
    const [builtIn, ...user] = await Promise.all([
      // From the content pack the build writes; parsed from content/decks when there is none yet.
      core().builtInDecks(this.extensionRoot),
      ...userFolders.map(({ workspaceFolder, folder }) =>
        core().loadDeck({
          folder,
          trusted: false,
          fallback: { id: `user:${workspaceFolder.uri.toString()}`, title: { en: `${workspaceFolder.name} · ${path.basename(folder)}` } },
        }),
      ),
    ]);
    const decks = [...builtIn, ...user];
    this.publishProblems(decks);
    return decks.filter((deck) => deck.exists);
  }

  private userDeckFolders(): { workspaceFolder: vscode.WorkspaceFolder; folder: string }[] {
    return (vscode.workspace.workspaceFolders ?? [])
      .filter((workspaceFolder) => workspaceFolder.uri.scheme === 'file')
      .map((workspaceFolder) => {
        const relative = setting('userDecks.folder', workspaceFolder);
        return { workspaceFolder, folder: path.resolve(workspaceFolder.uri.fsPath, relative) };
      });
  }

  private watchUserDecks(folders: { workspaceFolder: vscode.WorkspaceFolder; folder: string }[]): void {
    this.disposeWatchers();
    for (const { workspaceFolder, folder } of folders) {
      const relative = path.relative(workspaceFolder.uri.fsPath, folder).split(path.sep).join('/');
      // Watch the folder itself too, so creating or deleting `.interview` is noticed.
      for (const glob of [`${relative}/*.md`, `${relative}/${core().DECK_MANIFEST}`, relative]) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(workspaceFolder, glob));
        const onChange = () => this.reload();
        this.userDeckWatchers.push(watcher, watcher.onDidCreate(onChange), watcher.onDidChange(onChange), watcher.onDidDelete(onChange));
      }
    }
  }

  private disposeWatchers(): void {
    for (const watcher of this.userDeckWatchers) watcher.dispose();
    this.userDeckWatchers = [];
  }

  private publishProblems(decks: Deck[]): void {
    this.problems.publish('decks', decks.flatMap((deck) => deck.problems));
  }
}
