/**
 * Mean binary focal loss: −α_t (1 − p_t)^γ log p_t, p = σ(logits).
 *
 * @param logits length n @param targets 0 or 1, length n @param alpha weight of the positives @param gamma focusing exponent
 * @returns the mean loss, a number
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function focalLoss(logits: number[], targets: number[], alpha: number, gamma: number): number {
  throw new Error('Not implemented yet');
}
