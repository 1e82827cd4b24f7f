import * as vscode from 'vscode';
import { COMMANDS, INTERNAL_COMMANDS } from '../constants';
import type { DailyPlanSource } from '../mock/registerMock';
import { core } from '../loadCore';
import { topicKey, type ContentService } from '../content/contentService';
import type { Deck, LoadedTopic } from '../content/core/deckLoader';
import type { ContentLanguage } from '../content/core/language';
import type { TopicProgressSource } from '../quiz/progressSource';
import type { SnippetInfo } from '../snippets/core/catalog';
import { Disposable } from '../util/dispose';

/** How long the tree's first drawing waits for the quiz's progress figures (then it draws without them). */
const FIRST_DRAW_WAIT_MS = 1500;

export const OPEN_TOPIC_COMMAND = COMMANDS.openTopic;

export type TopicTreeNode =
  | { kind: 'deck'; deck: Deck; expanded: boolean }
  | { kind: 'topic'; topic: LoadedTopic }
  | { kind: 'snippet'; topic: LoadedTopic; snippet: SnippetInfo }
  | { kind: 'problems'; deck: Deck }
  | { kind: 'today' }
  | { kind: 'todayItem'; item: 'due' | 'topic' | 'problem' };

/** The sidebar tree: decks, their topics, and a pointer to the Problems panel when a deck has broken files. */
export class TopicTreeProvider extends Disposable implements vscode.TreeDataProvider<TopicTreeNode> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<TopicTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private progress: TopicProgressSource | undefined;
  private plan: DailyPlanSource | undefined;
  private readonly todayNode: TopicTreeNode = { kind: 'today' };
  /** Settles when VS Code's latest fetch of the Today entry's rows has been answered. */
  private todayRowsFetched: Promise<unknown> = Promise.resolve();
  /** Whether VS Code has asked for the top level (until then a redraw has nothing to redraw). */
  private rootShown = false;
  private readonly rootShownEmitter = this.register(new vscode.EventEmitter<void>());
  /** The tree's top level was handed to VS Code for the first time. */
  readonly onDidShowRoot = this.rootShownEmitter.event;
  private readonly todayItems = {
    due: { kind: 'todayItem', item: 'due' } as TopicTreeNode,
    topic: { kind: 'todayItem', item: 'topic' } as TopicTreeNode,
    problem: { kind: 'todayItem', item: 'problem' } as TopicTreeNode,
  };

  constructor(
    private readonly content: ContentService,
    private readonly snippets: { find(id: string): SnippetInfo | undefined; title(snippet: SnippetInfo, language: ContentLanguage): string },
  ) {
    super();
    this.register(content.onDidChange(() => this.changeEmitter.fire(undefined)));
  }

  /** Quiz progress arrives after the tree exists; from then on each topic shows it, and the view's badge the due count. */
  setProgressSource(progress: TopicProgressSource, view: vscode.TreeView<TopicTreeNode>): void {
    this.progress = progress;
    const showBadge = () => {
      const due = progress.dueCount();
      view.badge = due > 0 ? { value: due, tooltip: due === 1 ? vscode.l10n.t('1 quiz card due') : vscode.l10n.t('{0} quiz cards due', due) } : undefined;
    };
    this.register(progress.onDidChange(() => {
      showBadge();
      this.redrawAll();
    }));
    showBadge();
    this.redrawAll();
  }

  /** The daily plan: from then on a "Today" entry leads the tree, and follows the plan as it changes. */
  setDailyPlanSource(plan: DailyPlanSource): void {
    this.plan = plan;
    // Only the Today entry redraws: a redraw of the whole tree can swallow a click on a topic. Not while VS Code is
    // still fetching its rows (they wait for the first plan): a redraw then fetches them a second time, alongside,
    // and VS Code fails the second with "Element with id today:due is already registered".
    this.register(plan.onDidChange(() => {
      if (!this.rootShown) return;
      void this.todayRowsFetched.then(() => setTimeout(() => this.changeEmitter.fire(this.todayNode), 0));
    }));
    this.redrawAll();
  }

  /**
   * Redraws the whole tree, once it has been shown. A redraw right after the first one would swallow a click made
   * meanwhile (VS Code drops the rows' commands when it redraws them), so the first drawing waits a moment for the
   * progress figures instead (getChildren) and nothing redraws before it.
   */
  private redrawAll(): void {
    if (this.rootShown) this.changeEmitter.fire(undefined);
  }

  async getChildren(node?: TopicTreeNode): Promise<TopicTreeNode[]> {
    // The first deck and user decks open expanded; the other built-in decks start collapsed (VS Code then remembers).
    if (!node) {
      const decksLoading = this.content.decks();
      if (this.progress && !this.progress.loaded) await Promise.race([this.progress.whenLoaded(), new Promise((resolve) => setTimeout(resolve, FIRST_DRAW_WAIT_MS))]);
      const decks = (await decksLoading).map((deck, index) => this.deckNode(deck, index));
      if (!this.rootShown) {
        this.rootShown = true;
        this.rootShownEmitter.fire();
      }
      return this.plan ? [this.todayNode, ...decks] : decks;
    }
    if (node.kind === 'today') {
      // Always the same three rows, filled in place as the plan changes: rows that came and went would move every
      // row below them under the cursor.
      const rows = (async () => {
        await this.plan?.ready();
        return [this.todayItems.due, this.todayItems.topic, this.todayItems.problem];
      })();
      this.todayRowsFetched = rows.catch(() => undefined);
      return rows;
    }
    if (node.kind === 'topic') return this.snippetsOf(node.topic).map((snippet) => ({ kind: 'snippet', topic: node.topic, snippet }));
    if (node.kind !== 'deck') return [];
    const children: TopicTreeNode[] = node.deck.topics.map((topic) => this.topicNodeOf(topic));
    if (node.deck.problems.length > 0) children.push({ kind: 'problems', deck: node.deck });
    return children;
  }

  /** Lets the view reveal a topic (the tree's selection follows the active topic panel). */
  async getParent(node: TopicTreeNode): Promise<TopicTreeNode | undefined> {
    if (node.kind === 'deck' || node.kind === 'today') return undefined;
    if (node.kind === 'todayItem') return this.todayNode;
    if (node.kind === 'snippet') return this.topicNodeOf(node.topic);
    const deck = node.kind === 'topic' ? await this.content.deckOf(node.topic) : node.deck;
    if (!deck) return undefined;
    return this.deckNode(deck, (await this.content.decks()).indexOf(deck));
  }

  /** The tree node of a topic key, if the topic exists. */
  async topicNode(key: string): Promise<TopicTreeNode | undefined> {
    const topic = await this.content.findTopic(key);
    return topic ? this.topicNodeOf(topic) : undefined;
  }

  // getChildren and getParent hand VS Code the same node object for the same deck or topic: when revealing, it
  // registers elements by identity, and two objects for one id make it fail ("already registered").
  private readonly nodes = new WeakMap<object, TopicTreeNode>();

  private deckNode(deck: Deck, index: number): TopicTreeNode {
    let node = this.nodes.get(deck);
    if (!node) this.nodes.set(deck, (node = { kind: 'deck', deck, expanded: index === 0 || !deck.trusted }));
    return node;
  }

  private topicNodeOf(topic: LoadedTopic): TopicTreeNode {
    let node = this.nodes.get(topic);
    if (!node) this.nodes.set(topic, (node = { kind: 'topic', topic }));
    return node;
  }

  private todayItem(kind: 'due' | 'topic' | 'problem'): vscode.TreeItem {
    const plan = this.plan?.current();
    if (plan) return todayItemOf(plan, kind);
    const item = new vscode.TreeItem(kind === 'due' ? vscode.l10n.t('Loading today’s plan…') : '', vscode.TreeItemCollapsibleState.None);
    item.id = `today:${kind}`;
    return item;
  }

  /** The snippets a topic names in its front matter, in that order; unknown ids are skipped. */
  private snippetsOf(topic: LoadedTopic): SnippetInfo[] {
    return topic.snippets.flatMap((id) => this.snippets.find(id) ?? []);
  }

  getTreeItem(node: TopicTreeNode): vscode.TreeItem {
    const language = this.content.language;
    switch (node.kind) {
      case 'deck': {
        const state = node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(core().localize(node.deck.title, language) ?? node.deck.id, state);
        item.id = `deck:${node.deck.id}`;
        item.iconPath = new vscode.ThemeIcon(node.deck.trusted ? 'library' : 'folder-library');
        item.description = node.deck.topics.length === 1 ? vscode.l10n.t('1 topic') : vscode.l10n.t('{0} topics', node.deck.topics.length);
        item.tooltip = core().localize(node.deck.description, language) ?? (node.deck.trusted ? vscode.l10n.t('Built-in topics') : node.deck.folder);
        item.contextValue = node.deck.trusted ? 'deck.builtin' : 'deck.user';
        return item;
      }
      case 'topic': {
        const { topic } = node;
        const title = core().localize(topic.title, language) ?? topic.id;
        const hasSnippets = this.snippetsOf(topic).length > 0;
        const item = new vscode.TreeItem(title, hasSnippets ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `topic:${topicKey(topic)}`;
        const otherTitle = topic.title[core().otherLanguage(language)];
        const progress = this.progress?.topicProgress(topicKey(topic));
        const progressText = progress && progress.state !== 'new' ? describeProgress(progress) : undefined;
        // Once studied, the figures matter more than the title in the other language.
        if (progressText) item.description = progressText;
        else if (otherTitle && otherTitle !== title) item.description = otherTitle;
        const summary = core().localize(topic.summary, language);
        item.tooltip = new vscode.MarkdownString(
          [`**${escapeMarkdown(title)}**`, summary && escapeMarkdown(summary), progressText && `*${escapeMarkdown(progressText)}*`].filter(Boolean).join('\n\n'),
        );
        item.iconPath =
          progress?.state === 'mastered'
            ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green'))
            : new vscode.ThemeIcon(topic.icon ?? 'book', progress?.state === 'learning' ? new vscode.ThemeColor('charts.yellow') : undefined);
        item.contextValue = 'topic';
        item.command = { command: OPEN_TOPIC_COMMAND, title: vscode.l10n.t('Open Topic'), arguments: [topicKey(topic)] };
        return item;
      }
      case 'snippet': {
        const item = new vscode.TreeItem(`${node.snippet.id}.ts`, vscode.TreeItemCollapsibleState.None);
        item.id = `snippet:${topicKey(node.topic)}:${node.snippet.id}`;
        item.description = this.snippets.title(node.snippet, language);
        item.tooltip = core().localize(node.snippet.description, language);
        item.iconPath = new vscode.ThemeIcon('file-code');
        item.contextValue = 'snippet';
        item.command = { command: COMMANDS.openSnippet, title: vscode.l10n.t('Open Snippet'), arguments: [node.snippet.id] };
        return item;
      }
      case 'today': {
        const item = new vscode.TreeItem(vscode.l10n.t('Today'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'today';
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.tooltip = vscode.l10n.t('Today’s plan: the reviews due, one new topic and one practice problem, where your mastery is weakest.');
        item.contextValue = 'today';
        return item;
      }
      case 'todayItem':
        return this.todayItem(node.item);
      case 'problems': {
        const count = node.deck.problems.length;
        const item = new vscode.TreeItem(
          count === 1 ? vscode.l10n.t('1 file has a problem') : vscode.l10n.t('{0} problems in deck files', count),
          vscode.TreeItemCollapsibleState.None,
        );
        item.id = `problems:${node.deck.id}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.tooltip = node.deck.problems.map((p) => `${vscode.workspace.asRelativePath(p.file)}:${p.line + 1} ${p.message}`).join('\n');
        item.command = { command: 'workbench.actions.view.problems', title: vscode.l10n.t('Show Problems') };
        return item;
      }
    }
  }
}

function todayItemOf(plan: NonNullable<ReturnType<DailyPlanSource['current']>>, kind: 'due' | 'topic' | 'problem'): vscode.TreeItem {
  const none = vscode.TreeItemCollapsibleState.None;
  if (kind === 'due') {
    const item = new vscode.TreeItem(plan.due === 0 ? vscode.l10n.t('No reviews due') : plan.due === 1 ? vscode.l10n.t('1 review due') : vscode.l10n.t('{0} reviews due', plan.due), none);
    item.id = 'today:due';
    item.iconPath = new vscode.ThemeIcon('mortar-board');
    item.command = { command: COMMANDS.quizMe, title: vscode.l10n.t('Quiz Me') };
    return item;
  }
  if (kind === 'topic') {
    const item = new vscode.TreeItem(plan.newTopic?.title ?? vscode.l10n.t('Every topic started'), none);
    item.id = 'today:topic';
    item.iconPath = new vscode.ThemeIcon('book');
    if (plan.newTopic) {
      item.description = vscode.l10n.t('new topic');
      item.command = { command: OPEN_TOPIC_COMMAND, title: vscode.l10n.t('Open Topic'), arguments: [plan.newTopic.key] };
    }
    return item;
  }
  const item = new vscode.TreeItem(plan.problem?.title ?? vscode.l10n.t('No practice problem to suggest'), none);
  item.id = 'today:problem';
  item.iconPath = new vscode.ThemeIcon('code');
  if (plan.problem) {
    item.description = vscode.l10n.t('practice problem');
    item.command = { command: INTERNAL_COMMANDS.openPracticeProblem, title: vscode.l10n.t('Open Problem'), arguments: [plan.problem.id] };
  }
  return item;
}

function describeProgress(progress: { due: number; mastery: number }): string {
  const mastered = Math.round(progress.mastery * 100);
  return progress.due > 0 ? vscode.l10n.t('{0} due · {1}% mastered', progress.due, mastered) : vscode.l10n.t('{0}% mastered', mastered);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
