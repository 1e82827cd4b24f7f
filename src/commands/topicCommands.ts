import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { core } from '../loadCore';
import { topicKey, type ContentService } from '../content/contentService';
import { setting } from '../settings';
import { OPEN_TOPIC_COMMAND } from '../views/topicTree';
import type { Registrations } from '../shell';
import type { TopicPanelManager } from '../webview/topicPanel';

/** Registers the commands that browse topics and manage user decks. */
export function registerTopicCommands(registrations: Registrations, content: ContentService, panels: TopicPanelManager): vscode.Disposable {
  return vscode.Disposable.from(
    registrations.registerCommand(OPEN_TOPIC_COMMAND, async (key?: unknown) => {
      const chosen = typeof key === 'string' ? key : await pickTopic(content);
      if (!chosen) return false;
      const shown = await panels.show(chosen);
      if (!shown) void vscode.window.showWarningMessage(vscode.l10n.t('Topic "{0}" no longer exists.', chosen));
      return shown;
    }),
    registrations.registerCommand(COMMANDS.refreshTopics, () => content.reload()),
    registrations.registerCommand(COMMANDS.newDeckFile, (title?: unknown) => createStarterDeckFile(typeof title === 'string' ? title : undefined)),
  );
}

async function pickTopic(content: ContentService): Promise<string | undefined> {
  const language = content.language;
  const items = (await content.topics()).map((topic) => ({
    label: core().localize(topic.title, language) ?? topic.id,
    description: topic.title[core().otherLanguage(language)],
    detail: core().localize(topic.summary, language),
    key: topicKey(topic),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Open Topic'),
    placeHolder: vscode.l10n.t('Choose an interview topic'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.key;
}

/** Asks for the new topic's title (unless given), then writes `<deck folder>/<id>.md` and opens it. */
async function createStarterDeckFile(givenTitle?: string): Promise<vscode.Uri | undefined> {
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
  if (!workspaceFolder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: user decks live in a folder of the workspace.'));
    return undefined;
  }
  const title =
    givenTitle ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New Deck File'),
      prompt: vscode.l10n.t('The title of your new topic; the file is named after it.'),
      placeHolder: vscode.l10n.t('e.g. Gradient clipping'),
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Give the topic a title.') : undefined),
    }));
  if (title === undefined || title.trim() === '') return undefined;
  const relative = setting('userDecks.folder', workspaceFolder);
  const folder = vscode.Uri.joinPath(workspaceFolder.uri, relative);
  await vscode.workspace.fs.createDirectory(folder);
  const base = core().topicIdFromTitle(title.trim());
  let file = vscode.Uri.joinPath(folder, `${base}.md`);
  for (let n = 2; await exists(file); n++) file = vscode.Uri.joinPath(folder, `${base}-${n}.md`);
  const id = file.path.split('/').pop()?.replace(/\.md$/, '') ?? base;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(core().starterDeckFile(id, title.trim())));
  await vscode.window.showTextDocument(file);
  return file;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
