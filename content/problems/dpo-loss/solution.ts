/** Mean DPO loss. Four arrays of length n and β → a number. */
export function dpoLoss(policyChosen: number[], policyRejected: number[], refChosen: number[], refRejected: number[], beta: number): number {
  let total = 0;
  for (let i = 0; i < policyChosen.length; i++) {
    const z = beta * (policyChosen[i] - refChosen[i] - (policyRejected[i] - refRejected[i]));
    // −log σ(z) = log(1 + e^(−z)), written so that neither branch overflows.
    total += Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }
  return total / policyChosen.length;
}
