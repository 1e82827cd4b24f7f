// Localization of the vscode-free modules (deck and card problems, code-check reasons, run results): their messages go
// through @vscode/l10n, configured here from the extension's own bundle, and zod's built-in issue messages follow.
import * as l10n from '@vscode/l10n';
import type { z } from 'zod';

let zodInChinese = false;
let zodErrorMap: z.core.$ZodErrorMap | undefined;

/** Called on activation with `vscode.l10n.bundle` (undefined for English) and `vscode.env.language`. */
export function configureLocalization(bundle: Record<string, string> | undefined, displayLanguage: string): void {
  l10n.config({ contents: bundle ?? {} });
  // zod turns Chinese only with our Chinese bundle, so its messages never differ in language from the text around them.
  zodInChinese = bundle !== undefined && displayLanguage.toLowerCase().startsWith('zh');
  zodErrorMap = undefined;
}

/**
 * Parse options that put zod's own messages in the display language. Not `z.config`: zod keeps that on `globalThis`,
 * which every extension in the extension host shares.
 */
export function zodParseOptions(): { error?: z.core.$ZodErrorMap } {
  if (!zodInChinese) return {};
  // Loaded on the first parse, not at activation. The one locale we use, by path: `z.locales` would bundle all of
  // zod's locales (~260 KiB).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  zodErrorMap ??= (require('zod/v4/locales/zh-CN.js') as typeof import('zod/v4/locales/zh-CN.js')).default().localeError;
  return { error: zodErrorMap };
}
