/**
 * Row-wise softmax, as F.softmax(x, dim=-1).
 *
 * @param x logits, shape (n, d)
 * @returns probabilities, shape (n, d); every row sums to 1. Must stay finite for logits of ±1000.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function softmax(x: number[][]): number[][] {
  throw new Error('Not implemented yet');
}
