import * as esbuild from 'esbuild';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SNIPPET_CATALOG } from '../../../../../src/snippets/core/catalog';
import { disposeStandbyRunner, prepareRunner, runTypeScript, type OutputChunk, type RunOptions, type RunResult } from '../../../../../src/snippets/core/runner';

const SNIPPETS_DIR = path.resolve(__dirname, '../../../../../snippets');
/** Registers tsx inside the worker so it can load worker.ts from source (the extension uses the esbuild bundle). */
const WORKER_SHIM = path.join(__dirname, 'fixtures', 'worker-shim.js');

async function run(
  source: string,
  options: Partial<RunOptions> = {},
): Promise<{ result: RunResult; chunks: OutputChunk[]; stdout: string; stderr: string }> {
  const chunks: OutputChunk[] = [];
  const handle = runTypeScript(source, {
    fileName: 'Untitled-1',
    snippetsDir: SNIPPETS_DIR,
    workerScript: WORKER_SHIM,
    onOutput: (chunk) => chunks.push(chunk),
    ...options,
  });
  const result = await handle.result;
  const text = (stream: string) => chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
  return { result, chunks, stdout: text('stdout'), stderr: text('stderr') };
}

describe('runner/runTypeScript', function () {
  this.timeout(30000);

  it('runs TypeScript and streams console output in order, on the right streams', async () => {
    const source = [
      'const n: number = 2;',
      "console.log('one', n, { a: [1, 2] });",
      "console.error('two');",
      "console.info('three'); console.warn('four'); console.debug('five');",
      "process.stdout.write('six\\n');",
      "setTimeout(() => console.log('seven'), 20);",
    ].join('\n');
    const { result, chunks, stdout } = await run(source);
    assert.equal(result.status, 'ok', result.message);
    assert.equal(result.truncated, false);
    assert.deepEqual(
      chunks.map((c) => [c.stream, c.text]),
      [
        ['stdout', 'one 2 { a: [ 1, 2 ] }\n'],
        ['stderr', 'two\n'],
        ['stdout', 'three\n'],
        ['stderr', 'four\n'],
        ['stdout', 'five\n'],
        ['stdout', 'six\n'],
        ['stdout', 'seven\n'],
      ],
    );
    assert.ok(!stdout.includes('\u001b['), 'no ANSI colour codes');
    assert.ok(result.durationMs >= 15, `durationMs ${result.durationMs} includes the timer`);
  });

  it('stops an endless loop at the time limit while the host keeps running', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    try {
      const { result, stdout } = await run("console.log('start');\nwhile (true) {}", { timeoutMs: 300 });
      assert.equal(result.status, 'timeout');
      assert.match(result.message ?? '', /300 ms/);
      assert.equal(stdout, 'start\n');
      assert.ok(result.durationMs >= 300 && result.durationMs < 3000, `durationMs ${result.durationMs}`);
      assert.ok(ticks >= 10, `the host's interval ticked only ${ticks} times during the run`);
    } finally {
      clearInterval(ticker);
    }
  });

  it('maps a thrown error to its line and column in the TypeScript source', async () => {
    const source = [
      '/** Types above the code: sucrase removes them, so JS columns differ from TS. */',
      'interface Layer {',
      '  weights: number[][];',
      '}',
      'type Shape = [rows: number, cols: number];',
      '',
      'function shapeOf(layer: Layer): Shape {',
      '  return [layer.weights.length, layer.weights[0].length];',
      '}',
      'const layer: Layer = { weights: [[1, 2]] };',
      "const shape: Shape = shapeOf(layer); if (shape[0] < 2) throw new RangeError(`need 2 rows, got ${shape[0]}`);",
    ].join('\n');
    const { result } = await run(source);
    assert.equal(result.status, 'error');
    assert.equal(result.message, 'RangeError: need 2 rows, got 1');
    assert.equal(result.line, 11);
    assert.equal(result.column, source.split('\n')[10].indexOf('new RangeError') + 1);
  });

  it('points at the user’s call when a snippet it imports throws', async () => {
    const source = "import { layerNorm } from './layernorm';\n\nconst y = layerNorm([[1, 2]], [1], [0, 0]);\n";
    const { result } = await run(source);
    assert.equal(result.status, 'error');
    assert.match(result.message ?? '', /gamma must have length 2/);
    assert.equal(result.line, 3);
    assert.equal(result.column, 11);
  });

  it('reports a syntax error with its position, before running anything', async () => {
    const { result, chunks } = await run("console.log('never');\nconst x: number = ;");
    assert.equal(result.status, 'error');
    assert.match(result.message ?? '', /^SyntaxError: Unexpected token/);
    assert.deepEqual([result.line, result.column], [2, 19]);
    assert.deepEqual(chunks, []);
  });

  it('reports an unhandled promise rejection with its location', async () => {
    const source = "const fail = async (): Promise<void> => {\n  throw new Error('async boom');\n};\nvoid fail();";
    const { result } = await run(source);
    assert.equal(result.status, 'error');
    assert.equal(result.message, 'Unhandled promise rejection: Error: async boom');
    assert.deepEqual([result.line, result.column], [2, 9]);
  });

  it('reports an error thrown later from a timer', async () => {
    const { result } = await run("setTimeout(() => {\n  null!.toString();\n}, 5);");
    assert.equal(result.status, 'error');
    assert.match(result.message ?? '', /^TypeError: Cannot read properties of null/);
    assert.equal(result.line, 2);
  });

  it('turns process.exit into an "exit" result without touching the host', async () => {
    const { result, stdout } = await run("console.log('bye');\nprocess.exit(3);\nconsole.log('not reached');");
    assert.deepEqual([result.status, result.message], ['exit', 'exited with code 3']);
    assert.equal(stdout, 'bye\n');
    const zero = await run('process.exit(0);');
    assert.deepEqual([zero.result.status, zero.result.message], ['exit', 'exited with code 0']);
    const exitCode = await run('process.exitCode = 4;');
    assert.deepEqual([exitCode.result.status, exitCode.result.message], ['exit', 'exited with code 4']);
  });

  it('caps huge output with one truncation notice and keeps the host safe', async () => {
    const { result, chunks, stdout } = await run("for (let i = 0; i < 100000; i++) console.log('line ' + i);", {
      maxOutputBytes: 1000,
    });
    assert.equal(result.status, 'ok');
    assert.equal(result.truncated, true);
    assert.equal(Buffer.byteLength(stdout), 1000, 'exactly the cap is shown');
    assert.ok(stdout.startsWith('line 0\nline 1\n'));
    const notice = chunks[chunks.length - 1];
    assert.equal(notice.stream, 'stderr');
    assert.match(notice.text, /output truncated: more than 1000 bytes was printed/);
    assert.equal(chunks.filter((c) => /output truncated/.test(c.text)).length, 1);
  });

  it('contains 100 MB of output: the host receives the cap, then one notice', async () => {
    const source = "const megabyte = 'x'.repeat(1024 * 1024 - 1);\nfor (let i = 0; i < 100; i++) console.log(megabyte);\nconsole.log('done');";
    const { result, stdout, chunks } = await run(source, { maxOutputBytes: 1024 * 1024, timeoutMs: 20000 });
    assert.equal(result.status, 'ok');
    assert.equal(result.truncated, true);
    assert.equal(Buffer.byteLength(stdout), 1024 * 1024);
    assert.equal(chunks.filter((c) => /output truncated/.test(c.text)).length, 1);
  });

  it('reports endless recursion as a stack overflow at the recursive call', async () => {
    const source = 'function dive(depth: number): number {\n  return dive(depth + 1) + 1;\n}\ndive(0);';
    const { result } = await run(source);
    assert.equal(result.status, 'error');
    assert.equal(result.message, 'RangeError: Maximum call stack size exceeded');
    assert.equal(result.line, 2);
  });

  it('never splits a multi-byte character when truncating', async () => {
    const { stdout, result } = await run("console.log('€'.repeat(100));", { maxOutputBytes: 10 });
    assert.equal(result.truncated, true);
    assert.equal(stdout, '€€€'); // 9 bytes: a fourth € would need 12
  });

  it('reports a memory bomb as "memory"', async () => {
    const source = 'const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1_000_000).fill(1.5));';
    const { result } = await run(source, { memoryLimitMb: 32, timeoutMs: 10000 });
    assert.equal(result.status, 'memory');
    assert.match(result.message ?? '', /32 MB/);
  });

  it('can be cancelled', async () => {
    const handle = runTypeScript('setInterval(() => {}, 1000);', {
      fileName: 'Untitled-2',
      snippetsDir: SNIPPETS_DIR,
      workerScript: WORKER_SHIM,
    });
    setTimeout(() => handle.cancel(), 50);
    const result = await handle.result;
    assert.equal(result.status, 'cancelled');
  });

  it('resolves a built-in snippet import from an untitled source, and sets require.main to the program', async () => {
    const source = [
      "import { multiHeadAttention } from './attention';",
      "import * as path from 'node:path';",
      'const x = [[1, 0], [0, 1]];',
      'const I = [[1, 0], [0, 1]];',
      'const y = multiHeadAttention(x, { wq: I, wk: I, wv: I, wo: I }, 2);',
      "console.log(y.length, path.basename('/a/b.ts'), require.main === module);",
    ].join('\n');
    const { result, stdout } = await run(source);
    assert.equal(result.status, 'ok', result.message);
    assert.equal(stdout, '2 b.ts true\n');
  });

  it('resolves relative imports beside a file on disk first, then in the snippets directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-runner-'));
    try {
      fs.writeFileSync(path.join(dir, 'tensor.ts'), "export const shapeOf = (): string => 'local tensor';\n");
      const filePath = path.join(dir, 'main.ts');
      const source = [
        "import { shapeOf } from './tensor';", // beside the file: the local one wins
        "import { layerNorm } from './layernorm';", // not beside it: the built-in snippet
        'console.log(shapeOf(), layerNorm([[1, 3]], [1, 1], [0, 0]).length);',
      ].join('\n');
      const { result, stdout } = await run(source, { fileName: 'main.ts', filePath });
      assert.equal(result.status, 'ok', result.message);
      assert.equal(stdout, 'local tensor 1\n');
      const missing = await run("import './nowhere';", { fileName: 'main.ts', filePath });
      assert.equal(missing.result.status, 'error');
      assert.match(missing.result.message ?? '', /Cannot find module '\.\/nowhere'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses npm packages with an explanation', async () => {
    const { result } = await run("import 'left-pad';");
    assert.equal(result.status, 'error');
    assert.match(result.message ?? '', /Cannot require 'left-pad'.*Node built-ins and relative files/);
    assert.equal(result.line, 1);
  });

  it('reports a missing worker script as an error instead of throwing', async () => {
    const { result } = await run('1;', { workerScript: path.join(__dirname, 'fixtures', 'missing.js') });
    assert.equal(result.status, 'error');
    assert.match(result.message ?? '', /Cannot find module|missing\.js/);
  });

  describe('every built-in snippet runs its demo', () => {
    for (const { id } of SNIPPET_CATALOG) {
      it(`${id}.ts`, async () => {
        const filePath = path.join(SNIPPETS_DIR, `${id}.ts`);
        const { result, stdout, stderr } = await run(fs.readFileSync(filePath, 'utf8'), { fileName: `${id}.ts`, filePath });
        assert.equal(result.status, 'ok', `${result.message} at ${result.line}:${result.column}`);
        assert.equal(stderr, '');
        assert.ok(stdout.trim().split('\n').length >= 2, `the demo prints something:\n${stdout}`);
      });
    }
  });

  it('runs an untitled copy of encoder-layer.ts, importing ./attention from the snippets directory', async () => {
    const source = fs.readFileSync(path.join(SNIPPETS_DIR, 'encoder-layer.ts'), 'utf8');
    const { result, stdout } = await run(source, { fileName: 'Untitled-3' });
    assert.equal(result.status, 'ok', result.message);
    assert.match(stdout, /Post-LN output/);
    assert.match(stdout, /Pre-LN output/);
    assert.doesNotMatch(stdout, /attention weights|x shape/, 'imported snippets do not run their own demos');
  });

  it('guards the host against process.abort() and process.kill(process.pid)', async () => {
    const abort = await run('process.abort();');
    assert.equal(abort.result.status, 'error');
    assert.match(abort.result.message ?? '', /process\.abort\(\) is not available here/);
    const kill = await run("process.kill(process.pid, 'SIGKILL');");
    assert.equal(kill.result.status, 'error');
    assert.match(kill.result.message ?? '', /process\.kill\(process\.pid\) is not available here/);
  });

  it('bounds the size of a single huge write, not just the total', async () => {
    const { result, stdout } = await run("console.log('x'.repeat(50_000_000));", { maxOutputBytes: 100 });
    assert.equal(result.status, 'ok', result.message);
    assert.equal(result.truncated, true);
    assert.equal(stdout, 'x'.repeat(100));
  });

  it('works from a plain esbuild bundle of worker.ts, as the extension ships it', async () => {
    // Same options the extension build must use for dist/runnerWorker.js (sucrase bundled in).
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-worker-bundle-'));
    try {
      const workerScript = path.join(outdir, 'runnerWorker.js');
      await esbuild.build({
        entryPoints: [path.resolve(__dirname, '../../../../../src/snippets/core/runner/worker.ts')],
        outfile: workerScript,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'silent',
      });
      const source = "import { layerNorm } from './layernorm';\ninterface T { a: number }\nconsole.log(layerNorm([[0, 2]], [1, 1], [0, 0])[0].map(Math.round));\nconst t: T = { a: 1 }; throw new Error('from bundle ' + t.a);";
      const { result, stdout } = await run(source, { workerScript });
      assert.equal(stdout, '[ -1, 1 ]\n');
      assert.deepEqual([result.status, result.message, result.line, result.column], ['error', 'Error: from bundle 1', 4, 30]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('reports the stack’s frames in the user’s file only, innermost first, at TypeScript positions; the error’s position is the innermost', async () => {
    const source = [
      'interface Shape { rows: number }',
      'function check(s: Shape): void {',
      "  if (s.rows < 0) throw new RangeError('rows ' + s.rows);",
      '}',
      'class Layer {',
      '  forward(rows: number): void { check({ rows }); }',
      '}',
      '[1].forEach(() => new Layer().forward(-1));',
    ].join('\n');
    const { result } = await run(source, { fileName: 'model.ts' });
    assert.equal(result.status, 'error');
    assert.deepEqual(result.frames?.map((frame) => [frame.functionName, frame.line, frame.column]), [
      ['check', 3, 25],
      ['Layer.forward', 6, 33],
      [undefined, 8, 31],
      [undefined, 8, 5],
    ]);
    assert.deepEqual([result.line, result.column], [3, 25], 'the error is placed at the innermost frame');
  });

  it('runs programs in a worker prepared ahead of time, with the same output and error positions', async () => {
    prepareRunner({ workerScript: WORKER_SHIM });
    const first = await run("const n: number = 2;\nconsole.log('prepared', n);\nthrow new Error('boom');", { fileName: 'prepared.ts' });
    assert.equal(first.stdout, 'prepared 2\n');
    assert.deepEqual([first.result.status, first.result.message, first.result.line], ['error', 'Error: boom', 3]);
    // The prepared worker was used up; the next run starts its own, and a new preparation is independent of it.
    prepareRunner({ workerScript: WORKER_SHIM, memoryLimitMb: 128 });
    const second = await run("console.log('again');");
    assert.equal(second.stdout, 'again\n');
    const third = await run("console.log('with the 128 MB worker');", { memoryLimitMb: 128 });
    assert.equal(third.stdout, 'with the 128 MB worker\n');
    disposeStandbyRunner();
  });
});
