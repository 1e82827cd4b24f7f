// Where a problem's practice files live: `<practice folder>/<id>.ts` and `<id with underscores>.py` (a Python module
// name), user-deck problems in a subfolder named after their deck so they never collide with built-in ones.
// vscode-free: the setting, the workspace folder and the home folder are parameters.
import * as path from 'node:path';
import type { PracticeLanguage } from './problemProgress';

/** Inside the first workspace folder: next to the user's own decks. */
export const WORKSPACE_PRACTICE_FOLDER = path.join('.interview', 'practice');
/** In the home folder, when no folder is open. */
export const HOME_PRACTICE_FOLDER = 'ml-interview-practice';

/**
 * The practice folder: the setting when given (absolute, `~/…`, or relative to the first workspace folder — else to
 * the home folder); otherwise `.interview/practice` in the first workspace folder, or `~/ml-interview-practice`.
 */
export function resolvePracticeFolder(settingValue: string, workspaceFolder: string | undefined, home: string): string {
  const value = settingValue.trim();
  if (value === '') return workspaceFolder ? path.join(workspaceFolder, WORKSPACE_PRACTICE_FOLDER) : path.join(home, HOME_PRACTICE_FOLDER);
  if (value === '~') return home;
  if (value.startsWith('~/') || value.startsWith('~\\')) return path.join(home, value.slice(2));
  if (path.isAbsolute(value)) return path.normalize(value);
  return path.resolve(workspaceFolder ?? home, value);
}

export const LANGUAGE_EXTENSIONS: Record<PracticeLanguage, string> = { ts: '.ts', py: '.py' };

/** The file name of a problem's attempt in one language. */
export function practiceFileName(problemId: string, language: PracticeLanguage): string {
  return language === 'py' ? `${problemId.replace(/-/g, '_')}.py` : `${problemId}.ts`;
}

/** A deck id as a folder name (user decks without a manifest have ids such as `user:file:///…`). */
export function deckFolderName(deckId: string): string {
  const slug = deckId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(-60) || 'deck';
}

/** The attempt's path: built-in problems at the top of the folder, a user deck's in its own subfolder. */
export function practiceFilePath(folder: string, problem: { id: string; deckId?: string }, language: PracticeLanguage): string {
  const name = practiceFileName(problem.id, language);
  return problem.deckId === undefined ? path.join(folder, name) : path.join(folder, deckFolderName(problem.deckId), name);
}

/** The language of a practice file from its extension, if it is one. */
export function practiceLanguageOf(file: string): PracticeLanguage | undefined {
  const extension = path.extname(file).toLowerCase();
  return extension === '.ts' ? 'ts' : extension === '.py' ? 'py' : undefined;
}

/** The problem id a file name stands for (`cross_entropy.py` → `cross-entropy`), to match files outside the folder. */
export function problemIdOfFileName(file: string): string | undefined {
  if (practiceLanguageOf(file) === undefined) return undefined;
  const stem = path.basename(file, path.extname(file)).toLowerCase().replace(/_/g, '-');
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(stem) ? stem : undefined;
}
