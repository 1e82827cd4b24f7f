/**
 * Scaled dot-product attention, optionally causal (mask top-left aligned: torch.ones(L, S).tril()).
 *
 * @param q queries, shape (L, d) @param k keys, shape (S, d) @param v values, shape (S, dv)
 * @param causal when true, query i attends to keys j ≤ i only
 * @returns { output: (L, dv), weights: (L, S) }, each row of weights summing to 1
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function scaledDotProductAttention(q: number[][], k: number[][], v: number[][], causal: boolean): { output: number[][]; weights: number[][] } {
  throw new Error('Not implemented yet');
}
