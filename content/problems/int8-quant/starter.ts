/**
 * Per-row absmax int8 quantisation: scale = max|row| / 127, q = round-half-even(x / scale) in [−127, 127].
 *
 * @param x (n, d)
 * @returns { q: (n, d) integers, scales: (n), dequantized: (n, d) = q · scale }; a zero row has scale 1
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function int8Quantize(x: number[][]): { q: number[][]; scales: number[]; dequantized: number[][] } {
  throw new Error('Not implemented yet');
}
