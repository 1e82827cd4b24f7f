/**
 * Grouped-query attention, one layer, no biases. Weights are nn.Linear's (out, in): y = x Wᵀ.
 *
 * @param x the sequence, shape (T, d)
 * @param wq (numHeads·h, d); the head size is h = wq.length / numHeads
 * @param wk (numKvHeads·h, d)
 * @param wv (numKvHeads·h, d)
 * @param wo (d, numHeads·h)
 * @param numHeads query heads H
 * @param numKvHeads key/value heads, a divisor of H; query head q uses KV head ⌊q / (H / numKvHeads)⌋
 * @param causal when true, position i attends to positions ≤ i only
 * @returns the output, shape (T, d)
 */
export function groupedQueryAttention(
  x: number[][],
  wq: number[][],
  wk: number[][],
  wv: number[][],
  wo: number[][],
  numHeads: number,
  numKvHeads: number,
  causal: boolean,
): number[][] {
  void [x, wq, wk, wv, wo, numHeads, numKvHeads, causal];
  throw new Error('Not implemented yet');
}
