/**
 * RMSNorm over the last axis: y = x / sqrt(mean(x², last axis) + eps) * weight.
 *
 * @param x input, shape (n, d)
 * @param weight per-feature scale, shape (d)
 * @param eps added to the mean square, inside the square root
 * @returns y, shape (n, d)
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function rmsNorm(x: number[][], weight: number[], eps: number): number[][] {
  throw new Error('Not implemented yet');
}
