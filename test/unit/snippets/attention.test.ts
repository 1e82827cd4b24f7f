import * as assert from 'node:assert/strict';
import { multiHeadAttention, scaledDotProductAttention, type MultiHeadAttentionParams } from '../../../snippets/attention';
import { assertClose, loadGolden } from './golden';

interface AttentionGolden {
  cases: Array<{ q: number[][]; k: number[][]; v: number[][]; causal: boolean; output: number[][]; weights: number[][] }>;
  multiHeadAttention: Array<{
    x: number[][];
    params: Record<'wq' | 'wk' | 'wv' | 'wo', number[][]> & Record<'bq' | 'bk' | 'bv' | 'bo', number[] | null>;
    numHeads: number;
    causal: boolean;
    expected: number[][];
  }>;
}

const shape = (m: number[][]) => `[${m.length}][${m[0].length}]`;

describe('snippets/attention', () => {
  const golden = loadGolden<AttentionGolden>('attention');

  describe('scaledDotProductAttention', () => {
    golden.cases.forEach((c, i) => {
      it(`matches softmax(q·kᵀ/√d)·v in PyTorch: case ${i}, q ${shape(c.q)} k ${shape(c.k)} v ${shape(c.v)}${c.causal ? ', causal' : ''}`, () => {
        const result = scaledDotProductAttention(c.q, c.k, c.v, { causal: c.causal });
        assertClose(result.output, c.output, `case ${i} output`);
        assertClose(result.weights, c.weights, `case ${i} weights`);
      });
    });

    it('gives exactly zero weight to keys after the query position when causal', () => {
      const c = golden.cases.find((candidate) => candidate.causal && candidate.k.length > 2);
      assert.ok(c);
      const { weights } = scaledDotProductAttention(c.q, c.k, c.v, { causal: true });
      weights.forEach((row, i) => row.forEach((w, j) => (j > i ? assert.equal(w, 0) : assert.ok(w > 0))));
    });

    it('rejects mismatched shapes, naming them', () => {
      assert.throws(() => scaledDotProductAttention([[1, 2]], [[1, 2, 3]], [[1]]), /q and k need the same width: q is \[1\]\[2\], k is \[1\]\[3\]/);
      assert.throws(() => scaledDotProductAttention([[1]], [[1], [2]], [[1]]), /k and v need one row per key: k is \[2\]\[1\], v is \[1\]\[1\]/);
      assert.throws(() => scaledDotProductAttention([], [[1]], [[1]]), /q must be a non-empty matrix/);
    });
  });

  describe('multiHeadAttention', () => {
    golden.multiHeadAttention.forEach((c, i) => {
      const biases = (['bq', 'bk', 'bv', 'bo'] as const).filter((name) => c.params[name] !== null);
      it(`matches torch.nn.MultiheadAttention: case ${i}, x ${shape(c.x)}, ${c.numHeads} head(s), biases [${biases.join(', ')}]${c.causal ? ', causal' : ''}`, () => {
        const { wq, wk, wv, wo } = c.params;
        const params: MultiHeadAttentionParams = { wq, wk, wv, wo };
        for (const name of biases) params[name] = c.params[name] ?? undefined;
        assertClose(multiHeadAttention(c.x, params, c.numHeads, { causal: c.causal }), c.expected, `case ${i}`);
      });
    });

    it('rejects a head count that does not divide the model width, and wrong weight shapes', () => {
      const c = golden.multiHeadAttention.find((candidate) => candidate.x[0].length === 4);
      assert.ok(c);
      const { wq, wk, wv, wo } = c.params;
      const p = { wq, wk, wv, wo };
      assert.throws(() => multiHeadAttention(c.x, p, 3), /numHeads \(3\) must be a positive integer dividing the model width d_model = 4 \(x is \[\d+\]\[4\]\)/);
      assert.throws(() => multiHeadAttention(c.x, p, 0), /numHeads \(0\) must be a positive integer/);
      assert.throws(() => multiHeadAttention(c.x, { ...p, wk: wk.slice(0, 3) }, 2), /wk must be \[4\]\[4\] \(\[d_model\]\[d_model\] for x \[\d+\]\[4\], torch layout \[out\]\[in\]\), got \[3\]\[4\]/);
      assert.throws(() => multiHeadAttention(c.x, { ...p, bv: [1, 2] }, 2), /bias of wv must have length 4 \(one per output row of wv\), got an array of length 2/);
      assert.throws(() => multiHeadAttention([[1, 2, 3]], p, 1), /wq must be \[3\]\[3\].*got \[4\]\[4\]/);
    });
  });
});
