/**
 * Mean cross-entropy over a batch, as F.cross_entropy(logits, targets).
 *
 * @param logits unnormalised scores, shape (n, C)
 * @param targets n class indices in [0, C)
 * @returns the mean loss, a number (finite even for logits of ±1000)
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function crossEntropy(logits: number[][], targets: number[]): number {
  throw new Error('Not implemented yet');
}
