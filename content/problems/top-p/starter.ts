/**
 * Nucleus (top-p) filtering of one next-token distribution.
 *
 * @param logits one score per vocabulary token, length V
 * @param p 0 < p ≤ 1: keep the smallest set of most probable tokens whose probabilities sum to at least p
 *   (ties: the lower token id first; at least one token)
 * @returns probabilities, length V: zero outside the kept set, the kept ones renormalised to sum to 1
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function topPFilter(logits: number[], p: number): number[] {
  throw new Error('Not implemented yet');
}
