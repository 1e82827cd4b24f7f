import * as assert from 'node:assert/strict';
import { compareValue, decodeValue, formatShape, formatValue, ResultTuple, type Enc } from '../../../src/problems/core/values';

const tensor = (data: unknown, shape: number[], dtype: 'float64' | 'int64' | 'bool' = 'float64'): Enc => ({ tensor: data, dtype, shape });
const message = (actual: unknown, expected: Enc, style: 'object' | 'tuple' = 'object') => compareValue(actual, expected, { style }).message;

describe('problems/values', () => {
  describe('decodeValue', () => {
    it('turns tensors into nested arrays, special strings into numbers, fields into objects, lists into arrays', () => {
      assert.deepEqual(decodeValue(tensor([[1, 'NaN'], ['Infinity', '-Infinity']], [2, 2])), [[1, NaN], [Infinity, -Infinity]]);
      assert.equal(decodeValue(tensor(2.5, [])), 2.5);
      assert.deepEqual(decodeValue({ fields: [['y', tensor([1], [1])], ['n', 3]] }), { y: [1], n: 3 });
      assert.deepEqual(Object.keys(decodeValue({ fields: [['b', 1], ['a', 2]] }) as object), ['b', 'a']);
      assert.deepEqual(decodeValue({ list: [{ list: ['a', 'b'] }, { list: ['ab', 'c'] }] }), [['a', 'b'], ['ab', 'c']]);
      assert.ok(decodeValue({ tuple: [1, 2] }) instanceof ResultTuple);
      assert.equal(decodeValue(null), null);
    });
  });

  describe('compareValue', () => {
    const matrix = tensor([[1, 2, 3], [4, 5, 6]], [2, 3]);

    it('passes within |a − e| ≤ atol + rtol·|e| and fails just outside', () => {
      assert.equal(compareValue([[1 + 1e-7, 2, 3], [4, 5, 6 + 6e-6]], matrix).passed, true);
      assert.equal(compareValue([[1, 2, 3], [4, 5, 6 + 8e-6]], matrix).passed, false);
      assert.equal(compareValue([[1.01, 2, 3], [4, 5, 6]], matrix, { tolerance: { atol: 0.1, rtol: 0 } }).passed, true);
    });

    it('names a shape mismatch as shapes', () => {
      assert.equal(message([[1, 4], [2, 5], [3, 6]], matrix), 'result: shape mismatch: expected 2×3, got 3×2');
      assert.equal(message([1, 2, 3], matrix), 'result: shape mismatch: expected 2×3, got 3');
      assert.equal(message([[1, 2], [3]], matrix), 'result: expected an array of shape 2×3, got a ragged array (rows of different lengths)');
      assert.equal(message(7, matrix), 'result: expected an array of shape 2×3, got the number 7');
      assert.equal(message(undefined, matrix), 'result: expected an array of shape 2×3, got nothing (undefined)');
    });

    it('gives the count, the first differing index and the largest absolute error', () => {
      assert.equal(
        message([[1, 2.5, 3], [4, 5, 9]], matrix),
        'result: 2 of 6 values differ; first at [0][1]: got 2.5, expected 2; largest absolute error 3 at [1][2] (tolerance 1e-6 + 1e-6·|expected|)',
      );
    });

    it('reports NaN and Infinity in the result, with where and what was expected', () => {
      assert.equal(message([[1, NaN, 3], [4, 5, 6]], matrix), 'result: NaN at [0][1] (expected 2)');
      assert.equal(
        message([[Infinity, NaN, 3], [4, 5, NaN]], matrix),
        'result: Infinity at [0][0] (expected 1); 3 values are NaN or infinite',
      );
      assert.equal(compareValue([NaN, Infinity], tensor(['NaN', 'Infinity'], [2])).passed, true);
    });

    it('compares scalars', () => {
      assert.equal(compareValue(0.5, 0.5).passed, true);
      assert.equal(message(0.75, 0.5), 'result: got 0.75, expected 0.5; absolute error 0.25 (tolerance 1e-6 + 1e-6·|expected|)');
      assert.equal(message(NaN, 0.5), 'result: NaN at the value (expected 0.5)');
      assert.equal(message([0.5], 0.5), 'result: expected a number, got an array of shape 1');
      assert.equal(message('0.5', 0.5), 'result: expected a number, got the string "0.5"');
    });

    it('compares int64 and bool tensors', () => {
      assert.equal(compareValue([0, 2, 1], tensor([0, 2, 1], [3], 'int64')).passed, true);
      assert.equal(message([0, 1, 1], tensor([0, 2, 1], [3], 'int64')), 'result: 1 of 3 values differ; first at [1]: got 1, expected 2; largest absolute error 1 at [1] (tolerance 1e-6 + 1e-6·|expected|)');
      assert.equal(message([true, true], tensor([true, false], [2], 'bool')), 'result: 1 of 2 values differ; first at [1]: got true, expected false');
      assert.equal(message([1, 0], tensor([true, false], [2], 'bool')), 'result[0] is the number 1, expected true or false');
    });

    it('names a missing key, and compares every field under its own name', () => {
      const expected: Enc = { fields: [['y', tensor([1, 2], [2])], ['runningMean', tensor([0.5], [1])], ['runningVar', tensor([2], [1])]] };
      assert.equal(compareValue({ y: [1, 2], runningMean: [0.5], runningVar: [2] }, expected).passed, true);
      assert.equal(message({ y: [1, 2], runningMean: [0.5] }, expected), 'missing key `runningVar` (expected keys: y, runningMean, runningVar)');
      assert.equal(
        message({ y: [1, 3], runningMean: [0.5, 1], runningVar: [2] }, expected),
        'y: 1 of 2 values differ; first at [1]: got 3, expected 2; largest absolute error 1 at [1] (tolerance 1e-6 + 1e-6·|expected|); runningMean: shape mismatch: expected 1, got 2',
      );
      assert.equal(message([[1, 2]], expected), 'result: expected an object with keys y, runningMean, runningVar, got an array of shape 1×2');
    });

    it('names a Python tuple of the wrong length', () => {
      const expected: Enc = { fields: [['dx', tensor([1], [1])], ['dgamma', tensor([1], [1])], ['dbeta', tensor([1], [1])]] };
      assert.equal(message(new ResultTuple([[1], [1]]), expected, 'tuple'), 'result: expected a tuple of 3 values (dx, dgamma, dbeta), got a tuple of 2');
      assert.equal(message([1], expected, 'tuple'), 'result: expected a tuple of 3 values (dx, dgamma, dbeta), got an array of shape 1');
    });

    it('compares lists item by item', () => {
      const merges: Enc = { list: [{ list: ['l', 'o'] }, { list: ['lo', 'w'] }] };
      assert.equal(compareValue([['l', 'o'], ['lo', 'w']], merges).passed, true);
      assert.equal(message([['l', 'o']], merges), 'result: expected a list of 2 items, got 1');
      assert.equal(message([['l', 'o'], ['lo', 'x']], merges), 'result[1][1]: expected the string "w", got the string "x"');
    });

    it('formats both sides alike for a diff', () => {
      const comparison = compareValue([[1, 2.123456789012], [3, 4]], tensor([[1, 2], [3, 4]], [2, 2]));
      assert.equal(comparison.expectedText, '[[1, 2],\n [3, 4]]');
      assert.equal(comparison.actualText, '[[1, 2.123456789],\n [3, 4]]');
      assert.equal(formatValue({ w: [0.5, -1], b: 0.25 }), 'w: [0.5, -1]\nb: 0.25');
      assert.equal(formatValue(new ResultTuple([1, [2]])), '(1, [2])');
      assert.equal(formatShape([4, 8]), '4×8');
      assert.equal(formatShape([]), 'a scalar');
    });
  });
});
