import * as assert from 'node:assert/strict';
import { BatchNorm1d } from '../../../snippets/batchnorm';
import { assertClose, loadGolden } from './golden';

interface BatchNormGolden {
  torchOneSampleError: string;
  cases: Array<{
    numFeatures: number;
    options: { eps?: number; momentum?: number };
    gamma: number[];
    beta: number[];
    steps: Array<{
      training: boolean;
      x: number[][];
      expected: number[][];
      runningMean: number[];
      runningVar: number[];
      numBatchesTracked: number;
    }>;
  }>;
}

describe('snippets/batchnorm', () => {
  const golden = loadGolden<BatchNormGolden>('batchnorm');

  golden.cases.forEach((c, i) => {
    it(`matches torch.nn.BatchNorm1d(${c.numFeatures}, ${JSON.stringify(c.options)}) over ${c.steps.length} train/eval steps`, () => {
      const bn = new BatchNorm1d(c.numFeatures, c.options);
      bn.gamma = c.gamma;
      bn.beta = c.beta;
      c.steps.forEach((step, s) => {
        bn.train(step.training);
        const where = `case ${i} step ${s} (${step.training ? 'train' : 'eval'}, batch ${step.x.length})`;
        assertClose(bn.forward(step.x), step.expected, `${where} output`);
        assertClose(bn.runningMean, step.runningMean, `${where} runningMean`);
        assertClose(bn.runningVar, step.runningVar, `${where} runningVar (unbiased)`);
        assert.equal(bn.numBatchesTracked, step.numBatchesTracked, `${where} numBatchesTracked`);
      });
    });
  });

  it('starts like PyTorch: training, γ = 1, β = 0, running mean 0, running var 1, momentum 0.1', () => {
    const bn = new BatchNorm1d(2);
    assert.equal(bn.training, true);
    assert.deepEqual([bn.gamma, bn.beta, bn.runningMean, bn.runningVar], [[1, 1], [0, 0], [0, 0], [1, 1]]);
    assert.equal(bn.momentum, 0.1);
    assert.equal(bn.eps, 1e-5);
    assert.equal(bn.eval().training, false);
  });

  it('refuses a one-sample training batch, as PyTorch does, but accepts it in eval mode', () => {
    assert.match(golden.torchOneSampleError, /Expected more than 1 value per channel when training/);
    const bn = new BatchNorm1d(3);
    assert.throws(
      () => bn.forward([[1, 2, 3]]),
      /BatchNorm1d needs more than 1 sample per feature when training, got x of shape \[1\]\[3\]/,
    );
    assert.deepEqual(bn.runningMean, [0, 0, 0], 'a refused batch must not move the running stats');
    bn.eval();
    assert.equal(bn.forward([[1, 2, 3]]).length, 1);
  });

  it('rejects bad input with the shapes or values at fault', () => {
    assert.throws(() => new BatchNorm1d(0), /numFeatures must be a positive integer, got 0/);
    assert.throws(() => new BatchNorm1d(2, { eps: -1 }), /eps must be a positive number, got -1/);
    assert.throws(() => new BatchNorm1d(2, { momentum: 1.5 }), /momentum must be in \[0, 1\], got 1.5/);
    const bn = new BatchNorm1d(3);
    assert.throws(() => bn.forward([[1, 2], [3, 4]]), /BatchNorm1d\(3\) expects x of shape \[batch\]\[3\], got \[2\]\[2\]/);
    assert.throws(() => bn.forward([]), /x must be a non-empty matrix/);
    bn.gamma = [1, 1];
    assert.throws(() => bn.forward([[1, 2, 3], [4, 5, 6]]), /gamma must have length 3 \(one per feature\), got an array of length 2/);
  });
});
