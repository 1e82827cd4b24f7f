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
});
