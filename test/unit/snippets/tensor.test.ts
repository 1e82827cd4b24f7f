import * as assert from 'node:assert/strict';
import { addMatrices, checkMatrix, checkShape, checkVector, linear, matmul, shapeOf, transpose } from '../../../snippets/tensor';
import { assertClose, loadGolden } from './golden';

interface TensorGolden {
  cases: Array<
    | { op: 'matmul'; a: number[][]; b: number[][]; expected: number[][] }
    | { op: 'linear'; x: number[][]; weight: number[][]; bias: number[] | null; expected: number[][] }
  >;
}

describe('snippets/tensor', () => {
  const golden = loadGolden<TensorGolden>('tensor');

  golden.cases.forEach((c, i) => {
    it(`matches PyTorch: case ${i} (${c.op})`, () => {
      if (c.op === 'matmul') assertClose(matmul(c.a, c.b), c.expected, `matmul case ${i}`);
      else assertClose(linear(c.x, c.weight, c.bias ?? undefined, 'W'), c.expected, `linear case ${i}`);
    });
  });

  it('transposes and adds', () => {
    assert.deepEqual(transpose([[1, 2, 3]]), [[1], [2], [3]]);
    assert.deepEqual(addMatrices([[1, 2]], [[10, 20]]), [[11, 22]]);
    assert.equal(shapeOf([[1, 2, 3], [4, 5, 6]]), '[2][3]');
  });

  it('rejects bad input with the shapes or values at fault', () => {
    assert.throws(() => checkMatrix('x', []), /x must be a non-empty matrix \[rows\]\[cols\], got an empty array/);
    assert.throws(() => checkMatrix('x', [[]]), /x must be a non-empty matrix.*got shape \[1\]\[0\]/);
    assert.throws(() => checkMatrix('x', [[1, 2], [3]]), /x is ragged: row 0 has 2 columns but row 1 has 1 columns/);
    assert.throws(() => checkMatrix('x', [[1, NaN]]), /x\[0\]\[1\] must be a finite number, got NaN/);
    assert.throws(() => checkShape('wq', [[1, 2]], 2, 2, 'square'), /wq must be \[2\]\[2\] \(square\), got \[1\]\[2\]/);
    assert.throws(() => checkVector('gamma', [1], 2, 'one per feature'), /gamma must have length 2 \(one per feature\), got an array of length 1/);
    assert.throws(() => matmul([[1, 2]], [[1, 2]]), /matmul: inner dimensions differ, A is \[1\]\[2\] and B is \[1\]\[2\]/);
    assert.throws(
      () => linear([[1, 2, 3]], [[1, 2]], undefined, 'w1'),
      /w1 is \[1\]\[2\] \(torch layout \[out\]\[in\]\) but x is \[1\]\[3\]: w1 needs 3 columns/,
    );
    assert.throws(() => linear([[1, 2]], [[1, 2]], [1, 2], 'w1'), /bias of w1 must have length 1 \(one per output row of w1\), got an array of length 2/);
    assert.throws(() => addMatrices([[1, 2]], [[1], [2]]), /cannot add matrices of shapes \[1\]\[2\] and \[2\]\[1\]/);
  });
});
