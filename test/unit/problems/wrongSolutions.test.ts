import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckReport, ProblemCase } from '../../../src/problems/core/caseResults';
import type { Problem } from '../../../src/problems/core/problemLoader';
import { builtInProblems, casesOf, checkPy, checkTs, FIXTURES } from './helpers';

/** Every case of the report, as `status: message`. */
const summary = (report: CheckReport) => report.cases.map((c) => `${c.status}: ${c.message}`);

describe('practice problems: wrong solutions fail with the right message', function () {
  this.timeout(60000);
  const problems = new Map<string, { problem: Problem; cases: ProblemCase[] }>();
  before(async () => {
    for (const problem of await builtInProblems()) problems.set(problem.id, { problem, cases: await casesOf(problem) });
  });
  const ts = (id: string, fixture: string, options = {}) => {
    const { problem, cases } = problems.get(id)!;
    return checkTs(problem, cases, path.join(FIXTURES, fixture), options);
  };
  const py = (id: string, fixture: string, options = {}) => {
    const { problem, cases } = problems.get(id)!;
    return checkPy(problem, cases, path.join(FIXTURES, fixture), options);
  };
  const caseNamed = (report: CheckReport, name: string) => {
    const found = report.cases.find((c) => c.name === name);
    assert.ok(found, `no case ${name}`);
    return found;
  };

  describe('softmax overflowing at logit 1000: NaN reported', () => {
    for (const [language, run] of [
      ['TypeScript', () => ts('softmax', 'softmax-overflow.ts')],
      ['Python', () => py('softmax', 'softmax_overflow.py')],
    ] as const) {
      it(language, async () => {
        const report = await run();
        assert.equal(caseNamed(report, 'small example').status, 'passed');
        const overflow = caseNamed(report, 'logits +-1000');
        assert.equal(overflow.status, 'failed');
        assert.equal(overflow.message, 'result: NaN at [0][0] (expected 1); 4 values are NaN or infinite');
        assert.match(overflow.actualText ?? '', /NaN/);
        assert.ok(report.passed < report.total);
      });
    }
  });

  describe('attention without /√d: values differ, first index named', () => {
    for (const [language, run] of [
      ['TypeScript', () => ts('attention-causal', 'attention-no-scale.ts')],
      ['Python', () => py('attention-causal', 'attention_no_scale.py')],
    ] as const) {
      it(language, async () => {
        const report = await run();
        const c = caseNamed(report, 'self-attention T=6, d=8, causal');
        assert.equal(c.status, 'failed');
        assert.match(c.message, /^output: \d+ of 48 values differ; first at \[1\]\[0\]: got -?[\d.e-]+, expected -?[\d.e-]+; largest absolute error [\d.e-]+ at \[\d\]\[\d\] \(tolerance 1e-6 \+ 1e-6·\|expected\|\); weights: \d+ of 36 values differ; first at \[1\]\[0\]/);
        assert.ok(c.expectedText?.startsWith('output: [['), c.expectedText);
      });
    }
  });

  describe('a causal mask that leaks the future', () => {
    for (const [language, run] of [
      ['TypeScript', () => ts('attention-causal', 'attention-leaky-mask.ts')],
      ['Python', () => py('attention-causal', 'attention_leaky_mask.py')],
    ] as const) {
      it(language, async () => {
        const report = await run();
        assert.equal(caseNamed(report, 'T=5, d=16, not causal').status, 'passed');
        const c = caseNamed(report, 'example, causal');
        assert.equal(c.status, 'failed');
        assert.match(c.message, /^output: 2 of 2 values differ; first at \[0\]\[0\]: got 1\.33024, expected 1; .*; weights: 4 of 4 values differ; first at \[0\]\[0\]: got 0\.669762, expected 1; /);
      });
    }
  });

  describe('a transposed result: the shapes are named', () => {
    for (const [language, run] of [
      ['TypeScript', () => ts('rope', 'rope-transposed.ts')],
      ['Python', () => py('rope', 'rope_transposed.py')],
    ] as const) {
      it(language, async () => {
        const report = await run();
        assert.equal(caseNamed(report, 'random T=8, d=16').message, 'result: shape mismatch: expected 8×16, got 16×8');
        assert.equal(caseNamed(report, 'random T=5, d=4, base 100').message, 'result: shape mismatch: expected 5×4, got 4×5');
      });
    }
  });

  it('a missing function is named (TypeScript)', async () => {
    const report = await ts('softmax', 'softmax-misnamed.ts');
    assert.deepEqual(new Set(summary(report)), new Set(['error: the file has no function named `softmax`: write `export function softmax(…)`']));
  });

  it('a missing function is named (Python), with the functions the file defines', async () => {
    const report = await py('softmax', 'softmax_misnamed.py');
    assert.deepEqual(new Set(summary(report)), new Set(['error: the file has no function named `softmax`; the file defines soft_max']));
  });

  it('wrong arity (TypeScript)', async () => {
    const report = await ts('softmax', 'softmax-arity.ts');
    assert.deepEqual(new Set(summary(report)), new Set(['error: wrong number of parameters: `softmax` takes 2, but each case passes 1; the signature is `softmax(x: number[][]): number[][]`']));
  });

  it('wrong arity (Python)', async () => {
    const report = await py('softmax', 'softmax_arity.py');
    assert.deepEqual(new Set(summary(report)), new Set(['error: wrong number of parameters: `softmax` takes (x, axis), but each case passes 1; the signature is `softmax(x: np.ndarray) -> np.ndarray`']));
    assert.equal(report.cases[0].line, 4);
  });

  it('a Python exception, at its line, with the traceback in the user file only', async () => {
    const report = await py('softmax', 'softmax_raises.py');
    for (const c of report.cases) {
      assert.equal(c.status, 'error');
      assert.equal(c.message, 'ValueError: rows must be sorted (line 6)');
      assert.equal(c.line, 6);
      assert.deepEqual(c.traceback, [
        { line: 10, function: 'softmax', code: '_check(x)' },
        { line: 6, function: '_check', code: 'raise ValueError("rows must be sorted")' },
      ]);
    }
  });

  it('a TypeScript throw, at its line', async () => {
    const report = await ts('softmax', 'softmax-throws.ts');
    for (const c of report.cases) {
      assert.equal(c.status, 'error');
      assert.equal(c.message, 'RangeError: rows must be sorted (line 4)');
      assert.equal(c.line, 4);
      assert.equal(c.errorType, 'RangeError');
    }
  });

  it('a syntax error (TypeScript), at its line', async () => {
    const report = await ts('softmax', 'softmax-syntax-error.ts.txt');
    assert.equal(report.cases.length, 7);
    for (const c of report.cases) {
      assert.equal(c.status, 'error');
      assert.match(c.message, /^SyntaxError: .* \(line 3\)$/);
      assert.equal(c.line, 3);
    }
  });

  it('a syntax error (Python), at its line', async () => {
    const report = await py('softmax', 'softmax_syntax_error.py');
    for (const c of report.cases) {
      assert.equal(c.status, 'error');
      assert.equal(c.errorType, 'SyntaxError');
      assert.match(c.message, /^SyntaxError: .+ \(line 5\)$/);
      assert.equal(c.line, 5);
    }
  });

  it('a missing import (TypeScript): the module is named', async () => {
    const report = await ts('softmax', 'softmax-missing-import.ts.txt');
    for (const c of report.cases) {
      assert.equal(c.status, 'error');
      assert.match(c.message, /Cannot find module '\.\/numeric-helpers'/);
    }
  });

  it('a missing import (Python): ModuleNotFoundError at the import line; a forgotten numpy import: NameError at its use', async () => {
    const missing = await py('softmax', 'softmax_import_error.py');
    for (const c of missing.cases) assert.equal(c.message, "ModuleNotFoundError: No module named 'numeric_helpers' (line 2)");
    const forgotten = await py('softmax', 'softmax_missing_import.py');
    for (const c of forgotten.cases) assert.equal(c.message, "NameError: name 'np' is not defined (line 5)");
  });

  it('process.exit(1) in TypeScript: the case says so, the others did not run', async () => {
    const report = await ts('softmax', 'softmax-exit.ts');
    assert.deepEqual(summary(report), [
      'error: the program called process.exit(1) during this case',
      ...Array(6).fill('not-run: not run: the program exited before this case'),
    ]);
  });

  it('sys.exit(1) in Python: reported per case, the harness goes on', async () => {
    const report = await py('softmax', 'softmax_exit.py');
    assert.deepEqual(new Set(summary(report)), new Set(['error: SystemExit: sys.exit(1) was called (line 7)']));
    assert.equal(report.cases.length, 7);
  });

  it('an endless loop stops at the time limit (TypeScript)', async () => {
    const report = await ts('softmax', 'softmax-endless.ts', { timeoutMs: 1000 });
    assert.deepEqual(summary(report), [
      'not-run: did not finish: stopped at the 1 s time limit (setting mlInterview.run.timeoutSeconds)',
      ...Array(6).fill('not-run: not run: an earlier case did not finish'),
    ]);
  });

  it('an endless loop stops at the time limit (Python), its process group killed', async () => {
    const started = Date.now();
    const report = await py('softmax', 'softmax_endless.py', { timeoutMs: 1000 });
    assert.deepEqual(summary(report), [
      'not-run: did not finish: stopped at the 1 s time limit (setting mlInterview.run.timeoutSeconds)',
      ...Array(6).fill('not-run: not run: an earlier case did not finish'),
    ]);
    assert.ok(Date.now() - started < 10000);
  });

  it('100 MB printed: the output is capped, the results still arrive (TypeScript)', async () => {
    const report = await ts('softmax', 'softmax-prints.ts', { timeoutMs: 30000 });
    assert.equal(report.outputTruncated, true);
    assert.ok(Buffer.byteLength(report.output) < 1.1 * 1024 * 1024, `${Buffer.byteLength(report.output)} bytes kept`);
    assert.match(report.output, /\[output truncated: more than 1 MB was printed; the rest is not shown\]/);
    assert.equal(report.passed, report.total, summary(report).join('\n'));
  });

  it('100 MB printed: the output is capped, the results still arrive (Python)', async () => {
    const report = await py('softmax', 'softmax_prints.py', { timeoutMs: 30000 });
    assert.equal(report.outputTruncated, true);
    assert.ok(Buffer.byteLength(report.output) < 1.1 * 1024 * 1024, `${Buffer.byteLength(report.output)} bytes kept`);
    assert.match(report.output, /\[output truncated: more than 1 MB was printed; the rest is not shown\]/);
    assert.equal(report.passed, report.total, summary(report).join('\n'));
  });

  it('a memory bomb hits the memory limit (TypeScript)', async () => {
    const report = await ts('softmax', 'softmax-memory.ts', { memoryLimitMb: 64 });
    assert.deepEqual(summary(report), [
      'not-run: did not finish: the program used more than the 64 MB memory limit',
      ...Array(6).fill('not-run: not run: the program ran out of memory'),
    ]);
  });

  it('a memory bomb hits the memory limit (Python): MemoryError per case', async function () {
    if (process.platform !== 'linux') this.skip(); // RLIMIT_AS is enforced on Linux only
    const report = await py('softmax', 'softmax_memory.py', { memoryLimitMb: 64 });
    assert.deepEqual(new Set(summary(report)), new Set(['error: MemoryError: out of memory (the limit is 64 MB) (line 7)']));
  });

  it('NumPy missing: one fatal message that says how to install it', async () => {
    const { problem, cases } = problems.get('softmax')!;
    // A numpy module that fails to import, put first on the path.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-no-numpy-'));
    const shim = path.join(dir, 'numpy.py');
    fs.writeFileSync(shim, 'raise ImportError("no numpy here")\n');
    const report = await checkPy(problem, cases, problem.files.solutionPy, { env: { PYTHONPATH: dir } });
    assert.equal(report.fatal?.kind, 'numpy-missing');
    assert.match(report.fatal?.message ?? '', /NumPy is not installed for .*python3 -m pip install numpy.*sudo apt install python3-numpy/);
    assert.ok(report.cases.every((c) => c.status === 'not-run'));
  });

  it('a missing interpreter is a fatal message, not a crash', async () => {
    const { problem, cases } = problems.get('softmax')!;
    const report = await checkPy(problem, cases, problem.files.solutionPy, { python: '/nonexistent/python3' });
    assert.equal(report.fatal?.kind, 'interpreter-missing');
    assert.match(report.fatal?.message ?? '', /^Could not start the Python interpreter \/nonexistent\/python3: /);
  });
});
