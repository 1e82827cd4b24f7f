import * as vscode from 'vscode';
import { registerTopicCommands } from './commands/topicCommands';
import { ContentService } from './content/contentService';
import { TopicTreeProvider, type TopicTreeNode } from './views/topicTree';
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
  const content = new ContentService(context.extensionUri);
  const tree = new TopicTreeProvider(content);
  const panels = new TopicPanelManager(context.extensionUri, content);
  const treeView = vscode.window.createTreeView(TOPICS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(content, tree, panels, treeView, registerTopicCommands(content, panels));
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
