import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID } from './helpers';

// Runs first (files run in name order): nothing has touched the extension yet.
describe('activation', () => {
  it('stays inactive at start-up and activates when one of its commands runs', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    assert.equal(extension.isActive, false, 'start-up alone does not activate it');
    assert.equal(await vscode.commands.executeCommand('mlInterview.openTopic', 'builtin/bn-vs-ln'), true);
    assert.equal(extension.isActive, true);
    await closeAllEditors();
  });

  it('registers every command package.json contributes, each reaching its feature (loaded after activation)', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive, 'active since the previous test');
    const contributed = (extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((entry) => entry.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
    // A command's result comes back through activation's stand-in: Open Snippet returns the editor it opened.
    const editor = (await vscode.commands.executeCommand('mlInterview.openSnippet', 'attention')) as vscode.TextEditor | undefined;
    assert.ok(editor, 'Open Snippet returned its editor');
    assert.equal(editor.document, vscode.window.activeTextEditor?.document);
    await closeAllEditors();
  });
});
