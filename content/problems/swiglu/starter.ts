/**
 * SwiGLU feed-forward (LLaMA): (silu(x w1ᵀ) ⊙ x w3ᵀ) w2ᵀ, no biases, nn.Linear layout.
 *
 * @param x (T, d) @param w1 (f, d) @param w3 (f, d) @param w2 (d, f)
 * @returns (T, d)
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function swigluFfn(x: number[][], w1: number[][], w3: number[][], w2: number[][]): number[][] {
  throw new Error('Not implemented yet');
}
