import * as vscode from 'vscode';
import { COMMANDS, VIEWS, WEBVIEW_TYPES } from './constants';
import type { ActivationShell, ExtensionApi, Features } from './features';
import { features } from './loadFeatures';
import type { ProblemTreeNode } from './problems/problemsTree';
import { DeferredRegistrations, LazyTreeDataProvider } from './shell';
import { WalkthroughProgress } from './util/walkthroughProgress';
import type { TopicTreeNode } from './views/topicTree';

export type { ExtensionApi } from './features';

export const TOPICS_VIEW_ID = VIEWS.topics;
/** How long after activation the walkthrough is told of the steps done before (see activate). */
const WALKTHROUGH_RESTORE_DELAY_MS = 4000;
/** The panels VS Code restores after a reload (package.json's onWebviewPanel activation events). */
const RESTORED_PANELS = [WEBVIEW_TYPES.topic, WEBVIEW_TYPES.quiz, WEBVIEW_TYPES.problem, WEBVIEW_TYPES.mock];

/**
 * Registers, and nothing else: every contributed command, the restored panels' serializers and both views, each
 * standing in for the features (src/features.ts), which load on first use or just after activation, never during it.
 * Activation reads no settings, state or files and creates no watchers.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  let started: Features | undefined;
  let starting = false;
  const start = (): Features => {
    if (started) return started;
    if (starting) throw new Error('the features were asked for while they were loading');
    starting = true;
    try {
      started = features().startFeatures(context, shell);
    } finally {
      starting = false;
    }
    return started;
  };
  const load = () => void start();
  const registrations = new DeferredRegistrations(Object.values(COMMANDS), RESTORED_PANELS, load);
  const topicsTree = new LazyTreeDataProvider<TopicTreeNode>(load);
  const problemsTree = new LazyTreeDataProvider<ProblemTreeNode>(load);
  const topicsView = vscode.window.createTreeView(VIEWS.topics, { treeDataProvider: topicsTree, showCollapseAll: true });
  const problemsView = vscode.window.createTreeView(VIEWS.problems, { treeDataProvider: problemsTree, showCollapseAll: true });
  // Steps done before (another session, window or machine) tick the walkthrough, a little after start-up so that
  // start-up stays the workbench's.
  const walkthrough = new WalkthroughProgress(context.globalState, context.extension.id, {
    setContext: (key, value) => vscode.commands.executeCommand('setContext', key, value),
    markStepComplete: (stepId) => vscode.commands.executeCommand('welcome.markStepComplete', stepId),
  });
  const shell: ActivationShell = {
    registrations,
    topics: { view: topicsView, connect: (provider) => topicsTree.connect(provider) },
    problems: { view: problemsView, connect: (provider) => problemsTree.connect(provider) },
    walkthrough,
  };
  const restoreTimer = setTimeout(() => void walkthrough.restore(), WALKTHROUGH_RESTORE_DELAY_MS);
  // Just after activation: the due count in the status bar, the Testing view's controller for an open practice file,
  // an interview's paused clock. Every way the extension activates (a view, a command, a restored panel) needs them
  // at once anyway.
  const startTimer = setTimeout(load, 0);
  context.subscriptions.push(
    { dispose: () => clearTimeout(restoreTimer) },
    { dispose: () => clearTimeout(startTimer) },
    { dispose: () => started?.dispose() },
    registrations,
    topicsView,
    problemsView,
    topicsTree,
    problemsTree,
  );
  const api = () => start().api;
  return {
    treeChildren: (node) => api().treeChildren(node),
    treeItem: (node) => api().treeItem(node),
    openTopicKeys: () => api().openTopicKeys(),
    topicPanelHtml: (key) => api().topicPanelHtml(key),
    treeSelection: () => api().treeSelection(),
    problemsTreeChildren: (node) => api().problemsTreeChildren(node),
    problemsTreeItem: (node) => api().problemsTreeItem(node),
    openProblemKeys: () => api().openProblemKeys(),
    problemPanelHtml: (key) => api().problemPanelHtml(key),
    practiceFolder: () => api().practiceFolder(),
  };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
