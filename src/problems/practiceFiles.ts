// The learner's attempt files: Start writes the starter once and opens it; starting again opens the attempt as it is;
// Reset asks first and replaces the text through an edit, so Undo brings the attempt back. Nothing the learner wrote
// is ever overwritten without asking.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { core } from '../loadCore';
import { setting } from '../settings';
import type { PracticeLanguage } from './core/problemProgress';
import type { LoadedProblem } from './problemService';

export class PracticeFiles {
  /** The practice folder now (the setting, the first workspace folder and the home folder decide it). */
  folder(): string {
    const workspaceFolder = vscode.workspace.workspaceFolders?.find((folder) => folder.uri.scheme === 'file');
    return core().resolvePracticeFolder(setting('practice.folder'), workspaceFolder?.uri.fsPath, os.homedir());
  }

  uri(problem: LoadedProblem, language: PracticeLanguage): vscode.Uri {
    return vscode.Uri.file(core().practiceFilePath(this.folder(), { id: problem.id, deckId: problem.userDeckId }, language));
  }

  async exists(problem: LoadedProblem, language: PracticeLanguage): Promise<boolean> {
    try {
      return (await fs.stat(this.uri(problem, language).fsPath)).isFile();
    } catch {
      return false;
    }
  }

  /** Opens the attempt, writing the starter first when there is none. Returns the editor, and whether it is new. */
  async start(problem: LoadedProblem, language: PracticeLanguage, viewColumn: vscode.ViewColumn = vscode.ViewColumn.Active): Promise<{ editor: vscode.TextEditor; created: boolean }> {
    const uri = this.uri(problem, language);
    let created = false;
    if (!(await this.exists(problem, language))) {
      const starter = await fs.readFile(language === 'ts' ? problem.files.starterTs : problem.files.starterPy, 'utf8');
      await fs.mkdir(path.dirname(uri.fsPath), { recursive: true });
      try {
        // 'wx': never replace a file that appeared meanwhile (another window started the same problem).
        await fs.writeFile(uri.fsPath, starter, { encoding: 'utf8', flag: 'wx' });
        created = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const document = await vscode.workspace.openTextDocument(uri);
    // Already open in a group: show it there, never a second copy in a new group beside it.
    const group = vscode.window.tabGroups.all.find((candidate) => candidate.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === document.uri.toString()));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: group?.viewColumn ?? viewColumn, preview: false });
    return { editor, created };
  }

  /** Replaces the attempt with the starter after the learner confirms; false when they did not. */
  async reset(problem: LoadedProblem, language: PracticeLanguage): Promise<boolean> {
    const uri = this.uri(problem, language);
    if (!(await this.exists(problem, language))) return false;
    const reset = vscode.l10n.t('Reset to Starter');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Replace your attempt {0} with the starter code?', path.basename(uri.fsPath)),
      { modal: true, detail: vscode.l10n.t('Your code is replaced in the editor and saved; Undo (Ctrl+Z) in that editor brings it back.') },
      reset,
    );
    if (answer !== reset) return false;
    const starter = await fs.readFile(language === 'ts' ? problem.files.starterTs : problem.files.starterPy, 'utf8');
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), starter);
    await vscode.workspace.applyEdit(edit);
    await document.save();
    await vscode.window.showTextDocument(document, { preview: false });
    return true;
  }
}
