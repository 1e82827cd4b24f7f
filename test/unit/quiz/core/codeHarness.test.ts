import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildHarness, EXERCISE_GOLDEN, exerciseCases, gradeHarnessRun, lineInUserSource, parseHarnessOutput, type HarnessCase } from '../../../../src/quiz/core/codeHarness';
import { EXERCISE_IDS, type ExerciseId } from '../../../../src/quiz/core/kinds/code';
import { Rating } from '../../../../src/quiz/core/scheduler';
import { runTypeScript } from '../../../../src/snippets/core/runner';

const ROOT = path.resolve(__dirname, '../../../..');
const golden = (exercise: ExerciseId): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'golden', `${EXERCISE_GOLDEN[exercise]}.json`), 'utf8'));
const WORKER_SHIM = path.join(ROOT, 'test', 'unit', 'snippets', 'core', 'runner', 'fixtures', 'worker-shim.js');

const twoCases: HarnessCase[] = [
  { name: 'first', input: { x: [[1]] }, expected: [{ label: 'output', value: [[1, 2]] }] },
  { name: 'second', input: { x: [[2]] }, expected: [{ label: 'output', value: [[3]] }] },
];
const MARKER = '@@m@@';
const harness = buildHarness('layernorm', 'line 1\nline 2\nline 3', twoCases, MARKER);

