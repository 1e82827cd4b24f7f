import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findFrameInFile, mapToTypeScript, TranspileError, transpileTypeScript } from '../../../../../src/snippets/core/runner/transpile';

const SNIPPETS_DIR = path.resolve(__dirname, '../../../../../snippets');

/** TypeScript with type-only declarations above the code, so JS and TS positions differ if anything shifts. */
const TYPED_SOURCE = [
  'interface Shape {', //                                   1
  '  rows: number;', //                                      2
  '  cols: number;', //                                      3
  '}', //                                                    4
  "import type { Matrix } from './tensor';", //              5
  'type Pair = [number, number];', //                         6
  'const pair: Pair = [1, 2];', //                            7
  'function area(s: Shape): number { return s.rows * s.cols; }', // 8
  'const grid: Matrix = [[area({ rows: 2, cols: 3 }), pair[0]]];', // 9
  "export const label: string = 'ok'; console.log(grid);", // 10
].join('\n');

describe('runner/transpile (sucrase)', () => {
  it('keeps every line of every built-in snippet on the same line number', () => {
    for (const name of fs.readdirSync(SNIPPETS_DIR).filter((n) => n.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(SNIPPETS_DIR, name), 'utf8');
      const { code } = transpileTypeScript(source, name);
      const sourceLines = source.split('\n');
      const codeLines = code.split('\n');
      assert.equal(codeLines.length, sourceLines.length, `${name}: line count`);
      // Sucrase never rewrites string literals, so each one in the JS must come from the same TS line.
      let literalsChecked = 0;
      codeLines.forEach((line, i) => {
        for (const [literal] of line.matchAll(/'[^'\\]*'/g)) {
          assert.ok(sourceLines[i].includes(literal), `${name}:${i + 1}: ${literal} is not from this line`);
          literalsChecked++;
        }
      });
      assert.ok(literalsChecked > 0, `${name}: nothing was checked`);
    }
  });

  it('keeps lines after removed interfaces and type imports, and maps columns through the source map', () => {
    const { code, sourceMap } = transpileTypeScript(TYPED_SOURCE, 'typed.ts');
    const jsLines = code.split('\n');
    assert.equal(jsLines.length, 10);
    // Line 9 in JS has lost ": Matrix", so "area(" sits further left than in TS.
    const tsColumn = TYPED_SOURCE.split('\n')[8].indexOf('area(') + 1;
    const jsColumn = jsLines[8].indexOf('area(') + 1;
    assert.ok(jsColumn < tsColumn, 'the type annotation really shifted the column');
    assert.deepEqual(mapToTypeScript(sourceMap, { line: 9, column: jsColumn }), { line: 9, column: tsColumn });
    // On line 10, console.log stands after a removed ": string".
    const tsLog = TYPED_SOURCE.split('\n')[9].indexOf('log(') + 1;
    const jsLog = jsLines[9].indexOf('log(') + 1;
    assert.deepEqual(mapToTypeScript(sourceMap, { line: 10, column: jsLog }), { line: 10, column: tsLog });
  });

  it('reports syntax errors with their TS position', () => {
    assert.throws(
      () => transpileTypeScript('interface A { x: number }\nconst a: A = ;', 'bad.ts'),
      (error: unknown) =>
        error instanceof TranspileError &&
        error.name === 'SyntaxError' &&
        /^Unexpected token$/.test(error.message) &&
        error.location?.line === 2 &&
        error.location.column === 14,
    );
  });

  it('finds the first stack frame in the given file, whatever characters its path has', () => {
    const file = '/home/me/My Project (copy)/net.ts';
    const stack = [
      'Error: boom',
      '    at check (/ext/snippets/tensor.ts:30:11)',
      `    at forward (${file}:12:5)`,
      `    at ${file}:40:1`,
    ].join('\n');
    assert.deepEqual(findFrameInFile(stack, file), { line: 12, column: 5 });
    assert.deepEqual(findFrameInFile(`    at ${file}:40:1`, file), { line: 40, column: 1 });
    assert.equal(findFrameInFile(stack, '/home/me/net.ts'), undefined);
    assert.deepEqual(findFrameInFile('Untitled-1:3\nawait x;\n^^^^^\n\nSyntaxError: ...', 'Untitled-1'), { line: 3, column: 1 });
  });
});
