import * as assert from 'node:assert/strict';
import { encoderLayer, type EncoderLayerParams } from '../../../snippets/encoder-layer';
import { assertClose, loadGolden } from './golden';

interface EncoderGolden {
  cases: Array<{
    x: number[][];
    params: EncoderLayerParams;
    numHeads: number;
    normFirst: boolean;
    causal: boolean;
    eps: number;
    expected: number[][];
  }>;
}

describe('snippets/encoder-layer', () => {
  const golden = loadGolden<EncoderGolden>('encoder-layer');

  golden.cases.forEach((c, i) => {
    const label = `${c.normFirst ? 'Pre-LN' : 'Post-LN'}, x [${c.x.length}][${c.x[0].length}], d_ff ${c.params.w1.length}, ${c.numHeads} head(s)${c.causal ? ', causal' : ''}, eps ${c.eps}`;
    it(`matches torch.nn.TransformerEncoderLayer: case ${i}, ${label}`, () => {
      const output = encoderLayer(c.x, c.params, c.numHeads, { normFirst: c.normFirst, eps: c.eps, causal: c.causal });
      assertClose(output, c.expected, `case ${i}`);
    });
  });

  it('Pre-LN and Post-LN really differ (the option is not ignored)', () => {
    const c = golden.cases[0];
    const post = encoderLayer(c.x, c.params, c.numHeads, { normFirst: false, eps: c.eps });
    const pre = encoderLayer(c.x, c.params, c.numHeads, { normFirst: true, eps: c.eps });
    assert.notDeepEqual(post, pre);
  });

  it('rejects wrong weight shapes and head counts, naming them', () => {
    const c = golden.cases.find((candidate) => candidate.x[0].length === 8 && candidate.params.w1.length === 16);
    assert.ok(c);
    const p = c.params;
    const run = (params: EncoderLayerParams, numHeads = c.numHeads) => encoderLayer(c.x, params, numHeads, { normFirst: true });
    assert.throws(() => run({ ...p, w1: p.w1.map((row) => row.slice(1)) }), /w1 must be \[16\]\[8\] \(\[d_ff\]\[d_model\] for x \[4\]\[8\]\), got \[16\]\[7\]/);
    assert.throws(() => run({ ...p, w2: p.w2.slice(1) }), /w2 must be \[8\]\[16\] \(\[d_model\]\[d_ff\] so the FFN output can be added back to x \[4\]\[8\]\), got \[7\]\[16\]/);
    assert.throws(() => run({ ...p, b1: [0] }), /b1 must have length 16 \(one per row of w1\), got an array of length 1/);
    assert.throws(() => run({ ...p, ln2Beta: [0, 0] }), /ln2Beta must have length 8 \(one per feature of x \[4\]\[8\]\)/);
    assert.throws(() => run(p, 3), /numHeads \(3\) must be a positive integer dividing the model width d_model = 8/);
    assert.throws(() => run({ ...p, wo: p.wo.slice(0, 4) }), /wo must be \[8\]\[8\].*got \[4\]\[8\]/);
  });
});
