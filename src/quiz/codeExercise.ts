// Code exercises on the host: opens the starter as an untitled copy (never the installed file) and checks the
// learner's code by running it, with the golden-data harness appended, through the SnippetRunner.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { SnippetRunner } from '../snippets/snippetService';
import type { ExerciseId } from './core/kinds/code';
import type { CodeGrade } from './core/codeGrading';
import type { HarnessCase } from './core/codeHarness';
import { explainTrustNeeded } from '../util/workspaceTrust';

const CODE_LANGUAGES = ['typescript', 'javascript'];

/** The untitled file a starter opens as, e.g. `untitled:layernorm.exercise.ts`. */
export function starterUri(exercise: ExerciseId): vscode.Uri {
  return vscode.Uri.from({ scheme: 'untitled', path: `${exercise}.exercise.ts` });
}

export class CodeExercises {
  /** The untitled editor opened for each exercise, so Check finds it even when the quiz panel has focus. */
  private readonly starters = new Map<ExerciseId, vscode.Uri>();
  private readonly casesCache = new Map<ExerciseId, HarnessCase[]>();
  /** The editor group the last starter went to: the next one goes there too. */
  private lastColumn: vscode.ViewColumn | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly runner: SnippetRunner,
  ) {}

  /**
   * Opens the exercise's starter as an untitled `<exercise>.exercise.ts` (reusing it when it is still open), always in
   * the same place: the editor group of the last starter while it exists, otherwise a group beside the quiz.
   */
  async openStarter(exercise: ExerciseId): Promise<vscode.TextEditor> {
    // Check is next: have a runner worker loaded by then.
    this.runner.prepare();
    const viewColumn = this.starterColumn();
    const open = this.findOwnDocument(exercise);
    if (open) return this.showStarter(open, viewColumn);
    const file = vscode.Uri.joinPath(this.extensionUri, 'content', 'exercises', `${exercise}.ts`).fsPath;
    const source = await readFile(file, 'utf8');
    const document = await vscode.workspace.openTextDocument(starterUri(exercise));
    const editor = await this.showStarter(document, viewColumn);
    // Replace, not insert: VS Code may hand back a just-closed untitled model of that name with its old text.
    await editor.edit((builder) => builder.replace(new vscode.Range(0, 0, document.lineCount, 0), source));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    this.starters.set(exercise, document.uri);
    return editor;
  }

  private async showStarter(document: vscode.TextDocument, viewColumn: vscode.ViewColumn): Promise<vscode.TextEditor> {
    const editor = await vscode.window.showTextDocument(document, { viewColumn, preview: false });
    if (editor.viewColumn !== undefined) this.lastColumn = editor.viewColumn;
    return editor;
  }

  /** The group of the last starter, if it still exists; else the one beside the active editor (the quiz). */
  private starterColumn(): vscode.ViewColumn {
    const column = this.lastColumn;
    return column !== undefined && vscode.window.tabGroups.all.some((group) => group.viewColumn === column) ? column : vscode.ViewColumn.Beside;
  }

  private findOwnDocument(exercise: ExerciseId): vscode.TextDocument | undefined {
    const uri = (this.starters.get(exercise) ?? starterUri(exercise)).toString();
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri && !document.isClosed);
  }

  /** The document Check runs: the exercise's own untitled editor if still open, else a visible TypeScript editor. */
  findDocument(exercise: ExerciseId): vscode.TextDocument | undefined {
    const own = this.findOwnDocument(exercise);
    if (own) return own;
    const candidates = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].filter((editor): editor is vscode.TextEditor => editor !== undefined);
    return candidates.find((editor) => CODE_LANGUAGES.includes(editor.document.languageId))?.document;
  }

  /** A code exercise is on screen: get a worker and its test cases ready, so the first Check is quick. */
  prepare(exercise: ExerciseId): void {
    this.runner.prepare();
    void this.cases(exercise).catch(() => undefined);
  }

  /** Runs the checks; undefined (after telling the user why) when there is nothing it may run. */
  async check(exercise: ExerciseId): Promise<CodeGrade | undefined> {
    const document = this.findDocument(exercise);
    if (!document) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open the starter (or a TypeScript editor with your solution) first: Check runs the code in that editor.'));
      return undefined;
    }
    if (document.uri.scheme !== 'untitled' && !vscode.workspace.isTrusted) {
      void explainTrustNeeded(
        vscode.l10n.t('Checking runs the code, and this workspace is not trusted: copy your solution into the starter (an untitled editor), or trust the workspace.'),
      );
      return undefined;
    }
    const cases = await this.cases(exercise);
    const marker = `@@mlip-check-${randomBytes(12).toString('hex')}@@`;
    const harness = core().buildHarness(exercise, document.getText(), cases, marker);
    const filePath = document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
    const fileName = path.basename(document.uri.path) || `${exercise}.ts`;
    let output = '';
    const handle = this.runner.run(harness.source, { fileName, filePath, onOutput: (chunk) => (output += chunk.stream === 'stdout' ? chunk.text : '') });
    const result = await handle.result;
    // The next check (after a fix) starts from a loaded worker too.
    this.runner.prepare();
    return core().gradeHarnessRun(output, harness, result, filePath ?? fileName);
  }

  private async cases(exercise: ExerciseId): Promise<HarnessCase[]> {
    let cases = this.casesCache.get(exercise);
    if (!cases) {
      const file = vscode.Uri.joinPath(this.extensionUri, 'snippets', 'golden', `${core().EXERCISE_GOLDEN[exercise]}.json`).fsPath;
      cases = core().exerciseCases(exercise, JSON.parse(await readFile(file, 'utf8')) as unknown);
      this.casesCache.set(exercise, cases);
    }
    return cases;
  }
}
