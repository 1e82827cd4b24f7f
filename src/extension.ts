import * as vscode from 'vscode';
import { registerSnippetCommands } from './commands/snippetCommands';
import { registerTopicCommands } from './commands/topicCommands';
import { ContentService } from './content/contentService';
import { registerQuizModule } from './quiz/registerQuiz';
import { SnippetService } from './snippets/snippetService';
import { TopicTreeProvider, type TopicTreeNode } from './views/topicTree';
import { core } from './loadCore';
import { logDisposable } from './util/log';
import { ProblemsPublisher } from './util/problems';
import type { ChecklistStore } from './webview/core/checklistStore';
import { TopicPanelManager } from './webview/topicPanel';

export const TOPICS_VIEW_ID = 'mlInterview.topics';

/** What the extension exposes to its own integration tests (through `extension.exports`). */
export interface ExtensionApi {
  treeChildren(node?: TopicTreeNode): Promise<TopicTreeNode[]>;
  treeItem(node: TopicTreeNode): vscode.TreeItem;
  openTopicKeys(): string[];
  topicPanelHtml(key: string): string | undefined;
}

/** Wires services and registrations; every feature lives in its own module. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const problems = new ProblemsPublisher();
  const content = new ContentService(context.extensionUri, problems);
  const snippets = new SnippetService(context.extensionUri);
  const tree = new TopicTreeProvider(content, snippets);
  // The store lives in the core, which loads on first use: the first checklist read loads it, never activation.
  let checklistStore: ChecklistStore | undefined;
  const checklists = () => (checklistStore ??= new (core().ChecklistStore)(context.globalState));
  const panels = new TopicPanelManager(context.extensionUri, content, {
    snippetTitles: (ids, language) => ids.flatMap((id) => {
      const snippet = snippets.find(id);
      return snippet ? [{ id, title: snippets.title(snippet, language) }] : [];
    }),
    openSnippet: (id) => snippets.open(id),
    quizTopic: (key) => vscode.commands.executeCommand('mlInterview.quizTopic', key),
    checkedItems: (key) => checklists().checked(key),
    setCheckedItems: (key, checked) => checklists().setChecked(key, checked),
  });
  const treeView = vscode.window.createTreeView(TOPICS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const quiz = registerQuizModule(context, { content, runner: snippets, problems });
  tree.setProgressSource(quiz.progress, treeView);
  context.subscriptions.push(
    logDisposable,
    problems,
    content,
    snippets,
    tree,
    panels,
    treeView,
    registerTopicCommands(content, panels),
    registerSnippetCommands(content, snippets),
    quiz,
  );
  return {
    treeChildren: (node) => tree.getChildren(node),
    treeItem: (node) => tree.getTreeItem(node),
    openTopicKeys: () => panels.openTopicKeys,
    topicPanelHtml: (key) => panels.htmlOf(key),
  };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
