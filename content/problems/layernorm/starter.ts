/**
 * LayerNorm over the last axis, as nn.LayerNorm(D, eps).
 *
 * @param x (N, D) @param gamma (D) @param beta (D) @param eps added to the biased variance
 * @returns y, shape (N, D)
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function layerNorm(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  throw new Error('Not implemented yet');
}
