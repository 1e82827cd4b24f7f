import * as vscode from 'vscode';

/**
 * Says why an action needs a trusted workspace and offers VS Code's own trust editor, so the person can grant trust
 * in one click instead of hunting for the setting.
 */
export async function explainTrustNeeded(message: string): Promise<void> {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  if ((await vscode.window.showWarningMessage(message, manage)) === manage) {
    await vscode.commands.executeCommand('workbench.trust.manage');
  }
}
