import * as assert from 'node:assert/strict';
import { adamWStep, initialAdamState, lambStep, trustRatio, type AdamState, type OptimizerOptions } from '../../../snippets/lamb';
import { assertClose, loadGolden } from './golden';

interface OptimizerRecord {
  weights: number[];
  m: number[];
  v: number[];
}

interface LambGolden {
  cases: Array<{
    name: string;
    options: OptimizerOptions;
    weights: number[];
    steps: Array<{ grads: number[]; adamw: OptimizerRecord; lamb: OptimizerRecord & { trustRatio: number } }>;
  }>;
}

describe('snippets/lamb', () => {
  const golden = loadGolden<LambGolden>('lamb');

  golden.cases.forEach((c) => {
    it(`AdamW matches torch.optim.AdamW over ${c.steps.length} step(s): ${c.name}`, () => {
      let weights = c.weights;
      let state: AdamState = initialAdamState(weights.length);
      c.steps.forEach((step, s) => {
        ({ weights, state } = adamWStep(weights, step.grads, state, c.options));
        assertClose(weights, step.adamw.weights, `step ${s + 1} weights`);
        assertClose(state.m, step.adamw.m, `step ${s + 1} m`);
        assertClose(state.v, step.adamw.v, `step ${s + 1} v`);
        assert.equal(state.step, s + 1);
      });
    });

    it(`LAMB matches the torch reference (You et al. 2019) over ${c.steps.length} step(s): ${c.name}`, () => {
      let weights = c.weights;
      let state: AdamState = initialAdamState(weights.length);
      c.steps.forEach((step, s) => {
        const result = lambStep(weights, step.grads, state, c.options);
        ({ weights, state } = result);
        assertClose(result.trustRatio, step.lamb.trustRatio, `step ${s + 1} trust ratio`);
        assertClose(weights, step.lamb.weights, `step ${s + 1} weights`);
        assertClose(state.m, step.lamb.m, `step ${s + 1} m`);
        assertClose(state.v, step.lamb.v, `step ${s + 1} v`);
      });
    });
  });

  it('uses a trust ratio of 1 when either norm is 0', () => {
    assert.equal(trustRatio([0, 0], [1, 2]), 1);
    assert.equal(trustRatio([3, 4], [0, 0]), 1);
    assert.equal(trustRatio([3, 4], [0, 10]), 0.5);
    const zeroLayer = golden.cases.find((c) => c.name.startsWith('zero weights'));
    assert.ok(zeroLayer);
    assert.equal(zeroLayer.steps[0].lamb.trustRatio, 1);
  });

  it('does not modify its inputs', () => {
    const weights = [1, 2];
    const state = initialAdamState(2);
    lambStep(weights, [0.1, 0.2], state, { lr: 0.1 });
    assert.deepEqual(weights, [1, 2]);
    assert.deepEqual(state, initialAdamState(2));
  });

  it('rejects bad input, naming the lengths or values at fault', () => {
    const state = initialAdamState(2);
    assert.throws(() => adamWStep([], [], initialAdamState(0), { lr: 0.1 }), /weights must be a non-empty number\[\]/);
    assert.throws(() => adamWStep([1, 2], [1], state, { lr: 0.1 }), /grads has length 1 but weights has length 2/);
    assert.throws(() => lambStep([1, 2], [1, 2], initialAdamState(3), { lr: 0.1 }), /state.m has length 3 but weights has length 2/);
    assert.throws(() => lambStep([1, NaN], [1, 2], state, { lr: 0.1 }), /weights\[1\] must be a finite number, got NaN/);
    assert.throws(() => lambStep([1, 2], [1, Infinity], state, { lr: 0.1 }), /grads\[1\] must be a finite number, got Infinity/);
    assert.throws(() => lambStep([1, 2], [1, 2], state, { lr: -1 }), /lr must be a number ≥ 0, got -1/);
    assert.throws(() => lambStep([1, 2], [1, 2], state, { lr: 0.1, beta2: 1 }), /beta1 and beta2 must be in \[0, 1\), got 0.9 and 1/);
    assert.throws(() => lambStep([1, 2], [1, 2], state, { lr: 0.1, eps: 0 }), /eps must be a positive number, got 0/);
    assert.throws(() => lambStep([1, 2], [1, 2], state, { lr: 0.1, weightDecay: -0.1 }), /weightDecay must be a number ≥ 0, got -0.1/);
  });
});
