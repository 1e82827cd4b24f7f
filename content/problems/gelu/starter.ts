/**
 * GELU, as F.gelu(x, approximate): "none" is x·Φ(x) with the normal CDF, "tanh" the tanh approximation.
 *
 * @param x (n, d) @param approximate "none" | "tanh"
 * @returns (n, d)
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function gelu(x: number[][], approximate: string): number[][] {
  throw new Error('Not implemented yet');
}
