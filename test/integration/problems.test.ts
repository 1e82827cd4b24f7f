import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { CheckReport } from '../../src/problems/core/caseResults';
import type { ProblemTreeNode } from '../../src/problems/problemsTree';
import { activateExtension, closeAllEditors, waitFor, webviewTabs } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const PYTHON = process.env.MLIP_PYTHON ?? '/usr/bin/python3';

async function setEditorText(editor: vscode.TextEditor, text: string): Promise<void> {
  await editor.edit((builder) => builder.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), text));
}

function check(uri: vscode.Uri): Thenable<CheckReport | undefined> {
  return vscode.commands.executeCommand<CheckReport | undefined>('mlInterview.checkSolution', uri);
}

async function problemItem(api: ExtensionApi, key: string): Promise<vscode.TreeItem> {
  for (const track of await api.problemsTreeChildren()) {
    for (const node of await api.problemsTreeChildren(track)) {
      if (node.kind === 'problem' && node.problem.key === key) return api.problemsTreeItem(node);
    }
  }
  throw new Error(`${key} is not in the Problems view`);
}

describe('practice problems in the real VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
    await vscode.workspace.getConfiguration('mlInterview').update('python.path', PYTHON, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('mlInterview').update('python.path', undefined, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await closeAllEditors();
  });

  it('lists every built-in problem in the Problems view, grouped by track, with difficulty and status', async () => {
    const tracks = await api.problemsTreeChildren();
    const labels = tracks.map((track) => (track.kind === 'track' ? track.id : ''));
    assert.deepEqual(labels.slice(0, 2), ['bytedance-ai-lab', 'llm-architecture']);
    const problems: ProblemTreeNode[] = (await Promise.all(tracks.map((track) => api.problemsTreeChildren(track)))).flat();
    const onDisk = fs.readdirSync(path.join(ROOT, 'content', 'problems')).sort();
    assert.deepEqual(problems.map((node) => (node.kind === 'problem' ? node.problem.id : '')).sort(), onDisk);
    const softmax = await problemItem(api, 'builtin/softmax');
    assert.equal(softmax.label, 'Row-wise softmax');
    assert.equal(softmax.description, 'Easy');
    assert.match(String(softmax.accessibilityInformation?.label), /^Row-wise softmax, Easy, (new|attempted|solved)$/);
  });

  it('starts a problem in Python: writes the starter once, opens it, and never overwrites the attempt', async () => {
    const file = path.join(api.practiceFolder(), 'cross_entropy.py');
    fs.rmSync(file, { force: true });
    await vscode.commands.executeCommand('mlInterview.startProblemPython', 'builtin/cross-entropy');
    const editor = await waitFor('the attempt to open', () => (vscode.window.activeTextEditor?.document.uri.fsPath === file ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.document.getText(), fs.readFileSync(path.join(ROOT, 'content', 'problems', 'cross-entropy', 'starter.py'), 'utf8'));
    assert.deepEqual(api.openProblemKeys(), ['builtin/cross-entropy']);
    await setEditorText(editor, '# my own work\n');
    await editor.document.save();
    await closeAllEditors();
    await vscode.commands.executeCommand('mlInterview.startProblemPython', 'builtin/cross-entropy');
    const again = await waitFor('the attempt to open again', () => (vscode.window.activeTextEditor?.document.uri.fsPath === file ? vscode.window.activeTextEditor : undefined));
    assert.equal(again.document.getText(), '# my own work\n');
  });

  it('checks a wrong and then a right Python solution, case by case', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('mlInterview.startProblemPython', 'builtin/softmax');
    const editor = await waitFor('the softmax attempt', () => (vscode.window.activeTextEditor?.document.fileName.endsWith('softmax.py') ? vscode.window.activeTextEditor : undefined));
    const starter = await check(editor.document.uri);
    assert.ok(starter);
    assert.equal(starter.passed, 0);
    assert.ok(starter.cases.every((c) => c.status === 'error' && c.errorType === 'NotImplementedError'), JSON.stringify(starter.cases[0]));
    // Overflows at logit 1000: exp first, no max subtracted.
    await setEditorText(editor, 'import numpy as np\n\n\ndef softmax(x):\n    e = np.exp(x)\n    return e / e.sum(axis=-1, keepdims=True)\n');
    const wrong = await check(editor.document.uri);
    assert.ok(wrong);
    assert.ok(wrong.passed > 0 && wrong.passed < wrong.total, `${wrong.passed}/${wrong.total}`);
    const failed = wrong.cases.find((c) => c.status === 'failed');
    assert.ok(failed && failed.expectedText !== undefined && failed.actualText !== undefined, 'a failure carries both sides for the diff');
    await setEditorText(editor, fs.readFileSync(path.join(ROOT, 'content', 'problems', 'softmax', 'solution.py'), 'utf8'));
    const right = await check(editor.document.uri);
    assert.ok(right);
    assert.equal(right.passed, right.total);
    const item = await waitFor('the tree to show softmax solved', async () => (((await problemItem(api, 'builtin/softmax')).iconPath as vscode.ThemeIcon).id === 'pass-filled' ? true : undefined));
    assert.ok(item);
    await waitFor('the panel to show the reference solution', () => api.problemPanelHtml('builtin/softmax')?.includes('class="solution"'));
  });

  it('checks a wrong and then a right TypeScript solution, and points at the line that threw', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('mlInterview.startProblemTypeScript', 'builtin/rmsnorm');
    const editor = await waitFor('the rmsnorm attempt', () => (vscode.window.activeTextEditor?.document.fileName.endsWith('rmsnorm.ts') ? vscode.window.activeTextEditor : undefined));
    await setEditorText(editor, 'export function rmsNorm(x: number[][], weight: number[], eps: number): number[][] {\n  void weight; void eps;\n  throw new Error(`no ${x.length}`);\n}\n');
    const threw = await check(editor.document.uri);
    assert.ok(threw);
    assert.equal(threw.passed, 0);
    assert.equal(threw.cases[0].line, 3);
    const diagnostics = await waitFor('a diagnostic at the throw', () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'ML Interview').at(0));
    assert.equal(diagnostics.range.start.line, 2);
    await setEditorText(editor, fs.readFileSync(path.join(ROOT, 'content', 'problems', 'rmsnorm', 'solution.ts'), 'utf8'));
    const right = await check(editor.document.uri);
    assert.ok(right);
    assert.equal(right.passed, right.total);
  });

  it('opens a problem panel from the command and keeps one panel per problem', async () => {
    await vscode.commands.executeCommand('mlInterview.openProblem', 'builtin/top-p');
    await vscode.commands.executeCommand('mlInterview.openProblem', 'builtin/top-p');
    await waitFor('the problem panel', () => webviewTabs('mlInterview.problem').length === 1);
    const html = await waitFor('its HTML', () => api.problemPanelHtml('builtin/top-p'));
    assert.match(html, /data-action="start" data-language="py"/);
    assert.match(html, /data-action="revealHint"/);
  });

  it("lists a user deck's own problems and reports a broken one at its line, while the others load", async function () {
    this.timeout(30_000);
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(workspace);
    const problems = path.join(workspace, '.interview', 'problems');
    const own = path.join(problems, 'my-softmax');
    const broken = path.join(problems, 'broken');
    fs.cpSync(path.join(ROOT, 'content', 'problems', 'softmax'), own, { recursive: true });
    fs.writeFileSync(path.join(own, 'problem.md'), fs.readFileSync(path.join(own, 'problem.md'), 'utf8').replace('id: softmax', 'id: my-softmax'));
    fs.cpSync(own, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'problem.md'), fs.readFileSync(path.join(own, 'problem.md'), 'utf8').replace('id: my-softmax', 'id: broken').replace('difficulty: easy', 'difficulty: trivial'));
    try {
      const node = await waitFor(
        'the user problem in the Problems view',
        async () => {
          for (const track of await api.problemsTreeChildren()) {
            for (const child of await api.problemsTreeChildren(track)) if (child.kind === 'problem' && child.problem.id === 'my-softmax') return child;
          }
          return undefined;
        },
        20_000,
      );
      assert.equal(node.kind === 'problem' && node.problem.trusted, false);
      const diagnostic = await waitFor('a diagnostic on the broken problem', () => vscode.languages.getDiagnostics(vscode.Uri.file(path.join(broken, 'problem.md'))).at(0), 20_000);
      assert.equal(diagnostic.range.start.line, 3);
      assert.match(diagnostic.message, /easy, medium or hard/);
    } finally {
      fs.rmSync(problems, { recursive: true, force: true });
    }
    await waitFor('the user problems to go', async () => {
      for (const track of await api.problemsTreeChildren()) for (const child of await api.problemsTreeChildren(track)) if (child.kind === 'problem' && child.problem.id === 'my-softmax') return false;
      return true;
    }, 20_000);
  });
});
