import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { core } from '../loadCore';
import type { ContentService } from '../content/contentService';
import type { Registrations } from '../shell';
import type { SnippetService } from '../snippets/snippetService';

/** Registers Open, Insert, Run and Stop Snippet. */
export function registerSnippetCommands(registrations: Registrations, content: ContentService, snippets: SnippetService, onRan: () => void = () => undefined): vscode.Disposable {
  const pick = async (title: string): Promise<string | undefined> => {
    const language = content.language;
    const picked = await vscode.window.showQuickPick(
      core().SNIPPET_CATALOG.map((snippet) => ({
        label: snippets.title(snippet, language),
        description: `${snippet.id}.ts · ${snippet.prefix}`,
        detail: core().localize(snippet.description, language),
        id: snippet.id,
      })),
      { title, placeHolder: vscode.l10n.t('Choose a snippet'), matchOnDescription: true, matchOnDetail: true },
    );
    return picked?.id;
  };
  return vscode.Disposable.from(
    registrations.registerCommand(COMMANDS.openSnippet, async (id?: unknown) => {
      const chosen = typeof id === 'string' ? id : await pick(vscode.l10n.t('Open Snippet'));
      return chosen ? snippets.open(chosen) : undefined;
    }),
    registrations.registerCommand(COMMANDS.insertSnippet, async (id?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const chosen = typeof id === 'string' ? id : await pick(vscode.l10n.t('Insert Snippet'));
      return chosen ? snippets.insert(chosen, editor) : false;
    }),
    registrations.registerCommand(COMMANDS.runSnippet, async (uri?: unknown) => {
      // From the editor title the command receives the editor's URI; prefer that editor.
      const editor =
        uri instanceof vscode.Uri
          ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())
          : vscode.window.activeTextEditor;
      const outcome = await snippets.runEditor(editor ?? vscode.window.activeTextEditor);
      if (outcome) onRan();
      return outcome;
    }),
    registrations.registerCommand(COMMANDS.stopSnippet, () => snippets.stop()),
  );
}
