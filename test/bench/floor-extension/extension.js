// The benchmark's floor: the least an extension can do to show a webview panel. A view with one row (clicked like
// our Topics tree) whose command opens an empty panel with the options ours use (src/webview/webviewOptions.ts) and
// a trivial document under a strict CSP. scripts/bench/sessions.mjs times the click to this frame's first paint.
'use strict';
const vscode = require('vscode');

function activate(context) {
  const row = { label: 'Open empty panel' };
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('benchFloor.view', {
      getChildren: (node) => (node ? [] : [row]),
      getTreeItem: () => {
        const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
        item.command = { title: row.label, command: 'benchFloor.open' };
        return item;
      },
    }),
    vscode.commands.registerCommand('benchFloor.open', () => {
      const panel = vscode.window.createWebviewPanel('benchFloor.empty', 'Empty panel', vscode.ViewColumn.Active, {
        enableScripts: true,
        enableForms: false,
        enableFindWidget: true,
        retainContextWhenHidden: false,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
      });
      panel.webview.html =
        '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">' +
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${panel.webview.cspSource}; img-src ${panel.webview.cspSource}">` +
        '<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>Empty panel</title></head>' +
        '<body><h1 id="floor">Empty panel</h1></body></html>';
    }),
  );
}

module.exports = { activate, deactivate() {} };
