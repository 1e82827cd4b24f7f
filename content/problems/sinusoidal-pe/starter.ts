/**
 * Sinusoidal positional encoding: PE[p][2i] = sin(p / 10000^(2i/d)), PE[p][2i+1] = cos(p / 10000^(2i/d)).
 *
 * @param seqLen number of positions, p = 0 … seqLen − 1
 * @param d model width, even
 * @returns PE, shape (seqLen, d)
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function sinusoidalPositionalEncoding(seqLen: number, d: number): number[][] {
  throw new Error('Not implemented yet');
}
