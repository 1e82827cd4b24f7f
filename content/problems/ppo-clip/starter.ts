/**
 * PPO's clipped surrogate objective (to maximise), mean over tokens.
 *
 * @param logProbs log π_θ of each sampled token, length n @param oldLogProbs log π_old, length n
 * @param advantages A_t, length n @param clipEps ε
 * @returns mean_t min(r_t·A_t, clip(r_t, 1 − ε, 1 + ε)·A_t), r_t = exp(logProbs − oldLogProbs)
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function ppoClipObjective(logProbs: number[], oldLogProbs: number[], advantages: number[], clipEps: number): number {
  throw new Error('Not implemented yet');
}
