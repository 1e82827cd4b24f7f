/**
 * Inverted dropout with a given mask: y = x · keep / (1 − p).
 *
 * @param x (n, d) @param keep (n, d), true where the entry survives @param p drop probability, 0 ≤ p ≤ 1
 * @returns y, (n, d); all zeros when p = 1
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function dropout(x: number[][], keep: boolean[][], p: number): number[][] {
  throw new Error('Not implemented yet');
}
