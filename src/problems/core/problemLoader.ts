// Reads practice problems: `content/problems/<id>/` (built in) and the same layout under a user deck's `problems/`
// folder. Each problem folder holds problem.md (front matter + statement), starter.ts, starter.py, solution.ts,
// solution.py and cases.json. A malformed problem becomes a diagnostic at its line; the others still load.
// vscode-free.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { readContentPackSection } from '../../content/core/contentPack';
import type { ContentLanguage } from '../../content/core/language';
import { parseFrontMatter, type TopicProblem } from '../../content/core/topicParser';
import type { ProblemCase } from './caseResults';
import { problemFrontMatterSchema, validateCasesFile, type ProblemFrontMatter } from './problemSchema';

/** A diagnostic about a problem file, located for the Problems panel (zero-based line, as for topics). */
export type ProblemDiagnostic = TopicProblem;

/** The statement and the explanation shown after solving, in one language. */
export interface ProblemText {
  statement: string;
  explanation: string;
}

export interface ProblemFiles {
  problem: string;
  starterTs: string;
  starterPy: string;
  solutionTs: string;
  solutionPy: string;
  cases: string;
}

export interface Problem extends ProblemFrontMatter {
  folder: string;
  files: ProblemFiles;
  /** The reference solutions' text (solution.ts, solution.py): the problem's code card shows them once it is passed. */
  solutions: { ts: string; py: string };
  body: Partial<Record<ContentLanguage, ProblemText>>;
  /** Built-in problems are trusted content; a user deck's are not. */
  trusted: boolean;
}

export interface ProblemSet {
  problems: Problem[];
  diagnostics: ProblemDiagnostic[];
}

export const PROBLEM_FILE = 'problem.md';
const CODE_FILES = ['starter.ts', 'starter.py', 'solution.ts', 'solution.py', 'cases.json'] as const;

/** The section headings of a statement, per language. */
const HEADINGS: Record<ContentLanguage, [string, string]> = { en: ['Problem', 'Explanation'], 'zh-cn': ['题目', '解析'] };

const LANGUAGE_MARKER = /^<!--\s*lang:\s*([A-Za-z-]+)\s*-->[ \t]*$/gm;

export type ParsedProblem = { ok: true; frontMatter: ProblemFrontMatter; body: Partial<Record<ContentLanguage, ProblemText>> } | { ok: false; problems: ProblemDiagnostic[] };

/** Parses problem.md: YAML front matter validated by the schema, then the statement split by language and heading. */
export function parseProblemFile(file: string, text: string): ParsedProblem {
  const fail = (line: number, message: string): ParsedProblem => ({ ok: false, problems: [{ file, line, message }] });
  const front = parseFrontMatter(file, text, problemFrontMatterSchema);
  if (!front.ok) return { ok: false, problems: front.problems };
  const body = splitBody(front.body, front.bodyStartLine);
  if ('line' in body) return fail(body.line, body.message);
  return { ok: true, frontMatter: front.data, body };
}

/** Splits the body at `<!-- lang: xx -->` markers and each section at its two `## ` headings. */
function splitBody(body: string, firstLine: number): Partial<Record<ContentLanguage, ProblemText>> | { line: number; message: string } {
  const lineAt = (offset: number) => firstLine + body.slice(0, offset).split('\n').length - 1;
  const markers = [...body.matchAll(LANGUAGE_MARKER)];
  const sections: { language: ContentLanguage; text: string; offset: number }[] = [];
  if (markers.length === 0) return { line: firstLine, message: l10n.t('the statement needs a `<!-- lang: en -->` or `<!-- lang: zh-cn -->` section') };
  for (const [index, marker] of markers.entries()) {
    const language = marker[1].toLowerCase();
    const offset = marker.index ?? 0;
    if (language !== 'en' && language !== 'zh-cn') {
      return { line: lineAt(offset), message: l10n.t('unknown language marker `{0}`: use `<!-- lang: en -->` or `<!-- lang: zh-cn -->`', marker[0]) };
    }
    if (sections.some((s) => s.language === language)) return { line: lineAt(offset), message: l10n.t('the language `{0}` has two sections: keep one', language) };
    const end = index + 1 < markers.length ? (markers[index + 1].index ?? body.length) : body.length;
    sections.push({ language, text: body.slice(offset + marker[0].length, end), offset });
  }
  const result: Partial<Record<ContentLanguage, ProblemText>> = {};
  for (const section of sections) {
    const [first, second] = HEADINGS[section.language];
    const split = new RegExp(`^##[ \\t]+${first}[ \\t]*$([\\s\\S]*?)^##[ \\t]+${second}[ \\t]*$([\\s\\S]*)`, 'm').exec(section.text);
    if (!split) {
      return { line: lineAt(section.offset), message: l10n.t('the `{0}` section needs the headings `## {1}` and then `## {2}`', section.language, first, second) };
    }
    result[section.language] = { statement: split[1].trim(), explanation: split[2].trim() };
  }
  return result;
}

