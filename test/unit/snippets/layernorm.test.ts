import * as assert from 'node:assert/strict';
import { layerNorm } from '../../../snippets/layernorm';
import { assertClose, loadGolden } from './golden';

interface LayerNormGolden {
  cases: Array<{ x: number[][]; gamma: number[]; beta: number[]; eps: number; expected: number[][] }>;
}

describe('snippets/layernorm', () => {
  const golden = loadGolden<LayerNormGolden>('layernorm');

  golden.cases.forEach((c, i) => {
    it(`matches torch.nn.LayerNorm: case ${i}, x [${c.x.length}][${c.x[0].length}], eps ${c.eps}`, () => {
      assertClose(layerNorm(c.x, c.gamma, c.beta, c.eps), c.expected, `case ${i}`);
    });
  });

  it('uses eps = 1e-5 by default, like PyTorch', () => {
    const c = golden.cases.find((candidate) => candidate.eps === 1e-5);
    assert.ok(c);
    assertClose(layerNorm(c.x, c.gamma, c.beta), c.expected, 'default eps');
  });

  it('rejects bad input with the shapes at fault', () => {
    const x = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    assert.throws(() => layerNorm([], [1], [0]), /x must be a non-empty matrix/);
    assert.throws(() => layerNorm(x, [1, 1], [0, 0, 0]), /gamma must have length 3 \(one per feature of x \[2\]\[3\]\), got an array of length 2/);
    assert.throws(() => layerNorm(x, [1, 1, 1], [0]), /beta must have length 3 \(one per feature of x \[2\]\[3\]\)/);
    assert.throws(() => layerNorm(x, [1, 1, 1], [0, 0, 0], 0), /eps must be a positive number, got 0/);
    assert.throws(() => layerNorm([[1, Infinity, 3]], [1, 1, 1], [0, 0, 0]), /x\[0\]\[1\] must be a finite number, got Infinity/);
  });
});
