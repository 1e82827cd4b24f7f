// Check: runs the learner's attempt against every case of its problem and reports through VS Code's Testing view (one
// item per problem, one child per case, a failure with its expected/actual diff), the status bar, and a diagnostic at
// the line an error came from. Also the CodeLens over the checked function and the editor-title button's context key.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS, CONTEXT_KEYS } from '../constants';
import { core } from '../loadCore';
import { setting } from '../settings';
import type { SnippetService } from '../snippets/snippetService';
import { Disposable } from '../util/dispose';
import { explainTrustNeeded } from '../util/workspaceTrust';
import type { CaseResult, CheckReport } from './core/caseResults';
import type { PracticeLanguage } from './core/problemProgress';
import type { PracticeFiles } from './practiceFiles';
import type { LoadedProblem, ProblemService } from './problemService';
import { difficultyLabel } from './problemsTree';
import { resolvePython } from './pythonInterpreter';

export const TEST_CONTROLLER_ID = 'mlInterview.problems';

/** What one check found, for the other features (the problem panel, the quiz's code cards, mock interviews). */
export interface CheckOutcome {
  problemKey: string;
  language: PracticeLanguage;
  report: CheckReport;
  /** Every case passed for the first time ever with this check. */
  firstSolve: boolean;
}

const NUMPY_INSTALL = 'python3 -m pip install numpy';
const STARTUP_DELAY_MS = 1500;