/** Reads every problem folder under `folder` (absent: no problems, no error). */
export async function loadProblems(folder: string, options: { trusted: boolean }): Promise<ProblemSet> {
  const set: ProblemSet = { problems: [], diagnostics: [] };
  let names: string[];
  try {
    names = (await fs.readdir(folder, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      set.diagnostics.push({ file: folder, line: 0, message: l10n.t('cannot read the problems folder: {0}', errorMessage(error)) });
    }
    return set;
  }
  const loaded = await Promise.all(names.map((name) => loadProblem(path.join(folder, name), options.trusted)));
  for (const result of loaded) {
    if ('problem' in result) set.problems.push(result.problem);
    else set.diagnostics.push(...result.problems);
  }
  return set;
}

/** The built-in problems' folder, relative to the extension's folder. */
export const BUILT_IN_PROBLEMS_FOLDER = path.join('content', 'problems');

/**
 * The built-in practice problems of the extension in `root`, as `loadProblems` reads them from `content/problems`:
 * from the content pack (written by the build from those files with this loader), else — no readable pack, as in a
 * development checkout before its first build — parsed from the sources. The code files and cases stay files: they are
 * read when a problem is started or checked.
 */
export async function builtInProblems(root: string): Promise<ProblemSet> {
  const packed = (await readContentPackSection(root, 'problems')) as ProblemSet | undefined;
  return packed ?? loadProblems(path.join(root, BUILT_IN_PROBLEMS_FOLDER), { trusted: true });
}

/** One problem folder: problem.md parsed and validated, the code files and cases.json present. */
export async function loadProblem(folder: string, trusted: boolean): Promise<{ problem: Problem } | { problems: ProblemDiagnostic[] }> {
  const file = path.join(folder, PROBLEM_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? l10n.t('a problem folder needs a `problem.md`') : l10n.t('cannot read the file: {0}', errorMessage(error));
    return { problems: [{ file, line: 0, message }] };
  }
  const parsed = parseProblemFile(file, text);
  if (!parsed.ok) return { problems: parsed.problems };
  const problems: ProblemDiagnostic[] = [];
  if (parsed.frontMatter.id !== path.basename(folder)) {
    const line = text.split('\n').findIndex((l) => /^id\s*:/.test(l));
    problems.push({ file, line: Math.max(line, 0), message: l10n.t('`id: {0}` must be the name of its folder, {1}', parsed.frontMatter.id, path.basename(folder)) });
  }
  const present = await Promise.all(CODE_FILES.map((name) => fs.stat(path.join(folder, name)).then((stat) => stat.isFile(), () => false)));
  CODE_FILES.forEach((name, index) => {
    if (!present[index]) problems.push({ file, line: 0, message: l10n.t('the problem folder has no `{0}`: every problem needs starter.ts, starter.py, solution.ts, solution.py and cases.json', name) });
  });
  if (problems.length > 0) return { problems };
  const at = (name: string) => path.join(folder, name);
  let solutions: Problem['solutions'];
  try {
    const [ts, py] = await Promise.all([fs.readFile(at('solution.ts'), 'utf8'), fs.readFile(at('solution.py'), 'utf8')]);
    solutions = { ts, py };
  } catch (error) {
    return { problems: [{ file, line: 0, message: l10n.t('cannot read the file: {0}', errorMessage(error)) }] };
  }
  return {
    problem: {
      ...parsed.frontMatter,
      folder,
      trusted,
      body: parsed.body,
      solutions,
      files: { problem: file, starterTs: at('starter.ts'), starterPy: at('starter.py'), solutionTs: at('solution.ts'), solutionPy: at('solution.py'), cases: at('cases.json') },
    },
  };
}

/** Reads and validates a problem's cases.json. */
export async function loadProblemCases(problem: Pick<Problem, 'files'>): Promise<{ ok: true; cases: ProblemCase[] } | { ok: false; problems: ProblemDiagnostic[] }> {
  const file = problem.files.cases;
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    return { ok: false, problems: [{ file, line: 0, message: l10n.t('cannot read the cases: {0}', errorMessage(error)) }] };
  }
  const checked = validateCasesFile(data);
  if (!checked.ok) {
    // cases.json has one case per line after the opening line.
    return { ok: false, problems: [{ file, line: checked.caseIndex !== undefined ? checked.caseIndex + 1 : 0, message: checked.message }] };
  }
  return { ok: true, cases: checked.cases as ProblemCase[] };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
