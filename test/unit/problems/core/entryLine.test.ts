import * as assert from 'node:assert/strict';
import { entryLine } from '../../../../src/problems/core/entryLine';

const lines = (...text: string[]) => text.join('\n');

describe('problems/core/entryLine', () => {
  describe('TypeScript', () => {
    it('finds an exported function, an async one, a generator and a default export', () => {
      assert.equal(entryLine(lines('// softmax', '', 'export function softmax(x: number[][]): number[][] {', '}'), 'softmax', 'ts'), 2);
      assert.equal(entryLine(lines('import x from "y";', 'export async function softmax(x) {}'), 'softmax', 'ts'), 1);
      assert.equal(entryLine(lines('function softmax(x) {}'), 'softmax', 'ts'), 0);
      assert.equal(entryLine(lines('', 'export function* softmax() {}'), 'softmax', 'ts'), 1);
      assert.equal(entryLine(lines('', '', 'export default function softmax() {}'), 'softmax', 'ts'), 2);
    });

    it('finds a const, let or var arrow function, exported or not', () => {
      assert.equal(entryLine(lines('type M = number[][];', 'export const softmax = (x: M): M => x;'), 'softmax', 'ts'), 1);
      assert.equal(entryLine(lines('export const softmax: (x: number[][]) => number[][] = (x) => x;'), 'softmax', 'ts'), 0);
      assert.equal(entryLine(lines('', '  let softmax = async (x) => x;'), 'softmax', 'ts'), 1);
      assert.equal(entryLine(lines('var softmax=function(){}'), 'softmax', 'ts'), 0);
    });

    it('reads CRLF files line by line', () => {
      assert.equal(entryLine('// a\r\n// b\r\nexport function softmax() {}\r\n', 'softmax', 'ts'), 2);
    });

    it('does not match inside another name, in a call or in a comment', () => {
      const source = lines(
        'export function softmaxHelper(x) {}',
        'export const softmax2 = 1;',
        'const mySoftmax = 1;',
        'function _softmax() {}',
        'const y = softmax(x);',
        '// export function softmax',
        'export function softmax$() {}',
        'export function softmax(x) {}',
      );
      assert.equal(entryLine(source, 'softmax', 'ts'), 7);
    });

    it('finds a name that ends in `$`, and takes it literally, not as a pattern', () => {
      assert.equal(entryLine(lines('const a = 1;', 'export function step$(x) {}'), 'step$', 'ts'), 1);
      assert.equal(entryLine(lines('export const step$ = () => 1;'), 'step$', 'ts'), 0);
      assert.equal(entryLine(lines('export function stepX() {}'), 'step$', 'ts'), undefined);
      assert.equal(entryLine(lines('export function $() {}'), '$', 'ts'), 0);
    });

    it('is undefined when the function is absent', () => {
      assert.equal(entryLine('', 'softmax', 'ts'), undefined);
      assert.equal(entryLine(lines('export function gelu(x) {}', 'softmax(x);'), 'softmax', 'ts'), undefined);
    });
  });

  describe('Python', () => {
    it('finds def and async def at the top level', () => {
      assert.equal(entryLine(lines('import numpy as np', '', '', 'def softmax(x: np.ndarray) -> np.ndarray:', '    pass'), 'softmax', 'py'), 3);
      assert.equal(entryLine(lines('import asyncio', 'async def softmax(x):', '    pass'), 'softmax', 'py'), 1);
      assert.equal(entryLine(lines('def softmax (x):'), 'softmax', 'py'), 0);
    });

    it('does not match inside another name, a method or a call', () => {
      const source = lines(
        'def softmax_helper(x):',
        '    return x',
        'def softmaxHelper(x):',
        '    return x',
        'class Model:',
        '    def softmax(self, x):',
        '        return softmax(x)',
        'y = softmax(x)',
        '# def softmax(x):',
        'def softmax(x):',
        '    return x',
      );
      assert.equal(entryLine(source, 'softmax', 'py'), 9);
    });

    it('is undefined when the function is absent', () => {
      assert.equal(entryLine('', 'softmax', 'py'), undefined);
      assert.equal(entryLine(lines('def softmaxHelper(x):', '    pass'), 'softmax', 'py'), undefined);
      assert.equal(entryLine(lines('export function softmax(x) {}'), 'softmax', 'py'), undefined, 'TypeScript is not Python');
      assert.equal(entryLine(lines('def softmax(x):'), 'softmax', 'ts'), undefined, 'Python is not TypeScript');
    });
  });
});
