// The vscode layer behind activation's registrations: content, trees' data, panels, snippets, practice problems
// (practice files, Check and the Testing view), the quiz, the mock interview and the daily plan. Loaded on first use
// through loadFeatures.ts (dist/features.js when built), never during activate(): extension.ts registers the commands,
// views and serializers (src/shell.ts) and these fill them in.
import * as vscode from 'vscode';
import { COMMANDS, WEBVIEW_TYPES } from './constants';
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
import type { Registrations, ShellView } from './shell';
import { SnippetService } from './snippets/snippetService';
import { disposeAll } from './util/dispose';
import type { WalkthroughProgress } from './util/walkthroughProgress';
import { TopicTreeProvider, type TopicTreeNode } from './views/topicTree';
import { TopicPanelManager } from './webview/topicPanel';

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

/** What activation made for the features. */
export interface ActivationShell {
  readonly registrations: Registrations;
  readonly topics: ShellView<TopicTreeNode>;
  readonly problems: ShellView<ProblemTreeNode>;
  readonly walkthrough: WalkthroughProgress;
}

export interface Features extends vscode.Disposable {
  readonly api: ExtensionApi;
}

/**
 * How long after the Topics tree first draws the Markdown libraries load: once the tree's own drawing is done, and
 * before a reader who has just seen it clicks a topic (then the first page renders in 10–20 ms instead of 37–105 ms,
 * while the workbench is loading its frame).
 */
const MARKDOWN_WARM_UP_DELAY_MS = 300;

/**
 * Loads and runs the Markdown libraries once, soon after the Topics tree first draws: the reader is about to open a
 * topic, and the first panel then does not wait for markdown-it, KaTeX and highlight.js to load.
 */
function warmUpMarkdownAfterFirstDraw(tree: TopicTreeProvider): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const shown = tree.onDidShowRoot(() => {
    shown.dispose();
    timer = setTimeout(() => core().sharedMarkdownEngine().warmUp(), MARKDOWN_WARM_UP_DELAY_MS);
  });
  return {
    dispose: () => {
      shown.dispose();
      clearTimeout(timer);
    },
  };
}

/** Wires services and registrations; every feature lives in its own module. */
export function startFeatures(context: vscode.ExtensionContext, shell: ActivationShell): Features {
  const { registrations, walkthrough } = shell;
  const problems = new ProblemsPublisher(vscode.Uri.joinPath(context.extensionUri, 'docs', 'deck-format.md'));
  const content = new ContentService(context.extensionUri, problems);
  const snippets = new SnippetService(context.extensionUri);
  const tree = new TopicTreeProvider(content, snippets);
  // The store lives in the core, which loads on first use: the first checklist read loads it.
  let checklistStore: ChecklistStore | undefined;
  const checklists = () => (checklistStore ??= new (core().ChecklistStore)(context.globalState));
  const practice = registerProblemsModule(context, { content, diagnostics: problems, snippets, registrations, view: shell.problems });
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
      activeTopic = key;
      await selectActiveTopic();
    },
    // After the page's first paint, so that the step's context key does not make the workbench redraw its menus
    // while it loads the panel.
    topicShown: () => walkthrough.record('openedTopic'),
  });
  const topicSerializer = registrations.registerWebviewPanelSerializer(WEBVIEW_TYPES.topic, panels);
  // A solved problem shows as solved in its topics' panels (a render that changes nothing is skipped).
  const solvedRefresh = practice.service.onDidChange(() => void panels.refresh());
  const treeView = shell.topics.view;
  shell.topics.connect(tree);
  const markdownWarmUp = warmUpMarkdownAfterFirstDraw(tree);
  // A panel activated while the tree was hidden, still loading or refreshing (progress figures redraw it) is selected
  // once the tree shows or has redrawn: VS Code cannot reveal an item the tree has not drawn yet.
  let activeTopic: string | undefined;
  // One reveal at a time, the calls meanwhile folded into one more: VS Code holds each reveal until the tree's pending
  // redraws are done, and several let go at once each fetch the top level again, alongside, registering its rows
  // twice ("Element with id today is already registered").
  const reveals = { running: false, again: false };
  const selectActiveTopic = async () => {
    if (reveals.running) {
      reveals.again = true;
      return;
    }
    reveals.running = true;
    try {
      do {
        reveals.again = false;
        await revealActiveTopic();
      } while (reveals.again);
    } finally {
      reveals.running = false;
    }
  };
  const revealActiveTopic = async () => {
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
  const selection = [treeView.onDidChangeVisibility(() => void selectActiveTopic()), tree.onDidChangeTreeData(() => setTimeout(() => void selectActiveTopic(), 0))];
  const quiz = registerQuizModule(context, { content, codeProblems: practice.quizBridge, problems, registrations, onQuizOpened: () => void walkthrough.record('tookQuiz') });
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
  const mock = registerMockModule(context, { content, quiz, progress: quiz.progress, problems: practice.mockSource, registrations });
  tree.setDailyPlanSource(mock.dailyPlan);
  // Released in this order, as VS Code releases context.subscriptions.
  const owned: vscode.Disposable[] = [
    logDisposable,
    problems,
    content,
    snippets,
    tree,
    markdownWarmUp,
    panels,
    topicSerializer,
    solvedRefresh,
    ...selection,
    registerTopicCommands(registrations, content, panels),
    registerSnippetCommands(registrations, content, snippets, () => void walkthrough.record('ranSnippet')),
    practice,
    quiz,
    mock,
  ];
  return {
    api: {
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
    },
    dispose: () => disposeAll(owned.splice(0)),
  };
}
