/**
 * Backward pass of training-mode BatchNorm over (N, C).
 *
 * @param x (N, C) @param gamma (C) @param dy ∂L/∂y, (N, C) @param eps added to the biased batch variance
 * @returns { dx: (N, C), dgamma: (C), dbeta: (C) }
 */
export function batchNormBackward(x: number[][], gamma: number[], dy: number[][], eps: number): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  void [x, gamma, dy, eps];
  throw new Error('Not implemented yet');
}
