import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

type RunOutcome = { status: string; output: string; line?: number; message?: string } | undefined;

/**
 * The TypeScript errors VS Code's own TypeScript service reports for a document. A deliberate error is appended
 * first: once it is reported, the service has checked this version of the whole file.
 */
async function typeScriptErrors(editor: vscode.TextEditor): Promise<string[]> {
  const document = editor.document;
  const end = document.lineAt(document.lineCount - 1).range.end;
  await editor.edit((builder) => builder.insert(end, "\nconst mlipProbe: number = 'not a number';\nexport { mlipProbe };\n"));
  const probeLine = document.getText().split('\n').findIndex((line) => line.startsWith('const mlipProbe'));
  const diagnostics = await waitFor(
    'the TypeScript service to check the file',
    () => {
      const list = vscode.languages.getDiagnostics(document.uri);
      return list.some((d) => d.range.start.line === probeLine && d.severity === vscode.DiagnosticSeverity.Error) ? list : undefined;
    },
    90_000,
  );
  return diagnostics
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line < probeLine)
    .map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

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

  it('an opened snippet type-checks in VS Code: no "Cannot find module" or any other error', async function () {
    this.timeout(120_000);
    for (const id of ['layernorm', 'encoder-layer']) {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('mlInterview.openSnippet', id);
      assert.ok(editor);
      assert.doesNotMatch(editor.document.getText(), /from '\.\//, 'no import of a file the user does not have');
      assert.deepEqual(await typeScriptErrors(editor), [], `${id}.ts has no TypeScript errors`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('an inserted snippet type-checks and runs where it lands, and a second one adds no duplicate helper', async function () {
    this.timeout(120_000);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `my-model-${Date.now()}.ts` }));
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('mlInterview.insertSnippet', 'layernorm'), true);
    editor.selection = new vscode.Selection(document.lineCount, 0, document.lineCount, 0);
    assert.equal(await vscode.commands.executeCommand('mlInterview.insertSnippet', 'attention'), true);
    await editor.edit((builder) =>
      builder.insert(new vscode.Position(document.lineCount, 0), '\nconsole.log(layerNorm([[1, 2]], [1, 1], [0, 0])[0].map((v) => Number(v.toFixed(3))), scaledDotProductAttention([[1]], [[1]], [[2]]).output);\n'),
    );
    assert.equal(document.getText().match(/export function checkMatrix/g)?.length, 1, 'one copy of each helper');
    const outcome = await vscode.commands.executeCommand<RunOutcome>('mlInterview.runSnippet');
    assert.equal(outcome?.status, 'ok', outcome?.message);
    assert.equal(outcome?.output, '[ -1, 1 ] [ [ 2 ] ]\n');
    assert.deepEqual(await typeScriptErrors(editor), []);
  });

  it('Run Snippet runs the editor code off the main thread and returns the demo output', async () => {
    await vscode.commands.executeCommand('mlInterview.openSnippet', 'layernorm');
    const outcome = await vscode.commands.executeCommand<RunOutcome>('mlInterview.runSnippet');
    assert.equal(outcome?.status, 'ok', outcome?.message);
    assert.match(outcome?.output ?? '', /^x = \[ \[ 1, 2, 3, 4 \], \[ 10, 10, 10, 14 \] \]\n/);
    assert.match(outcome?.output ?? '', /layerNorm\(x\) = \[\n {2}\[ -1\.3416, -0\.4472, 0\.4472, 1\.3416 \],/, 'numbers print as numbers');
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

  it('prints a run error’s stack (user frames only), each frame a link to its line at the Problems entry’s column', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `frames-${Date.now()}.ts` }));
    const editor = await vscode.window.showTextDocument(document);
    const source = ['function check(rows: number): void {', "  if (rows < 0) throw new RangeError('rows ' + rows);", '}', 'const n: number = -1;', 'check(n);', ''].join('\n');
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), source));
    const outcome = await vscode.commands.executeCommand<RunOutcome>('mlInterview.runSnippet');
    assert.equal(outcome?.status, 'error');
    const diagnostic = await waitFor('the run diagnostic', () => vscode.languages.getDiagnostics(document.uri)[0]);
    const fileName = document.uri.path.split('/').pop() ?? '';
    const output = await waitFor('the Run output', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && d.getText().includes(`at check (${fileName}:`)),
    );
    const text = output.getText();
    assert.match(text, new RegExp(`✖ RangeError: rows -1 \\(${fileName}:2:\\d+\\)`));
    assert.match(text, new RegExp(`\\n {4}at check \\(${fileName}:2:\\d+\\)\\n {4}at top-level code \\(${fileName}:5:1\\)`));
    assert.doesNotMatch(text, /node:internal|runnerWorker|Module\._compile/, 'no frames of Node or the runner');
    const column = Number(new RegExp(`at check \\(${fileName}:2:(\\d+)\\)`).exec(text)?.[1]);
    assert.equal(column, diagnostic.range.start.character + 1, 'the output and the Problems entry give the same column');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', output.uri);
    const frameLinks = links.filter((link) => link.target?.scheme === 'command');
    assert.equal(frameLinks.length, 3, 'the error line and both frames are links');
    const target = frameLinks[1].target!;
    const args = JSON.parse(decodeURIComponent(target.query)) as [string, number, number];
    await vscode.commands.executeCommand(target.path, ...args);
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), document.uri.toString());
    assert.deepEqual([active?.selection.active.line, active?.selection.active.character], [diagnostic.range.start.line, diagnostic.range.start.character]);
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
    const builtIn = (await api.treeChildren()).find((node) => node.kind === 'deck');
    assert.ok(builtIn, 'the tree has a deck');
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
