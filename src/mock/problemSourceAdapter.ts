// TEMPORARY ADAPTER — to be replaced by the problems layer's own MockProblemSource (src/problems/, the lead's work).
// Lists the built-in practice problems from content/problems (via the problems core's loader) with no status (none
// solved, attempted or due), opens a problem's statement read-only in the Markdown preview, never fires a Check, and
// records no rating.
import * as vscode from 'vscode';
import { core } from '../loadCore';
import { Disposable } from '../util/dispose';
import type { MockProblem, MockProblemSource, MockCheckResult } from './mockDependencies';

export class BuiltInProblemSource extends Disposable implements MockProblemSource {
  private readonly checkEmitter = this.register(new vscode.EventEmitter<MockCheckResult>());
  readonly onDidCheck = this.checkEmitter.event;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;
  private loading: Promise<MockProblem[]> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
  }

  list(): Promise<MockProblem[]> {
    this.loading ??= core()
      .loadProblems(vscode.Uri.joinPath(this.extensionUri, 'content', 'problems').fsPath, { trusted: true })
      .then((set) => set.problems.map((problem): MockProblem => ({ id: problem.id, title: problem.title, difficulty: problem.difficulty, topics: problem.topics, solved: false, attempted: false, due: false })));
    return this.loading;
  }

  async open(problemId: string): Promise<void> {
    const uri = vscode.Uri.joinPath(this.extensionUri, 'content', 'problems', problemId, 'problem.md');
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  }

  async rate(): Promise<void> {
    // The problems layer records the rating on the problem's code card; this adapter has none.
  }

  async checkTimes(): Promise<number[]> {
    return [];
  }
}
