// python/harness.py parses its own arguments and keeps its imports to what the interpreter and NumPy load anyway, so
// that a Check costs little more than starting Python with NumPy: these tests hold both.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { HARNESS, PROBLEMS_DIR, PYTHON } from './helpers';

const softmax = path.join(PROBLEMS_DIR, 'softmax');
const run = (args: string[]) => spawnSync(PYTHON, [HARNESS, ...args], { encoding: 'utf8', env: { ...process.env, OPENBLAS_NUM_THREADS: '1' } });

describe('python/harness.py: arguments and start', function () {
  this.timeout(60000);

  it('exits with status 2 and its usage on arguments it cannot take', () => {
    for (const args of [
      [path.join(softmax, 'solution.py'), path.join(softmax, 'cases.json')],
      [path.join(softmax, 'solution.py'), path.join(softmax, 'cases.json'), 'softmax', '--timeout-s', 'soon'],
      [path.join(softmax, 'solution.py'), path.join(softmax, 'cases.json'), 'softmax', '--memory-mb'],
      [path.join(softmax, 'solution.py'), path.join(softmax, 'cases.json'), 'softmax', 'extra'],
    ]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^usage: harness\.py USER_FILE CASES_JSON FUNCTION \[--timeout-s N\] \[--memory-mb N\] \[--parent-fd FD\]\nharness\.py: error: /);
      assert.equal(result.stdout, '');
    }
  });

  it('takes its options in any order after the positional arguments', () => {
    const result = run([path.join(softmax, 'solution.py'), path.join(softmax, 'cases.json'), 'softmax', '--memory-mb', '256', '--timeout-s', '5']);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('\u001eMLIP:'));
    assert.equal(lines.length, 1 + 7); // started, then the 7 cases
    assert.equal(lines[0], '\u001eMLIP:{"started":true}');
  });

  it('imports neither argparse, signal nor traceback on a passing run, and traceback once an error is described', () => {
    // The harness loaded as a module (not as __main__), its main() called, then the loaded modules listed.
    const probe = (solution: string) =>
      spawnSync(
        PYTHON,
        [
          '-c',
          [
            'import runpy, sys',
            `harness = runpy.run_path(${JSON.stringify(HARNESS)})`,
            `harness["main"]([${JSON.stringify(solution)}, ${JSON.stringify(path.join(softmax, 'cases.json'))}, "softmax"])`,
            'sys.stderr.write("LOADED " + " ".join(m for m in ("argparse", "signal", "traceback") if m in sys.modules) + "\\n")',
          ].join('\n'),
        ],
        { encoding: 'utf8', cwd: softmax, env: { ...process.env, OPENBLAS_NUM_THREADS: '1' } },
      );
    const passing = probe(path.join(softmax, 'solution.py'));
    assert.equal(passing.status, 0, passing.stderr);
    assert.match(passing.stderr, /^LOADED \n$/m);
    const failing = probe(path.join(softmax, 'starter.py'));
    assert.equal(failing.status, 0, failing.stderr);
    assert.match(failing.stdout, /"error":\{"type":"NotImplementedError"/);
    assert.match(failing.stderr, /^LOADED traceback\n$/m);
  });
});
