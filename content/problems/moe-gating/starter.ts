/**
 * Top-2 MoE gating with the Switch-style load-balancing loss.
 *
 * @param logits router logits, shape (T, E)
 * @returns { weights: (T, 2) renormalised gate weights, indices: (T, 2) chosen experts (largest first, ties to the
 *   lower index), loss: E · Σ_e f_e · P_e }
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function moeTop2Gating(logits: number[][]): { weights: number[][]; indices: number[][]; loss: number } {
  throw new Error('Not implemented yet');
}
