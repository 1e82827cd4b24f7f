/**
 * Exercise: scaled dot-product attention with an optional causal mask.
 *
 *   q [n][d], k [m][d], v [m][dv]  →  output [n][dv] and weights [n][m]
 *
 * weights[i] is query i's probability distribution over the keys. With `causal: true`, query i may only attend
 * to keys j ≤ i. Check compares output and weights with values PyTorch produced.
 *
 * Think about before you start:
 *  - Why divide the scores by √d, and what happens to softmax without it?
 *  - How do you make a masked key's weight exactly 0 (and keep softmax numerically stable)?
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- the parameters are used once the TODO is implemented */
export function scaledDotProductAttention(
  q: number[][],
  k: number[][],
  v: number[][],
  options: { causal?: boolean } = {},
): { output: number[][]; weights: number[][] } {
  // TODO: scores = q·kᵀ / √d, mask the future when causal, softmax each row, then weights·v.
  throw new Error('Not implemented yet');
}
