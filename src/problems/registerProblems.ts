// Registers the practice problems: the Problems view, the statement panels, the attempt files, Check (Testing view,
// CodeLens, editor-title button, status bar) and their commands. Nothing loads the core until it is used.
import * as vscode from 'vscode';
import { COMMANDS, WEBVIEW_TYPES } from '../constants';
import type { ContentService } from '../content/contentService';
import { core } from '../loadCore';
import type { SnippetService } from '../snippets/snippetService';
import { Disposable } from '../util/dispose';
import type { ProblemsPublisher } from '../util/problems';
import type { Registrations, ShellView } from '../shell';
import { CheckController, type CheckOutcome } from './checkController';
import type { PracticeLanguage } from './core/problemProgress';
import { PracticeFiles } from './practiceFiles';
import { ProblemCodeCards, ProblemsForMock } from './problemSources';
import { ProblemPanelManager } from './problemPanel';
import { ProblemService, type LoadedProblem } from './problemService';
import { ProblemsTreeProvider, type ProblemTreeNode } from './problemsTree';

export interface ProblemsModule extends vscode.Disposable {
  readonly service: ProblemService;
  readonly tree: ProblemsTreeProvider;
  readonly panels: ProblemPanelManager;
  readonly files: PracticeFiles;
  readonly onDidCheck: vscode.Event<CheckOutcome>;
  /** The code cards of Quiz Me: one per problem. */
  readonly quizBridge: ProblemCodeCards;
  /** The practice problems as the mock interview and the daily plan use them. */
  readonly mockSource: ProblemsForMock;
  check(problem: LoadedProblem, language: PracticeLanguage): Thenable<unknown>;
}

export interface ProblemsModuleDependencies {
  content: ContentService;
  diagnostics: ProblemsPublisher;
  snippets: SnippetService;
  /** Where the commands and the panel's serializer are registered (activation's stand-ins). */
  registrations: Registrations;
  /** The Problems view, created at activation. */
  view: ShellView<ProblemTreeNode>;
}

/** The problem a command was given: a key, a tree node, or nothing (then the learner picks one). */
function problemKeyOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'object' && argument !== null && 'kind' in argument && argument.kind === 'problem' && 'problem' in argument) {
    return (argument as { problem: LoadedProblem }).problem.key;
  }
  return undefined;
}

class ProblemsModuleImpl extends Disposable implements ProblemsModule {
  readonly service: ProblemService;
  readonly tree: ProblemsTreeProvider;
  readonly panels: ProblemPanelManager;
  readonly files = new PracticeFiles();
  private readonly checks: CheckController;
  readonly quizBridge: ProblemCodeCards;
  readonly mockSource: ProblemsForMock;

  constructor(context: vscode.ExtensionContext, { content, diagnostics, snippets, registrations, view }: ProblemsModuleDependencies) {
    super();
    this.service = this.register(new ProblemService(context.extensionUri, content, diagnostics, context.globalState));
    this.panels = this.register(new ProblemPanelManager(context.extensionUri, this.service, content, this.files, { check: (problem, language) => this.check(problem, language) }));
    this.checks = this.register(new CheckController(this.service, this.files, snippets, (problem) => this.panels.show(problem.key)));
    this.register(registrations.registerWebviewPanelSerializer(WEBVIEW_TYPES.problem, this.panels));
    this.tree = this.register(new ProblemsTreeProvider(this.service, content, context.globalState));
    view.connect(this.tree);
    this.tree.attach(view.view);
    const command = (id: string, run: (...args: unknown[]) => unknown) => this.register(registrations.registerCommand(id, run));
    command(COMMANDS.openProblem, async (argument) => {
      const key = problemKeyOf(argument) ?? (await this.pickProblem(vscode.l10n.t('Open a practice problem')));
      if (key) await this.panels.show(key);
    });
    command(COMMANDS.startProblemTs, (argument) => this.start(argument, 'ts'));
    command(COMMANDS.startProblemPy, (argument) => this.start(argument, 'py'));
    command(COMMANDS.resetProblem, (argument) => this.reset(argument));
    command(COMMANDS.checkSolution, (target) => this.checks.checkCommand(target));
    command(COMMANDS.filterProblems, () => this.tree.pickFilter());
    command(COMMANDS.clearProblemFilter, () => this.tree.setFilter({ difficulties: [], tags: [], unsolvedOnly: false }));
    command(COMMANDS.openPracticeFolder, () => this.openPracticeFolder());
    this.quizBridge = new ProblemCodeCards(this.service, this.files, this.checks, content, () => snippets.prepare());
    this.mockSource = this.register(new ProblemsForMock(this.service, this.files, this.panels, this.checks, this.quizBridge));
    // Another window (or Settings Sync) changed the progress: the tree and panels redraw when this window is focused.
    this.register(vscode.window.onDidChangeWindowState((state) => (state.focused ? this.service.refreshIfChangedElsewhere() : undefined)));
  }

