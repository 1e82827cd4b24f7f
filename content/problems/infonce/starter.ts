/**
 * InfoNCE (a → b): cross-entropy of the cosine-similarity logits â b̂ᵀ / τ with target i for row i, mean over rows.
 *
 * @param a (N, d) @param b (N, d), row i of b pairs with row i of a @param temperature τ > 0
 * @returns the mean loss, a number
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function infoNce(a: number[][], b: number[][], temperature: number): number {
  throw new Error('Not implemented yet');
}
