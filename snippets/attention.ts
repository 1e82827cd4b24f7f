/**
 * Scaled dot-product attention and multi-head self-attention.
 *
 *   Attention(Q, K, V) = softmax(Q · Kᵀ / √d) · V
 *     Q [n][d] queries, K [m][d] keys, V [m][dv] values → output [n][dv]
 *     weights [n][m]: row i is query i's probability distribution over the keys.
 *   Causal: query i may only look at keys j ≤ i (the score of j > i becomes −∞,
 *   so its weight is exactly 0). This is what makes a GPT-style decoder
 *   autoregressive; BERT's encoder uses no mask.
 *
 *   MultiHead(x) = concat(head₁, …, head_h) · Woᵀ + bo
 *     headₕ = Attention(Qₕ, Kₕ, Vₕ) where Q = x·Wqᵀ + bq (likewise K, V) and
 *     Qₕ is its h-th block of d_model / h columns. Each head scales by √(d_model / h).
 *
 * PyTorch: torch.nn.MultiheadAttention(d_model, numHeads, batch_first=True)
 * called as mha(x, x, x) with in_proj_weight = cat([wq, wk, wv]),
 * in_proj_bias = cat([bq, bk, bv]), out_proj.weight = wo, out_proj.bias = bo,
 * and for causal attn_mask = the boolean upper triangle above the diagonal.
 */
import { checkMatrix, checkShape, linear, matmul, shapeOf, transpose, type Matrix } from './tensor';

export interface AttentionOptions {
  /**
   * Block keys after the query's position: key j is allowed iff j ≤ i. Positions count
   * from the start of both q and k, like torch.ones(n, m).tril() as a mask.
   */
  causal?: boolean;
}

/** Projection weights in torch.nn.Linear layout: every W is [d_model][d_model] ([out][in]). */
export interface MultiHeadAttentionParams {
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
  wo: Matrix;
  bq?: number[];
  bk?: number[];
  bv?: number[];
  bo?: number[];
}

/**
 * softmax(q·kᵀ/√d [+ causal mask]) · v for q [n][d], k [m][d], v [m][dv].
 * Returns output [n][dv] and the attention weights [n][m].
 */
export function scaledDotProductAttention(
  q: Matrix,
  k: Matrix,
  v: Matrix,
  options: AttentionOptions = {},
): { output: Matrix; weights: Matrix } {
  const { cols: d } = checkMatrix('q', q);
  const { rows: m, cols: dk } = checkMatrix('k', k);
  const { rows: mv } = checkMatrix('v', v);
  if (dk !== d) throw new Error(`q and k need the same width: q is ${shapeOf(q)}, k is ${shapeOf(k)}`);
  if (mv !== m) throw new Error(`k and v need one row per key: k is ${shapeOf(k)}, v is ${shapeOf(v)}`);

  const scores = matmul(q, transpose(k)).map((row) => row.map((s) => s / Math.sqrt(d))); // [n][m]
  // weights [n][m]; row i sums to 1 over the keys query i may see.
  const weights = scores.map((row, i) => {
    // Causal: keys j > i are removed before the softmax, i.e. their weight is exactly 0.
    const allowed = row.map((_, j) => !options.causal || j <= i);
    return softmax(row, allowed);
  });
  return { output: matmul(weights, v), weights };
}

/** Self-attention of x [n][d_model] with numHeads heads, as torch.nn.MultiheadAttention. */
export function multiHeadAttention(
  x: Matrix,
  p: MultiHeadAttentionParams,
  numHeads: number,
  options: AttentionOptions = {},
): Matrix {
  const { cols: dModel } = checkMatrix('x', x);
  if (!Number.isInteger(numHeads) || numHeads < 1 || dModel % numHeads !== 0) {
    throw new Error(`numHeads (${numHeads}) must be a positive integer dividing the model width d_model = ${dModel} (x is ${shapeOf(x)})`);
  }
  const why = `[d_model][d_model] for x ${shapeOf(x)}, torch layout [out][in]`;
  checkShape('wq', p.wq, dModel, dModel, why);
  checkShape('wk', p.wk, dModel, dModel, why);
  checkShape('wv', p.wv, dModel, dModel, why);
  checkShape('wo', p.wo, dModel, dModel, why);

  const q = linear(x, p.wq, p.bq, 'wq'); // [n][d_model]
  const k = linear(x, p.wk, p.bk, 'wk');
  const v = linear(x, p.wv, p.bv, 'wv');

  const headWidth = dModel / numHeads;
  const headOutputs: Matrix[] = [];
  for (let h = 0; h < numHeads; h++) {
    const columns = (m: Matrix) => m.map((row) => row.slice(h * headWidth, (h + 1) * headWidth));
    headOutputs.push(scaledDotProductAttention(columns(q), columns(k), columns(v), options).output); // [n][headWidth]
  }
  const concatenated = x.map((_, i) => headOutputs.flatMap((head) => head[i])); // [n][d_model]
  return linear(concatenated, p.wo, p.bo, 'wo');
}

/** Numerically stable softmax over the allowed entries; disallowed entries get weight 0. */
function softmax(scores: number[], allowed: boolean[]): number[] {
  // Subtracting the max leaves softmax unchanged and keeps exp() from overflowing.
  const max = Math.max(...scores.filter((_, j) => allowed[j]));
  const exps = scores.map((s, j) => (allowed[j] ? Math.exp(s - max) : 0));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return exps.map((e) => e / total);
}

if (require.main === module) {
  const q = [
    [1, 0],
    [0, 1],
    [1, 1],
  ]; // [n=3][d=2]
  const k = q;
  const v = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ]; // [m=3][dv=3]
  const full = scaledDotProductAttention(q, k, v);
  const causal = scaledDotProductAttention(q, k, v, { causal: true });
  const round = (m: Matrix) => m.map((row) => row.map((w) => Number(w.toFixed(3))));
  console.log('attention weights, no mask:', round(full.weights));
  console.log('attention weights, causal (upper triangle is 0):', round(causal.weights));

  const identity = [
    [1, 0],
    [0, 1],
  ];
  const x = [
    [1, 2],
    [3, 4],
  ]; // [n=2][d_model=2]
  const y = multiHeadAttention(x, { wq: identity, wk: identity, wv: identity, wo: identity }, 2);
  console.log('2-head self-attention with identity projections:', round(y));
}