  get onDidCheck(): vscode.Event<CheckOutcome> {
    return this.checks.onDidCheck;
  }

  check(problem: LoadedProblem, language: PracticeLanguage): Thenable<unknown> {
    return this.checks.check(problem, language);
  }

  private async pickProblem(title: string): Promise<string | undefined> {
    const problems = await this.service.problems();
    const language = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
    const picked = await vscode.window.showQuickPick(
      problems.map((problem) => ({
        label: core().localize(problem.title, language) ?? problem.id,
        description: `${problem.id} · ${problem.difficulty}`,
        detail: problem.tags.join(', '),
        key: problem.key,
      })),
      { title, matchOnDescription: true, matchOnDetail: true },
    );
    return picked?.key;
  }

  private async start(argument: unknown, language: PracticeLanguage): Promise<void> {
    const key = problemKeyOf(argument) ?? (await this.pickProblem(language === 'ts' ? vscode.l10n.t('Start a problem in TypeScript') : vscode.l10n.t('Start a problem in Python')));
    const problem = key ? await this.service.find(key) : undefined;
    if (!problem) return;
    await this.panels.show(problem.key);
    const { created } = await this.files.start(problem, language, vscode.ViewColumn.Beside);
    if (created) await this.service.recordEvent(problem.key, { kind: 'started', at: new Date() });
  }

  private async reset(argument: unknown): Promise<void> {
    const key = problemKeyOf(argument) ?? (await this.pickProblem(vscode.l10n.t('Reset an attempt to its starter')));
    const problem = key ? await this.service.find(key) : undefined;
    if (!problem) return;
    const existing = (await Promise.all((['py', 'ts'] as const).map(async (language) => ((await this.files.exists(problem, language)) ? [language] : [])))).flat();
    if (existing.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no attempt to reset yet.', problem.id));
      return;
    }
    const language =
      existing.length === 1
        ? existing[0]
        : (await vscode.window.showQuickPick(existing.map((l) => ({ label: l === 'ts' ? 'TypeScript' : 'Python', language: l })), { title: vscode.l10n.t('Which attempt?') }))?.language;
    if (language) await this.files.reset(problem, language);
  }

  private async openPracticeFolder(): Promise<void> {
    const folder = vscode.Uri.file(this.files.folder());
    await vscode.workspace.fs.createDirectory(folder);
    if (vscode.workspace.getWorkspaceFolder(folder)) {
      await vscode.commands.executeCommand('revealInExplorer', folder);
      return;
    }
    const copy = vscode.l10n.t('Copy Path');
    const open = vscode.l10n.t('Open in New Window');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Your attempts are in {0}.', folder.fsPath), copy, open);
    if (answer === copy) await vscode.env.clipboard.writeText(folder.fsPath);
    else if (answer === open) await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true });
  }
}

export function registerProblemsModule(context: vscode.ExtensionContext, deps: ProblemsModuleDependencies): ProblemsModule {
  return new ProblemsModuleImpl(context, deps);
}
