import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/**
 * The "ML Interview" log (Output panel), created on first use: what goes wrong without a message to the user — a
 * failed load that will be retried, a refresh that threw — is written here instead of being lost.
 */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('ML Interview', { log: true });
  return channel;
}

/** Released with the extension (registered in extension.ts). */
export const logDisposable: vscode.Disposable = {
  dispose: () => {
    channel?.dispose();
    channel = undefined;
  },
};

/** A rejection handler that logs what failed. */
export function logFailure(what: string): (error: unknown) => void {
  return (error) => log().error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
