import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { core } from '../loadCore';
import { setting } from '../settings';
import type { ContentLanguage } from '../content/core/language';
import { Disposable } from '../util/dispose';
import { explainTrustNeeded } from '../util/workspaceTrust';
import type { SnippetInfo } from './core/catalog';
import type { OutputChunk, RunHandle, RunResult } from './core/runner';

export const RUNNING_CONTEXT_KEY = 'mlInterview.snippetRunning';

/** Runs TypeScript off the extension host's main thread with the user's limits; shared by Run Snippet and the quiz. */
export interface SnippetRunner {
  run(source: string, options: { fileName: string; filePath?: string; onOutput?(chunk: OutputChunk): void }): RunHandle;
}

/** Opens, inserts and runs the built-in snippets; owns the output channel and the run diagnostics. */
export class SnippetService extends Disposable implements SnippetRunner {
  private outputChannel: vscode.OutputChannel | undefined;
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('mlInterview.run'));
  private current: { handle: RunHandle; uri: vscode.Uri } | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
    this.register({ dispose: () => this.current?.handle.cancel() });
    // A run's error marker describes the code as it was; editing the file retires it.
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.diagnostics.delete(event.document.uri)));
  }

  get snippetsDir(): string {
    return vscode.Uri.joinPath(this.extensionUri, 'snippets').fsPath;
  }

  find(id: string): SnippetInfo | undefined {
    return core().SNIPPET_CATALOG.find((snippet) => snippet.id === id);
  }

  title(snippet: SnippetInfo, language: ContentLanguage): string {
    return core().localize(snippet.title, language) ?? snippet.id;
  }

  /** Opens a copy of the snippet in an untitled editor, so edits never touch the installed extension. */
  async open(id: string): Promise<vscode.TextEditor | undefined> {
    const snippet = this.find(id);
    if (!snippet) {
      void vscode.window.showErrorMessage(vscode.l10n.t('There is no snippet "{0}".', id));
      return undefined;
    }
    const source = await readFile(path.join(this.snippetsDir, `${snippet.id}.ts`), 'utf8');
    const uri = await this.freeUntitledUri(`${snippet.id}.ts`);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), source));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    return editor;
  }

  /** Inserts the snippet, without its demo, at the cursor of the active editor. */
  async insert(id: string, editor = vscode.window.activeTextEditor): Promise<boolean> {
    const snippet = this.find(id);
    if (!snippet) return false;
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open an editor first: the snippet is inserted at its cursor.'));
      return false;
    }
    const source = await readFile(path.join(this.snippetsDir, `${snippet.id}.ts`), 'utf8');
    return editor.edit((builder) => builder.replace(editor.selection, `${core().stripDemo(source, `${snippet.id}.ts`)}\n`));
  }

  run(source: string, options: { fileName: string; filePath?: string; onOutput?(chunk: OutputChunk): void }): RunHandle {
    return core().runTypeScript(source, {
      ...options,
      snippetsDir: this.snippetsDir,
      workerScript: vscode.Uri.joinPath(this.extensionUri, 'dist', 'runnerWorker.js').fsPath,
      timeoutMs: Math.round(setting('run.timeoutSeconds') * 1000),
      memoryLimitMb: setting('run.memoryLimitMb'),
      maxOutputBytes: setting('run.maxOutputKb') * 1024,
    });
  }

  /** Runs the editor's text, streams its console output to the output channel, and marks an error's line. */
  async runEditor(editor = vscode.window.activeTextEditor): Promise<(RunResult & { output: string }) | undefined> {
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a TypeScript file to run it.'));
      return undefined;
    }
    const document = editor.document;
    if (!['typescript', 'javascript'].includes(document.languageId)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Run Snippet runs TypeScript or JavaScript; this editor holds {0}.', document.languageId));
      return undefined;
    }
    if (document.uri.scheme === 'file' && !vscode.workspace.isTrusted) {
      void explainTrustNeeded(vscode.l10n.t('Running code from a workspace file needs a trusted workspace. Trust this folder to run it, or open the snippet from ML Interview: Open Snippet.'));
      return undefined;
    }
    this.stop();
    const channel = this.channel();
    const fileName = path.basename(document.uri.path) || document.uri.path;
    channel.clear();
    channel.show(true);
    channel.appendLine(vscode.l10n.t('▶ Running {0}…', fileName));
    this.diagnostics.delete(document.uri);
    let output = '';
    const handle = this.run(document.getText(), {
      fileName,
      filePath: document.uri.scheme === 'file' ? document.uri.fsPath : undefined,
      onOutput: (chunk) => {
        output += chunk.text;
        channel.append(chunk.text);
      },
    });
    this.current = { handle, uri: document.uri };
    await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, true);
    try {
      const result = await handle.result;
      channel.appendLine('');
      channel.appendLine(describeResult(result, fileName));
      if (result.status === 'error' && result.line !== undefined) {
        const line = Math.max(0, result.line - 1);
        const column = Math.max(0, (result.column ?? 1) - 1);
        const range = document.lineAt(Math.min(line, document.lineCount - 1)).range.with({ start: new vscode.Position(line, column) });
        const diagnostic = new vscode.Diagnostic(range, result.message ?? 'Error', vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'ML Interview: Run';
        this.diagnostics.set(document.uri, [diagnostic]);
      }
      return { ...result, output };
    } finally {
      if (this.current?.handle === handle) {
        this.current = undefined;
        await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, false);
      }
    }
  }

  stop(): void {
    this.current?.handle.cancel();
  }

  private channel(): vscode.OutputChannel {
    this.outputChannel ??= this.register(vscode.window.createOutputChannel('ML Interview: Run', 'log'));
    return this.outputChannel;
  }

  private async freeUntitledUri(name: string): Promise<vscode.Uri> {
    const open = new Set(vscode.workspace.textDocuments.filter((d) => d.isUntitled).map((d) => d.uri.path));
    const base = name.replace(/\.ts$/, '');
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${base}-${n}.ts`;
      if (!open.has(candidate)) return vscode.Uri.from({ scheme: 'untitled', path: candidate });
    }
  }
}

/** One line that says how a run ended, with the TypeScript line of an error. */
export function describeResult(result: RunResult, fileName: string): string {
  const seconds = (result.durationMs / 1000).toFixed(2);
  const where = result.line !== undefined ? ` (${fileName}:${result.line}${result.column !== undefined ? `:${result.column}` : ''})` : '';
  const truncated = result.truncated ? vscode.l10n.t(' Output was cut at the limit.') : '';
  switch (result.status) {
    case 'ok':
      return vscode.l10n.t('✔ Finished in {0} s.', seconds) + truncated;
    case 'error':
      return vscode.l10n.t('✖ {0}{1}', result.message ?? 'Error', where) + truncated;
    case 'timeout':
      return vscode.l10n.t('✖ Stopped after {0} s: the time limit (setting mlInterview.run.timeoutSeconds) was reached.', seconds) + truncated;
    case 'memory':
      return vscode.l10n.t('✖ Stopped: the program ran out of memory (setting mlInterview.run.memoryLimitMb).') + truncated;
    case 'exit':
      return vscode.l10n.t('■ The program {0}.', result.message ?? 'exited') + truncated;
    case 'cancelled':
      return vscode.l10n.t('■ Stopped.') + truncated;
  }
}
