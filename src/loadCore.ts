import * as vscode from 'vscode';
import type * as Core from './core';

export type CoreModule = typeof Core;

let loaded: CoreModule | undefined;

/**
 * The vscode-free core (content, rendering, scheduling, grading, running code), loaded on first use: activation only
 * registers, so it never pays for parsing the core and its libraries (markdown-it, KaTeX, highlight.js, YAML, zod,
 * ts-fsrs). When built, the core is its own file, dist/core.js, and no module is in both files (scripts/build.mjs).
 */
/** Whether the core has been loaded (so that disposal need not load it just to release nothing). */
export function isCoreLoaded(): boolean {
  return loaded !== undefined;
}

export function core(): CoreModule {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point; see above
    loaded = require('./core') as CoreModule;
    // The core's own messages (deck and card problems, run results) follow VS Code's display language.
    loaded.configureLocalization(vscode.l10n.bundle, vscode.env.language);
  }
  return loaded;
}
