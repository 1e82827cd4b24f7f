import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Options of every panel: scripts on, and local resources only from the extension's media and webview bundle. */
export function lockedDownWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

/** A fresh script nonce for each render, from a cryptographic source. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}
