/**
 * One step of torch.optim.AdamW on a parameter vector.
 *
 * @param param θ, length n @param grad g, length n
 * @param m first moment from the previous step, length n @param v second moment, length n
 * @param step t of this update, counted from 1
 * @returns the new { param, m, v }, each of length n (the inputs are left unchanged)
 */
export function adamWStep(
  param: number[],
  grad: number[],
  m: number[],
  v: number[],
  step: number,
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  weightDecay: number,
): { param: number[]; m: number[]; v: number[] } {
  void [param, grad, m, v, step, lr, beta1, beta2, eps, weightDecay];
  throw new Error('Not implemented yet');
}
