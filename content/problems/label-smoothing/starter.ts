/**
 * Mean label-smoothed cross-entropy, as F.cross_entropy(logits, targets, label_smoothing=smoothing).
 *
 * @param logits (n, C) @param targets n class indices in [0, C) @param smoothing ε in [0, 1], spread over all C classes
 * @returns the mean loss, a number
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function labelSmoothingCrossEntropy(logits: number[][], targets: number[], smoothing: number): number {
  throw new Error('Not implemented yet');
}
