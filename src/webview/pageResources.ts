import { readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { KatexStyles, WebviewResources } from './core/webviewShell';

/** A page of a panel: its script (dist/webview/<script>.js), its stylesheets (media/<name>.css), and whether it shows math. */
export interface PageAssets {
  script: 'topic' | 'problem' | 'quiz' | 'mock' | 'progress';
  styles: readonly string[];
  math: boolean;
}

/** Files read once and again only when they change (a rebuild under `npm run watch`, an edited stylesheet). */
const files = new Map<string, { mtimeMs: number; text: string }>();
const katexByFontsBase = new Map<string, { source: string; styles: KatexStyles }>();

function read(uri: vscode.Uri): string {
  const file = uri.fsPath;
  const mtimeMs = statSync(file).mtimeMs;
  const cached = files.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.text;
  const text = readFileSync(file, 'utf8');
  files.set(file, { mtimeMs, text });
  return text;
}

/**
 * What a page's document inlines (see WebviewResources): its script, its stylesheets, and KaTeX's, whose fonts stay
 * files the page loads by their webview URLs after its first paint.
 */
export function pageResources(webview: vscode.Webview, extensionUri: vscode.Uri, page: PageAssets): WebviewResources {
  const file = (...segments: string[]) => vscode.Uri.joinPath(extensionUri, ...segments);
  const resources: WebviewResources = {
    cspSource: webview.cspSource,
    nonce: core().newNonce(),
    script: read(file('dist', 'webview', `${page.script}.js`)),
    styles: page.styles.map((name) => read(file('media', `${name}.css`))),
  };
  if (page.math) {
    const katex = file('dist', 'webview', 'katex');
    const source = read(vscode.Uri.joinPath(katex, 'katex.min.css'));
    const fontsBase = webview.asWebviewUri(vscode.Uri.joinPath(katex, 'fonts')).toString();
    let split = katexByFontsBase.get(fontsBase);
    if (split?.source !== source) {
      split = { source, styles: core().splitKatexStylesheet(source, fontsBase) };
      katexByFontsBase.set(fontsBase, split);
    }
    resources.katex = split.styles;
  }
  return resources;
}

/**
 * Yields one turn of the event loop after `createWebviewPanel`, before the page is rendered: messages to the workbench
 * go out only between turns, so the workbench then creates the panel and starts its webview frame (the same for every
 * extension, the floor of a first paint) while the host renders the page, instead of after.
 */
export function yieldToWorkbench(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
