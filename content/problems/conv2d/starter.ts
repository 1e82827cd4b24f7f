/**
 * 2-D convolution of one image, as F.conv2d (cross-correlation, zero padding).
 *
 * @param x image, shape (C, H, W)
 * @param w kernels, shape (O, C, kh, kw)
 * @param b bias, shape (O)
 * @param stride step on both spatial axes @param padding zeros added on every side
 * @returns y, shape (O, H_out, W_out) with H_out = ⌊(H + 2·padding − kh) / stride⌋ + 1
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function conv2d(x: number[][][], w: number[][][][], b: number[], stride: number, padding: number): number[][][] {
  throw new Error('Not implemented yet');
}
