// Shared set-up of the practice-problem tests: the built-in problems, the interpreter, and both checkers wired to
// the real runner (through the test worker shim) and the real harness.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckReport, ProblemCase } from '../../../src/problems/core/caseResults';
import { loadProblemCases, loadProblems, type Problem } from '../../../src/problems/core/problemLoader';
import { checkPython, type PythonCheckOptions } from '../../../src/problems/core/pythonCheck';
import { checkTypeScript, type TypeScriptCheckOptions } from '../../../src/problems/core/tsCheck';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const PROBLEMS_DIR = path.join(ROOT, 'content', 'problems');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'problems');
export const HARNESS = path.join(ROOT, 'python', 'harness.py');
const SNIPPETS_DIR = path.join(ROOT, 'snippets');
const WORKER_SHIM = path.join(ROOT, 'test', 'unit', 'snippets', 'core', 'runner', 'fixtures', 'worker-shim.js');

/** The interpreter for the Python checks: MLIP_PYTHON, else Debian's /usr/bin/python3 when present, else python3. */
export const PYTHON = process.env.MLIP_PYTHON ?? (fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

export async function builtInProblems(): Promise<Problem[]> {
  return (await loadProblems(PROBLEMS_DIR, { trusted: true })).problems;
}

export async function casesOf(problem: Problem): Promise<ProblemCase[]> {
  const loaded = await loadProblemCases(problem);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.cases;
}

export function checkTs(problem: Problem, cases: ProblemCase[], file: string, options: Partial<TypeScriptCheckOptions> = {}): Promise<CheckReport> {
  return checkTypeScript({
    source: fs.readFileSync(file, 'utf8'),
    fileName: path.basename(file),
    filePath: file,
    entry: problem.entry.ts,
    signature: problem.signature.ts,
    cases,
    snippetsDir: SNIPPETS_DIR,
    workerScript: WORKER_SHIM,
    ...options,
  }).result;
}

export function checkPy(problem: Problem, cases: ProblemCase[], file: string, options: Partial<PythonCheckOptions> = {}): Promise<CheckReport> {
  return checkPython({
    python: PYTHON,
    harnessPath: HARNESS,
    userFile: file,
    casesFile: problem.files.cases,
    cases,
    entry: problem.entry.py,
    signature: problem.signature.py,
    ...options,
  }).result;
}

/** One line per failing case, for assertion messages. */
export function failures(report: CheckReport): string {
  const lines = report.cases.filter((c) => c.status !== 'passed').map((c) => `${c.name}: [${c.status}] ${c.message}`);
  if (report.fatal) lines.unshift(`fatal: ${report.fatal.message}`);
  return lines.join('\n') + (report.output ? `\noutput:\n${report.output.slice(0, 2000)}` : '');
}
