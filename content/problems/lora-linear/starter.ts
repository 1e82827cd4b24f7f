/**
 * LoRA linear layer, no bias: y = x Wᵀ + (α/r)·(x Aᵀ) Bᵀ, merged = W + (α/r)·B A.
 *
 * @param x (N, in) @param w (out, in) @param a (r, in) @param b (out, r) @param alpha α @param r the rank
 * @returns { y: (N, out), merged: (out, in) }
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function loraLinear(x: number[][], w: number[][], a: number[][], b: number[][], alpha: number, r: number): { y: number[][]; merged: number[][] } {
  throw new Error('Not implemented yet');
}