describe('code exercise harness', () => {
  it('picks a handful of named golden cases for every exercise', () => {
    const names = Object.fromEntries(EXERCISE_IDS.map((id) => [id, exerciseCases(id, golden(id)).map((c) => c.name)]));
    assert.deepEqual(names, {
      batchnorm: ['3 features, train→train→train→eval→eval', '1 feature, eps 0.001, momentum 0.3, train→train→eval', '5 features, momentum 0.5, train→train→train→train→eval'],
      layernorm: ['x [1][4], eps 0.00001', 'x [3][5], eps 0.00001', 'x [2][1], eps 0.00001', 'x [4][8], eps 0.001', 'x [3][6], eps 0.00001'],
      'attention-causal': [
        'q [3][4], k [3][4], v [3][2]',
        'q [3][4], k [3][4], v [3][2], causal',
        'q [4][3], k [6][3], v [6][5]',
        'q [4][3], k [6][3], v [6][5], causal',
        'q [2][8], k [2][8], v [2][3], causal',
      ],
    });
    const batchnorm = exerciseCases('batchnorm', golden('batchnorm'))[1];
    assert.deepEqual(batchnorm.expected.map((e) => e.label), ['step 1 y', 'step 1 runningMean', 'step 1 runningVar', 'step 2 y', 'step 2 runningMean', 'step 2 runningVar', 'step 3 y', 'step 3 runningMean', 'step 3 runningVar']);
  });

  it('appends the harness after the learner’s source, with only the inputs (never the expected values)', () => {
    assert.ok(harness.source.startsWith('line 1\nline 2\nline 3\n\n;{\n'));
    assert.equal(harness.userLines, 3);
    assert.match(harness.source, /const __mlipInputs = \[\{"x":\[\[1\]\]\},\{"x":\[\[2\]\]\}\];/);
    assert.match(harness.source, /const __mlipCall = \(c\) => \(\{ output: layerNorm\(c\.x, c\.gamma, c\.beta, c\.eps\) \}\);/);
    assert.doesNotMatch(harness.source, /\[\[1,2\]\]|\[\[3\]\]/);
  });

  it('reads one marked line per case, ignoring the program’s own output, and grades it', () => {
    const output = ['hello', `${MARKER}{"index":1,"outputs":{"output":[[3]]}}`, 'noise', `${MARKER}{"index":0,"outputs":{"output":[[1,{"$number":"NaN"}]]}}`].join('\n');
    const runs = parseHarnessOutput(output, harness, { status: 'ok' }, 'Untitled-1');
    assert.deepEqual(runs, [
      { name: 'first', checks: [{ label: 'output', actual: [[1, Number.NaN]], expected: [[1, 2]] }] },
      { name: 'second', checks: [{ label: 'output', actual: [[3]], expected: [[3]] }] },
    ]);
    const grade = gradeHarnessRun(output, harness, { status: 'ok' }, 'Untitled-1');
    assert.deepEqual(grade, {
      results: [
        { name: 'first', passed: false, reason: 'output[0][1] = NaN, expected 2' },
        { name: 'second', passed: true, reason: 'ok' },
      ],
      passedCount: 1,
      rating: Rating.Again,
    });
  });

  it('reports a thrown error with the line in the learner’s source, and cases a time limit cut off', () => {
    const stack = 'Error: boom\n    at __mlipCall (Untitled-1:5:3)\n    at layerNorm (Untitled-1:2:11)\n    at Untitled-1:1:1';
    const output = `${MARKER}${JSON.stringify({ index: 0, error: 'Error: boom', stack })}\n`;
    const grade = gradeHarnessRun(output, harness, { status: 'timeout' }, 'Untitled-1');
    assert.deepEqual(grade.results, [
      { name: 'first', passed: false, reason: 'threw an error: Error: boom (line 2)' },
      { name: 'second', passed: false, reason: 'did not finish: stopped at the time limit (setting mlInterview.run.timeoutSeconds)' },
    ]);
    assert.equal(lineInUserSource(stack, 'Untitled-1', 1), 1);
    assert.equal(lineInUserSource('at x (other.ts:1:1)', 'Untitled-1', 9), undefined);
  });

  it('explains cases that never ran because the program failed first', () => {
    const grade = gradeHarnessRun('', harness, { status: 'error', message: 'SyntaxError: Unexpected token', line: 2 }, 'Untitled-1');
    assert.deepEqual(
      grade.results.map((result) => result.reason),
      ['not run: the program failed first: SyntaxError: Unexpected token (line 2)', 'not run: the program failed first: SyntaxError: Unexpected token (line 2)'],
    );
    assert.equal(gradeHarnessRun('', harness, { status: 'timeout' }, 'x').results[1].reason, 'not run: an earlier case did not finish');
  });

  describe('run through the snippet runner', function () {
    this.timeout(60_000);

    async function check(exercise: ExerciseId, source: string) {
      const cases = exerciseCases(exercise, golden(exercise));
      const built = buildHarness(exercise, source, cases, '@@mlip-test@@');
      let output = '';
      const handle = runTypeScript(built.source, { fileName: 'solution.ts', snippetsDir: path.join(ROOT, 'snippets'), workerScript: WORKER_SHIM, onOutput: (chunk) => (output += chunk.text) });
      const result = await handle.result;
      return gradeHarnessRun(output, built, result, 'solution.ts');
    }

    it('passes every exercise with the reference snippets', async () => {
      const reexport = { batchnorm: 'BatchNorm1d', layernorm: 'layerNorm', 'attention-causal': 'scaledDotProductAttention' } as const;
      const file = { batchnorm: 'batchnorm', layernorm: 'layernorm', 'attention-causal': 'attention' } as const;
      for (const exercise of EXERCISE_IDS) {
        const grade = await check(exercise, `import { ${reexport[exercise]} as reference } from './${file[exercise]}';\nconst ${reexport[exercise]} = reference;\n`);
        assert.deepEqual(grade.results.filter((result) => !result.passed), [], exercise);
        assert.equal(grade.rating, Rating.Good);
      }
    });

    it('fails the untouched starter, naming the line that throws', async () => {
      const starter = fs.readFileSync(path.join(ROOT, 'content', 'exercises', 'layernorm.ts'), 'utf8');
      const grade = await check('layernorm', starter);
      assert.equal(grade.passedCount, 0);
      assert.equal(grade.results[0].reason, 'threw an error: Error: Not implemented yet (line 15)');
      assert.equal(grade.rating, Rating.Again);
    });

    it('names the first wrong value of a near-miss (unbiased variance)', async () => {
      const source = `export function layerNorm(x: number[][], gamma: number[], beta: number[], eps = 1e-5): number[][] {
  return x.map((row) => {
    const mean = row.reduce((a, b) => a + b, 0) / row.length;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, row.length - 1);
    return row.map((value, j) => ((value - mean) / Math.sqrt(variance + eps)) * gamma[j] + beta[j]);
  });
}`;
      const grade = await check('layernorm', source);
      assert.equal(grade.rating, Rating.Again);
      assert.match(grade.results[1].reason, /^output\[0\]\[0\] = [-\d.e]+, expected 0\.417228 \(\|diff\| [\d.e-]+ > [\d.e-]+\); \d+ more values differ$/);
    });
  });
});
