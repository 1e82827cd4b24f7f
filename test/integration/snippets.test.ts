import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

type RunOutcome = { status: string; output: string; line?: number; message?: string } | undefined;

describe('snippets in the real VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
  });

  it('Open Snippet opens an editable untitled copy holding the snippet code', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('mlInterview.openSnippet', 'layernorm');
    assert.ok(editor);
    assert.equal(editor.document.uri.scheme, 'untitled');
    assert.equal(editor.document.languageId, 'typescript');
    assert.match(editor.document.getText(), /export function layerNorm\(x: Matrix, gamma: number\[\], beta: number\[\], eps = 1e-5\): Matrix \{/);
    assert.equal(vscode.window.activeTextEditor?.document, editor.document);
  });

  it('Run Snippet runs the editor code off the main thread and returns the demo output', async () => {
    await vscode.commands.executeCommand('mlInterview.openSnippet', 'layernorm');
    const outcome = await vscode.commands.executeCommand<RunOutcome>('mlInterview.runSnippet');
    assert.equal(outcome?.status, 'ok', outcome?.message);
    assert.match(outcome?.output ?? '', /^x = \[ \[ 1, 2, 3, 4 \], \[ 10, 10, 10, 14 \] \]\n/);
    assert.match(outcome?.output ?? '', /layerNorm\(x\) = \[\n {2}\[ '-1\.3416', '-0\.4472', '0\.4472', '1\.3416' \],/);
  });

  it('reports a thrown error at its TypeScript line as a diagnostic', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: 'interface Shape {\n  rows: number;\n}\nconst s: Shape = { rows: 2 };\nconsole.log(s.rows);\nthrow new Error(`bad shape ${s.rows}`);\n',
    });
    await vscode.window.showTextDocument(document);
    const outcome = await vscode.commands.executeCommand<RunOutcome>('mlInterview.runSnippet');
    assert.equal(outcome?.status, 'error');
    assert.equal(outcome?.line, 6);
    assert.equal(outcome?.output, '2\n');
    const diagnostics = await waitFor('the run diagnostic', () => {
      const list = vscode.languages.getDiagnostics(document.uri);
      return list.length > 0 ? list : undefined;
    });
    assert.equal(diagnostics[0].range.start.line, 5);
    assert.match(diagnostics[0].message, /bad shape 2/);
  });

  it('Insert Snippet puts the snippet without its demo at the cursor', async () => {
    // A uniquely named untitled file: VS Code may hand back a just-closed anonymous untitled model.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `insert-target-${Date.now()}.ts` }));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '// before\n\n// after\n'));
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    assert.equal(await vscode.commands.executeCommand('mlInterview.insertSnippet', 'layernorm'), true);
    const text = document.getText();
    assert.ok(text.startsWith('// before\n/**\n * Layer normalization'), text.slice(0, 60));
    assert.ok(text.endsWith('  });\n}\n\n// after\n'), text.slice(-60));
    assert.doesNotMatch(text, /require\.main === module/);
  });

  it('lists each topic’s snippets under it in the tree', async () => {
    const [builtIn] = await api.treeChildren();
    const topics = await api.treeChildren(builtIn);
    const bn = topics.find((node) => node.kind === 'topic' && node.topic.id === 'bn-vs-ln');
    assert.ok(bn);
    const children = await api.treeChildren(bn);
    assert.deepEqual(children.map((node) => (node.kind === 'snippet' ? node.snippet.id : node.kind)), ['batchnorm', 'layernorm']);
    assert.equal(api.treeItem(children[0]).command?.command, 'mlInterview.openSnippet');
  });

  it('contributes editor snippets for TypeScript', async () => {
    const extension = vscode.extensions.getExtension('ml-interview-prep.ml-interview-prep');
    const contributed = extension?.packageJSON.contributes.snippets as { language: string; path: string }[];
    assert.deepEqual(contributed, [{ language: 'typescript', path: './snippets/generated/typescript.json' }]);
    const file = vscode.Uri.joinPath(extension!.extensionUri, 'snippets', 'generated', 'typescript.json');
    const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, { prefix: string }>;
    assert.ok(Object.values(snippets).some((s) => s.prefix === 'mlip-attention'));
  });
});
