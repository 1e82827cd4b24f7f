/**
 * Backward pass of LayerNorm over the last axis (as nn.LayerNorm(D, eps)).
 *
 * @param x input, shape (N, D) @param gamma scale, shape (D)
 * @param dy ∂L/∂y, shape (N, D) @param eps added to the biased variance
 * @returns { dx: (N, D), dgamma: (D), dbeta: (D) }
 */
export function layerNormBackward(x: number[][], gamma: number[], dy: number[][], eps: number): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  void [x, gamma, dy, eps];
  throw new Error('Not implemented yet');
}
