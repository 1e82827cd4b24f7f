// Where a practice file defines the function a problem checks: the CodeLens sits above it and a failed case points
// at it. vscode-free.
import type { PracticeLanguage } from './problemProgress';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The zero-based line that defines `entry`, or undefined when the file does not (yet) define it. */
export function entryLine(source: string, entry: string, language: PracticeLanguage): number | undefined {
  const name = escapeRegExp(entry);
  // Not `\b`: a TypeScript name may end in `$`, and `f` must not match `f$`.
  const end = '(?![\\w$])';
  const pattern =
    language === 'py'
      ? new RegExp(`^(?:async\\s+)?def\\s+${name}\\s*\\(`)
      : new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:(?:async\\s+)?function\\s*\\*?\\s*${name}${end}|(?:const|let|var)\\s+${name}${end})`);
  const index = source.split(/\r?\n/).findIndex((line) => pattern.test(line));
  return index >= 0 ? index : undefined;
}
