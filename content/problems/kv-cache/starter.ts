/**
 * One multi-head attention layer (no biases, y = x Wᵀ) run token by token with a key/value cache.
 *
 * @param x the tokens, shape (T, d), fed one at a time
 * @param wq (d, d) @param wk (d, d) @param wv (d, d) @param wo (d, d)
 * @param numHeads H, dividing d; head j is columns j·h … j·h + h − 1 with h = d / H
 * @returns the outputs, shape (T, d): equal to causal multi-head attention over the whole sequence
 */
export function decodeWithKvCache(x: number[][], wq: number[][], wk: number[][], wv: number[][], wo: number[][], numHeads: number): number[][] {
  void [x, wq, wk, wv, wo, numHeads];
  throw new Error('Not implemented yet');
}
