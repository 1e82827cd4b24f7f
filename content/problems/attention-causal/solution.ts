/** Scaled dot-product attention. q: (L, d), k: (S, d), v: (S, dv) → { output: (L, dv), weights: (L, S) }. */
export function scaledDotProductAttention(q: number[][], k: number[][], v: number[][], causal: boolean): { output: number[][]; weights: number[][] } {
  const scale = 1 / Math.sqrt(q[0].length);
  const weights = q.map((qi, i) => {
    // Causal: keys after position i get −∞, i.e. weight exactly 0.
    const scores = k.map((kj, j) => (causal && j > i ? -Infinity : scale * qi.reduce((sum, value, c) => sum + value * kj[c], 0)));
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    return exps.map((e) => e / sum);
  });
  const output = weights.map((row) => v[0].map((_, c) => row.reduce((sum, w, j) => sum + w * v[j][c], 0)));
  return { output, weights };
}
