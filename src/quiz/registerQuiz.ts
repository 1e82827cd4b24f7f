import type * as vscode from 'vscode';
import type { ContentService } from '../content/contentService';
import type { SnippetRunner } from '../snippets/snippetService';
import type { TopicTreeNode } from '../views/topicTree';

export interface QuizModuleDependencies {
  content: ContentService;
  runner: SnippetRunner;
  treeView: vscode.TreeView<TopicTreeNode>;
}

/** Registers Quiz Me and its companions. Placeholder until the quiz UI lands: registers nothing yet. */
export function registerQuizModule(_context: vscode.ExtensionContext, _deps: QuizModuleDependencies): vscode.Disposable {
  return { dispose: () => undefined };
}
