import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONTEXT_KEYS, INTERNAL_COMMANDS } from '../constants';
import { core, isCoreLoaded } from '../loadCore';
import { setting } from '../settings';
import type { ContentLanguage } from '../content/core/language';
import { Disposable } from '../util/dispose';
import { explainTrustNeeded } from '../util/workspaceTrust';
import type { SnippetInfo } from './core/catalog';
import type { OutputChunk, RunHandle, RunResult, SourceFrame } from './core/runner';

export const RUNNING_CONTEXT_KEY = CONTEXT_KEYS.snippetRunning;
/** Opens a run error's stack frame in its editor: the target of the links in the Run output. */
export const OPEN_RUN_LOCATION_COMMAND = INTERNAL_COMMANDS.openRunLocation;
const OUTPUT_CHANNEL_NAME = 'ML Interview: Run';

/** Runs TypeScript off the extension host's main thread with the user's limits; shared by Run Snippet and the quiz. */
export interface SnippetRunner {
  run(source: string, options: { fileName: string; filePath?: string; onOutput?(chunk: OutputChunk): void }): RunHandle;
  /** Gets a worker ready for the next run (a run is likely soon: a snippet or an exercise was opened). */
  prepare(): void;
}

/** Opens, inserts and runs the built-in snippets; owns the output channel and the run diagnostics. */
export class SnippetService extends Disposable implements SnippetRunner {
  private outputChannel: vscode.OutputChannel | undefined;
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('mlInterview.run'));
  private current: { handle: RunHandle; uri: vscode.Uri } | undefined;
  /** The file of the last run, whose `name:line:col` positions in the output are links. */
  private lastRun: { fileName: string; uri: vscode.Uri } | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
    this.register({ dispose: () => this.current?.handle.cancel() });
    this.register({ dispose: () => (isCoreLoaded() ? core().disposeStandbyRunner() : undefined) });
    // A run's error marker describes the code as it was; editing the file retires it.
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.diagnostics.delete(event.document.uri)));
    // Each `file:line:col` of a run error in the output links to that line of the editor that ran.
    this.register(vscode.languages.registerDocumentLinkProvider({ scheme: 'output' }, { provideDocumentLinks: (document) => this.runOutputLinks(document) }));
    this.register(
      vscode.commands.registerCommand(OPEN_RUN_LOCATION_COMMAND, async (uri: unknown, line: unknown, column: unknown) => {
        if (typeof uri !== 'string' || typeof line !== 'number' || typeof column !== 'number') return undefined;
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
        return vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
      }),
    );
  }

  private runOutputLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const run = this.lastRun;
    if (!run || !decodeURIComponent(document.uri.toString()).includes(OUTPUT_CHANNEL_NAME)) return [];
    const pattern = new RegExp(`${run.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`, 'g');
    const links: vscode.DocumentLink[] = [];
    for (let index = 0; index < document.lineCount; index++) {
      const text = document.lineAt(index).text;
      for (const match of text.matchAll(pattern)) {
        const start = match.index ?? 0;
        const args = [run.uri.toString(), Number(match[1]), Number(match[2])];
        const link = new vscode.DocumentLink(
          new vscode.Range(index, start, index, start + match[0].length),
          vscode.Uri.parse(`command:${OPEN_RUN_LOCATION_COMMAND}?${encodeURIComponent(JSON.stringify(args))}`),
        );
        link.tooltip = vscode.l10n.t('Go to line {0}, column {1}', args[1], args[2]);
        links.push(link);
      }
    }
    return links;
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
    // Self-contained: the helpers it imports in snippets/ come with it, so it type-checks and runs in an untitled editor.
    const source = core().selfContainedSnippet(snippet.id, await this.reader(), { demo: true });
    const uri = await this.freeUntitledUri(`${snippet.id}.ts`);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    // Replace, not insert: VS Code may hand back a just-closed untitled model of that name with its old text.
    await editor.edit((builder) => builder.replace(new vscode.Range(0, 0, document.lineCount, 0), source));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    this.prepare();
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
    // With the helpers it needs that the file does not declare yet, so it type-checks and runs where it lands.
    const source = core().selfContainedSnippet(snippet.id, await this.reader(), { demo: false, existingNames: core().declaredNames(editor.document.getText()) });
    return editor.edit((builder) => builder.replace(editor.selection, source));
  }

  /** Reads the snippet files (all of them up front: a snippet's helpers live in its neighbours). */
  private async reader(): Promise<(id: string) => string> {
    const sources = new Map<string, string>();
    await Promise.all(
      core().SNIPPET_CATALOG.map(async (snippet) => sources.set(snippet.id, await readFile(path.join(this.snippetsDir, `${snippet.id}.ts`), 'utf8'))),
    );
    return (id) => {
      const source = sources.get(id);
      if (source === undefined) throw new Error(`snippet ${id} is not in the catalog`);
      return source;
    };
  }

  prepare(): void {
    core().prepareRunner({ workerScript: this.workerScript, memoryLimitMb: setting('run.memoryLimitMb') });
  }

  /** dist/runnerWorker.js: the runner's worker thread. */
  get workerScript(): string {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'runnerWorker.js').fsPath;
  }

  run(source: string, options: { fileName: string; filePath?: string; onOutput?(chunk: OutputChunk): void }): RunHandle {
    return core().runTypeScript(source, {
      ...options,
      snippetsDir: this.snippetsDir,
      workerScript: this.workerScript,
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
    this.lastRun = { fileName, uri: document.uri };
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
      // The stack, the user's own frames only, each a link to its line (see runOutputLinks).
      for (const frame of result.status === 'error' ? (result.frames ?? []) : []) channel.appendLine(describeFrame(frame, fileName));
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
    this.outputChannel ??= this.register(vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, 'log'));
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

/** One stack frame of a run error: "    at BatchNorm1d.forward (batchnorm.ts:61:13)". */
export function describeFrame(frame: SourceFrame, fileName: string): string {
  const where = `${fileName}:${frame.line}:${frame.column}`;
  return `    ${frame.functionName ? vscode.l10n.t('at {0} ({1})', frame.functionName, where) : vscode.l10n.t('at top-level code ({0})', where)}`;
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
