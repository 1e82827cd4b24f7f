/**
 * Mean DPO loss from per-example sequence log-probabilities (each array has length n).
 *
 * @param policyChosen log π_θ(chosen | prompt) @param policyRejected log π_θ(rejected | prompt)
 * @param refChosen log π_ref(chosen | prompt) @param refRejected log π_ref(rejected | prompt)
 * @param beta β > 0
 * @returns mean over the pairs of −log σ(β·[(πc − refc) − (πr − refr)]), a finite number
 */
export function dpoLoss(policyChosen: number[], policyRejected: number[], refChosen: number[], refRejected: number[], beta: number): number {
  void [policyChosen, policyRejected, refChosen, refRejected, beta];
  throw new Error('Not implemented yet');
}
