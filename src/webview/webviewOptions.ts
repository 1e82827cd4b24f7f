import * as vscode from 'vscode';

/** Options of every panel: scripts on, and local resources only from the extension's media and webview bundle. */
export function lockedDownWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // No page has a form; a submitted form would navigate the webview.
    enableForms: false,
    enableFindWidget: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}