export class CheckController extends Disposable implements vscode.CodeLensProvider {
  private readonly controller = this.register(vscode.tests.createTestController(TEST_CONTROLLER_ID, vscode.l10n.t('Practice problems')));
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('mlInterview.check'));
  private readonly statusBar = this.register(vscode.window.createStatusBarItem('mlInterview.problemCheck', vscode.StatusBarAlignment.Left, 49));
  private readonly checkedEmitter = this.register(new vscode.EventEmitter<CheckOutcome>());
  readonly onDidCheck = this.checkedEmitter.event;
  private readonly lensEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.lensEmitter.event;
  /** The last report per problem and language, for the status bar. */
  private readonly lastReports = new Map<string, CheckReport>();
  private readonly running = new Map<string, { cancel(): void }>();
  /** The practice-file context key as last set (unset reads as false): a key set again makes the workbench redraw its menus. */
  private practiceFileShown = false;

  constructor(
    private readonly service: ProblemService,
    private readonly files: PracticeFiles,
    private readonly runner: SnippetService,
    private readonly openStatement: (problem: LoadedProblem) => Thenable<unknown>,
  ) {
    super();
    this.statusBar.name = vscode.l10n.t('ML Interview: Practice Check');
    this.controller.resolveHandler = (item) => this.resolve(item);
    this.register(this.controller.createRunProfile(vscode.l10n.t('Check'), vscode.TestRunProfileKind.Run, (request, token) => this.runRequest(request, token), true));
    this.register(vscode.languages.registerCodeLensProvider([{ scheme: 'file', language: 'typescript' }, { scheme: 'file', language: 'python' }], this));
    this.register(service.onDidChange(() => this.lensEmitter.fire()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => void this.updateActiveEditor()));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.diagnostics.delete(event.document.uri)));
    this.register({ dispose: () => [...this.running.values()].forEach((run) => run.cancel()) });
    // The editor open at start-up gets its status bar item and title button once start-up is over: finding its
    // problem loads the problems, which activation never does.
    const startup = setTimeout(() => void this.updateActiveEditor(), STARTUP_DELAY_MS);
    this.register({ dispose: () => clearTimeout(startup) });
  }

  /** The problem and language a file is an attempt at: its place in the practice folder, else its name. */
  async problemOf(uri: vscode.Uri): Promise<{ problem: LoadedProblem; language: PracticeLanguage } | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const language = core().practiceLanguageOf(uri.fsPath);
    if (!language) return undefined;
    const problems = await this.service.problems();
    const inFolder = problems.find((problem) => this.files.uri(problem, language).fsPath === uri.fsPath);
    if (inFolder) return { problem: inFolder, language };
    const id = core().problemIdOfFileName(uri.fsPath);
    const byName = problems.find((problem) => problem.id === id && problem.userDeckId === undefined);
    return byName ? { problem: byName, language } : undefined;
  }

  /** Check (the command): the given file, else the active editor's. */
  async checkCommand(target?: unknown): Promise<CheckReport | undefined> {
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    const found = uri ? await this.problemOf(uri) : undefined;
    if (!found) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Check works on a practice file: open a problem from the Problems view and start it in TypeScript or Python.'),
      );
      return undefined;
    }
    return this.check(found.problem, found.language);
  }

  /** Checks one attempt as a test run of its own, shown in the Testing view. */
  async check(problem: LoadedProblem, language: PracticeLanguage, options: { quiet?: boolean } = {}): Promise<CheckReport | undefined> {
    const item = await this.problemItem(problem);
    const run = this.controller.createTestRun(new vscode.TestRunRequest([item]), vscode.l10n.t('Check {0}', problem.id), false);
    const cancellation = new vscode.CancellationTokenSource();
    try {
      return await this.checkInto(run, problem, language, item, cancellation.token, options.quiet === true);
    } finally {
      run.end();
      cancellation.dispose();
    }
  }

  provideCodeLenses(document: vscode.TextDocument): Thenable<vscode.CodeLens[]> {
    return this.problemOf(document.uri).then((found) => {
      if (!found) return [];
      const entry = found.language === 'ts' ? found.problem.entry.ts : found.problem.entry.py;
      const line = core().entryLine(document.getText(), entry, found.language) ?? 0;
      const range = new vscode.Range(line, 0, line, 0);
      return [
        new vscode.CodeLens(range, { title: vscode.l10n.t('$(beaker) Check'), command: COMMANDS.checkSolution, arguments: [document.uri], tooltip: vscode.l10n.t('Run every case of {0} against this file', found.problem.id) }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('Show problem'), command: COMMANDS.openProblem, arguments: [found.problem.key] }),
      ];
    });
  }

  private async runRequest(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const problems = await this.service.problems();
    const keys = new Set<string>();
    const includes = request.include ?? [...this.itemsOf(this.controller.items)];
    for (const item of includes) keys.add(item.id.split('::')[0]);
    for (const item of request.exclude ?? []) if (!item.id.includes('::')) keys.delete(item.id);
    const run = this.controller.createTestRun(request);
    try {
      for (const key of keys) {
        if (token.isCancellationRequested) break;
        const problem = problems.find((p) => p.key === key);
        if (!problem) continue;
        const language = await this.languageToCheck(problem);
        const item = await this.problemItem(problem);
        if (!language) {
          run.errored(item, new vscode.TestMessage(vscode.l10n.t('There is no attempt yet: open the problem and start it in TypeScript or Python.')));
          continue;
        }
        await this.checkInto(run, problem, language, item, token);
      }
    } finally {
      run.end();
    }
  }

  /** The attempt a run from the Testing view checks: the active editor's, else the last checked, else the one there is. */
  private async languageToCheck(problem: LoadedProblem): Promise<PracticeLanguage | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active) {
      const found = await this.problemOf(active);
      if (found?.problem.key === problem.key) return found.language;
    }
    const last = this.service.record(problem.key)?.lastCheck?.language;
    if (last && (await this.files.exists(problem, last))) return last;
    for (const language of ['py', 'ts'] as const) if (await this.files.exists(problem, language)) return language;
    return undefined;
  }

  private async checkInto(run: vscode.TestRun, problem: LoadedProblem, language: PracticeLanguage, item: vscode.TestItem, token: vscode.CancellationToken, quiet = false): Promise<CheckReport | undefined> {
    const uri = this.files.uri(problem, language);
    const active = vscode.window.activeTextEditor?.document;
    // The attempt is the practice file, or the editor the command was run from (a file named after the problem).
    const document = active && (await this.problemOf(active.uri))?.problem.key === problem.key && core().practiceLanguageOf(active.uri.fsPath) === language ? active : await this.openDocument(uri);
    if (!document) {
      run.errored(item, new vscode.TestMessage(vscode.l10n.t('There is no {0} attempt yet: start the problem first.', language === 'ts' ? 'TypeScript' : 'Python')));
      return undefined;
    }
    if (vscode.workspace.getWorkspaceFolder(document.uri) && !vscode.workspace.isTrusted) {
      run.errored(item, new vscode.TestMessage(vscode.l10n.t('Checking runs your code, and this workspace is not trusted.')));
      void explainTrustNeeded(vscode.l10n.t('Checking runs your code, and this workspace is not trusted: trust the workspace, or set mlInterview.practice.folder to a folder outside it.'));
      return undefined;
    }
    let cases;
    try {
      cases = await this.service.cases(problem);
    } catch (error) {
      run.errored(item, new vscode.TestMessage(vscode.l10n.t('The cases of {0} could not be read: {1}', problem.id, error instanceof Error ? error.message : String(error))));
      return undefined;
    }
    const children = this.caseItems(item, problem, cases.map((c) => c.name), document);
    run.started(item);
    children.forEach((child) => run.started(child));
    // Python reads the file from disk: check what the editor shows.
    if (document.isDirty) await document.save();
    const handle = await this.startCheck(problem, language, document, cases);
    if ('fatal' in handle) {
      for (const child of children) run.errored(child, new vscode.TestMessage(handle.fatal));
      void this.explainFatal(handle.fatal, handle.kind);
      return undefined;
    }
    const key = `${problem.key}:${language}`;
    this.running.set(key, handle);
    const cancel = token.onCancellationRequested(() => handle.cancel());
    let report: CheckReport;
    try {
      report = await handle.result;
    } finally {
      cancel.dispose();
      this.running.delete(key);
      if (language === 'ts') this.runner.prepare();
    }
    if (report.output) run.appendOutput(report.output.replace(/\r?\n/g, '\r\n') + (report.outputTruncated ? '\r\n…\r\n' : ''));
    if (report.fatal) {
      for (const child of children) run.errored(child, new vscode.TestMessage(report.fatal.message));
      void this.explainFatal(report.fatal.message, report.fatal.kind);
    } else {
      this.reportCases(run, children, report.cases, document);
    }
    this.publishDiagnostics(document, report.cases);
    const before = this.service.record(problem.key);
    if (!report.fatal) await this.service.recordEvent(problem.key, { kind: 'checked', at: new Date(), language, passed: report.passed, total: report.total });
    this.lastReports.set(key, report);
    void this.updateActiveEditor();
    const firstSolve = !report.fatal && report.passed === report.total && before?.solvedAt === undefined;
    this.checkedEmitter.fire({ problemKey: problem.key, language, report, firstSolve });
    if (firstSolve && !quiet) {
      const show = vscode.l10n.t('Show Solution');
      void vscode.window.showInformationMessage(vscode.l10n.t('All {0} cases of {1} pass. The reference solutions and their explanation are now in the problem panel.', report.total, problem.id), show).then((answer) => {
        if (answer === show) void this.openStatement(problem);
      });
    }
    return report;
  }

  private async startCheck(problem: LoadedProblem, language: PracticeLanguage, document: vscode.TextDocument, cases: Awaited<ReturnType<ProblemService['cases']>>): Promise<{ result: Promise<CheckReport>; cancel(): void } | { fatal: string; kind: string }> {
    const limits = {
      timeoutMs: Math.round(setting('run.timeoutSeconds') * 1000),
      memoryLimitMb: setting('run.memoryLimitMb'),
      maxOutputBytes: setting('run.maxOutputKb') * 1024,
    };
    if (language === 'ts') {
      return core().checkTypeScript({
        source: document.getText(),
        fileName: path.basename(document.uri.fsPath),
        filePath: document.uri.fsPath,
        entry: problem.entry.ts,
        signature: problem.signature.ts,
        cases,
        snippetsDir: this.runner.snippetsDir,
        workerScript: this.runner.workerScript,
        ...limits,
      });
    }
    const python = await resolvePython(document.uri);
    if (!python) {
      return { kind: 'interpreter-missing', fatal: vscode.l10n.t('No Python interpreter was found: install Python 3 with NumPy, or set mlInterview.python.path.') };
    }
    return core().checkPython({
      python: python.command,
      harnessPath: this.service.pythonHarness,
      userFile: document.uri.fsPath,
      casesFile: problem.files.cases,
      cases,
      entry: problem.entry.py,
      signature: problem.signature.py,
      ...limits,
    });
  }

  private async explainFatal(message: string, kind: string): Promise<void> {
    const settingAction = vscode.l10n.t('Choose Interpreter');
    const actions = kind === 'numpy-missing' ? [vscode.l10n.t('Copy Install Command'), settingAction] : kind === 'interpreter-missing' ? [settingAction] : [];
    const answer = await vscode.window.showErrorMessage(message, ...actions);
    if (answer === settingAction) await vscode.commands.executeCommand('workbench.action.openSettings', 'mlInterview.python.path');
    else if (answer !== undefined) {
      await vscode.env.clipboard.writeText(NUMPY_INSTALL);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied: {0}. Run it in a terminal with the same interpreter, then Check again.', NUMPY_INSTALL));
    }
  }

  private reportCases(run: vscode.TestRun, children: vscode.TestItem[], results: readonly CaseResult[], document: vscode.TextDocument): void {
    let skippedReason = false;
    results.forEach((result, index) => {
      const child = children[index];
      if (!child) return;
      if (result.status === 'passed') return run.passed(child);
      const location = new vscode.Location(document.uri, new vscode.Position(Math.max((result.line ?? (child.range?.start.line ?? 0) + 1) - 1, 0), 0));
      if (result.status === 'failed') {
        const message = result.expectedText !== undefined && result.actualText !== undefined ? vscode.TestMessage.diff(result.message, result.expectedText, result.actualText) : new vscode.TestMessage(result.message);
        message.location = location;
        return run.failed(child, message);
      }
      if (result.status === 'not-run' && skippedReason) return run.skipped(child);
      skippedReason ||= result.status === 'not-run';
      const message = new vscode.TestMessage(result.errorType && result.status === 'error' ? `${result.errorType}: ${result.message}` : result.message);
      message.location = location;
      run.errored(child, message);
    });
  }

  private publishDiagnostics(document: vscode.TextDocument, results: readonly CaseResult[]): void {
    const byLine = new Map<number, CaseResult>();
    for (const result of results) if (result.line !== undefined && result.status === 'error' && !byLine.has(result.line)) byLine.set(result.line, result);
    const diagnostics = [...byLine.entries()].map(([line, result]) => {
      const zeroBased = Math.min(Math.max(line - 1, 0), Math.max(document.lineCount - 1, 0));
      const diagnostic = new vscode.Diagnostic(document.lineAt(zeroBased).range, `${result.name}: ${result.message}`, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'ML Interview';
      return diagnostic;
    });
    this.diagnostics.set(document.uri, diagnostics);
  }

  private async openDocument(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === uri.fsPath && !document.isClosed);
    if (open) return open;
    try {
      return await vscode.workspace.openTextDocument(uri);
    } catch {
      return undefined;
    }
  }

  private *itemsOf(collection: vscode.TestItemCollection): Iterable<vscode.TestItem> {
    for (const [, item] of collection) yield item;
  }

  /** Lists every problem in the Testing view (their cases appear when expanded or checked). */
  private async resolve(item: vscode.TestItem | undefined): Promise<void> {
    if (!item) {
      for (const problem of await this.service.problems()) await this.problemItem(problem);
      return;
    }
    const problem = await this.service.find(item.id);
    if (!problem) return;
    try {
      const cases = await this.service.cases(problem);
      this.caseItems(item, problem, cases.map((c) => c.name), undefined);
    } catch {
      item.error = vscode.l10n.t('The cases of {0} could not be read.', problem.id);
    }
  }

  private async problemItem(problem: LoadedProblem): Promise<vscode.TestItem> {
    const existing = this.controller.items.get(problem.key);
    if (existing) return existing;
    const language = (await this.languageToCheck(problem)) ?? 'py';
    const item = this.controller.createTestItem(problem.key, core().localize(problem.title, 'en') ?? problem.id, this.files.uri(problem, language));
    item.canResolveChildren = true;
    item.description = difficultyLabel(problem.difficulty);
    this.controller.items.add(item);
    return item;
  }

  /** One child per case, pointing at the checked function of the file. */
  private caseItems(item: vscode.TestItem, problem: LoadedProblem, names: string[], document: vscode.TextDocument | undefined): vscode.TestItem[] {
    const uri = document?.uri ?? item.uri;
    const language = uri ? core().practiceLanguageOf(uri.fsPath) : undefined;
    const line = document && language ? core().entryLine(document.getText(), language === 'ts' ? problem.entry.ts : problem.entry.py, language) : undefined;
    const children = names.map((name, index) => {
      const child = this.controller.createTestItem(`${problem.key}::${index}`, name, uri);
      if (line !== undefined) child.range = new vscode.Range(line, 0, line, 0);
      return child;
    });
    item.children.replace(children);
    item.canResolveChildren = false;
    return children;
  }

  /** The status bar and the editor-title button follow the active editor: shown for a practice file. */
  private async updateActiveEditor(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    const activeFound = active ? await this.problemOf(active.uri) : undefined;
    if (this.practiceFileShown !== (activeFound !== undefined)) {
      this.practiceFileShown = activeFound !== undefined;
      await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.practiceFile, this.practiceFileShown);
    }
    // With the problem panel focused there is no active editor: the summary stays for the attempt beside it.
    let document = active;
    let found = activeFound;
    if (!active) {
      for (const editor of vscode.window.visibleTextEditors) {
        found = await this.problemOf(editor.document.uri);
        if (found) {
          document = editor.document;
          break;
        }
      }
    }
    if (!found) {
      this.statusBar.hide();
      return;
    }
    const report = this.lastReports.get(`${found.problem.key}:${found.language}`);
    const title = found.problem.id;
    if (!report) {
      this.statusBar.text = vscode.l10n.t('$(beaker) Check {0}', title);
      this.statusBar.tooltip = vscode.l10n.t('Run every case of {0} against this file', title);
    } else if (report.fatal) {
      this.statusBar.text = vscode.l10n.t('$(warning) {0}: not checked', title);
      this.statusBar.tooltip = report.fatal.message;
    } else {
      this.statusBar.text = report.passed === report.total ? vscode.l10n.t('$(pass) {0}: {1}/{2} passed', title, report.passed, report.total) : vscode.l10n.t('$(error) {0}: {1}/{2} passed', title, report.passed, report.total);
      this.statusBar.tooltip = vscode.l10n.t('Last check: {0} of {1} cases passed in {2} ms. Click to check again.', report.passed, report.total, Math.round(report.durationMs));
    }
    this.statusBar.command = { title: vscode.l10n.t('Check'), command: COMMANDS.checkSolution, arguments: [document?.uri] };
    this.statusBar.show();
  }
}
