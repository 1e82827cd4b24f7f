import * as vscode from 'vscode';
import { COMMANDS, VIEWS } from './constants';
import { core } from './loadCore';
import { logDisposable } from './util/log';
import { ProblemsPublisher } from './util/problems';
import type { ChecklistStore } from './webview/core/checklistStore';
import { registerSnippetCommands } from './commands/snippetCommands';
import { registerTopicCommands } from './commands/topicCommands';
import { ContentService, topicKey } from './content/contentService';
import { registerProblemsModule } from './problems/registerProblems';
import type { ProblemTreeNode } from './problems/problemsTree';
import { registerQuizModule } from './quiz/registerQuiz';
import { registerMockModule } from './mock/registerMock';
import { SnippetService } from './snippets/snippetService';
import { TopicTreeProvider, type TopicTreeNode } from './views/topicTree';
import { WalkthroughProgress } from './util/walkthroughProgress';
import { TopicPanelManager } from './webview/topicPanel';

export const TOPICS_VIEW_ID = VIEWS.topics;
/** How long after activation the walkthrough's context keys are set (see activate). */
const WALKTHROUGH_RESTORE_DELAY_MS = 4000;

/** What the extension exposes to its own integration tests (through `extension.exports`). */
export interface ExtensionApi {
  treeChildren(node?: TopicTreeNode): Promise<TopicTreeNode[]>;
  treeItem(node: TopicTreeNode): vscode.TreeItem;
  openTopicKeys(): string[];
  topicPanelHtml(key: string): string | undefined;
  /** Keys of the topics selected in the tree. */
  treeSelection(): string[];
  problemsTreeChildren(node?: ProblemTreeNode): Promise<ProblemTreeNode[]>;
  problemsTreeItem(node: ProblemTreeNode): vscode.TreeItem;
  openProblemKeys(): string[];
  problemPanelHtml(key: string): string | undefined;
  /** Where attempts are written now. */
  practiceFolder(): string;
}

/** Wires services and registrations; every feature lives in its own module. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const problems = new ProblemsPublisher(vscode.Uri.joinPath(context.extensionUri, 'docs', 'deck-format.md'));
  const content = new ContentService(context.extensionUri, problems);
  const snippets = new SnippetService(context.extensionUri);
  const tree = new TopicTreeProvider(content, snippets);
  // The store lives in the core, which loads on first use: the first checklist read loads it, never activation.
  let checklistStore: ChecklistStore | undefined;
  const checklists = () => (checklistStore ??= new (core().ChecklistStore)(context.globalState));
  // Steps done before (another session, window or machine) tick the walkthrough. Not during start-up: VS Code 1.100
  // takes a context key that is already set when it registers the walkthrough as seen and never ticks the step, and a
  // view or panel restored at start-up activates the extension before that registration.
  const walkthrough = new WalkthroughProgress(context.globalState, (key, value) => vscode.commands.executeCommand('setContext', key, value));
  const restoreTimer = setTimeout(() => void walkthrough.restore(), WALKTHROUGH_RESTORE_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(restoreTimer) });
  const practice = registerProblemsModule(context, content, problems, snippets);
  const panels = new TopicPanelManager(context.extensionUri, content, {
    snippetTitles: (ids, language) => ids.flatMap((id) => {
      const snippet = snippets.find(id);
      return snippet ? [{ id, title: snippets.title(snippet, language) }] : [];
    }),
    openSnippet: (id) => snippets.open(id),
    quizTopic: (key) => vscode.commands.executeCommand(COMMANDS.quizTopic, key),
    problemsOf: async (topic, language) =>
      (await practice.service.forTopic(topic)).map((problem) => ({
        key: problem.key,
        title: core().localize(problem.title, language) ?? problem.id,
        difficulty: problem.difficulty,
        solved: core().problemStatus(practice.service.record(problem.key)) === 'solved',
      })),
    openProblem: (key) => practice.panels.show(key),
    checkedItems: (key) => checklists().checked(key),
    setCheckedItems: (key, checked) => checklists().setChecked(key, checked),
    // The tree's selection follows the active topic panel, when the tree is showing (never opens the sidebar).
    topicActivated: async (key) => {
      void walkthrough.record('openedTopic');
      activeTopic = key;
      await selectActiveTopic();
    },
  });
  // A solved problem shows as solved in its topics' panels (a render that changes nothing is skipped).
  context.subscriptions.push(practice.service.onDidChange(() => void panels.refresh()));
  const treeView = vscode.window.createTreeView(TOPICS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  // A panel activated while the tree was hidden, still loading or refreshing (progress figures redraw it) is selected
  // once the tree shows or has redrawn: VS Code cannot reveal an item the tree has not drawn yet.
  let activeTopic: string | undefined;
  const selectActiveTopic = async () => {
    if (!treeView.visible || activeTopic === undefined) return;
    if (treeView.selection.some((node) => node.kind === 'topic' && topicKey(node.topic) === activeTopic)) return;
    const node = await tree.topicNode(activeTopic);
    if (!node) return;
    try {
      await treeView.reveal(node, { select: true, focus: false, expand: false });
    } catch {
      // Not drawn yet: the next redraw or visibility change tries again.
    }
  };
  context.subscriptions.push(
    treeView.onDidChangeVisibility(() => void selectActiveTopic()),
    tree.onDidChangeTreeData(() => setTimeout(() => void selectActiveTopic(), 0)),
  );
  const quiz = registerQuizModule(context, { content, codeProblems: practice.quizBridge, problems, onQuizOpened: () => void walkthrough.record('tookQuiz') });
  tree.setProgressSource(quiz.progress, treeView);
  // The mock interview rates a problem on its code card, and the daily plan asks which are due: both through the
  // quiz's store, which the problems module does not own.
  practice.quizBridge.rateCard = async (item, rating) => {
    const { service } = await quiz.runtime();
    const progress = await service.store.current();
    await service.store.record(service.scheduler().rate(item.id, progress.cards[item.id], rating, new Date()));
    service.progressChanged();
  };
  practice.mockSource.dueCards = async () => {
    const { store } = (await quiz.runtime()).service;
    const now = Date.now();
    return new Set(Object.entries((await store.current()).cards).flatMap(([id, card]) => (card.due.getTime() <= now ? [id] : [])));
  };
  const mock = registerMockModule(context, { content, quiz, progress: quiz.progress, problems: practice.mockSource });
  tree.setDailyPlanSource(mock.dailyPlan);
  context.subscriptions.push(
    logDisposable,
    problems,
    content,
    snippets,
    tree,
    panels,
    treeView,
    registerTopicCommands(content, panels),
    registerSnippetCommands(content, snippets, () => void walkthrough.record('ranSnippet')),
    practice,
    quiz,
    mock,
  );
  return {
    treeChildren: (node) => tree.getChildren(node),
    treeItem: (node) => tree.getTreeItem(node),
    openTopicKeys: () => panels.openTopicKeys,
    topicPanelHtml: (key) => panels.htmlOf(key),
    treeSelection: () => treeView.selection.flatMap((node) => (node.kind === 'topic' ? [topicKey(node.topic)] : [])),
    problemsTreeChildren: (node) => practice.tree.getChildren(node),
    problemsTreeItem: (node) => practice.tree.getTreeItem(node),
    openProblemKeys: () => practice.panels.openProblemKeys,
    problemPanelHtml: (key) => practice.panels.htmlOf(key),
    practiceFolder: () => practice.files.folder(),
  };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
