/**
 * ALiBi bias: bias[h][i][j] = −m_h·(i − j) for j ≤ i and −Infinity for j > i, with m_h = 2^(−8(h+1)/numHeads).
 *
 * @param numHeads n, a power of two @param seqLen T
 * @returns bias, shape (n, T, T)
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function alibiBias(numHeads: number, seqLen: number): number[][][] {
  throw new Error('Not implemented yet');
}
