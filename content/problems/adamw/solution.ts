/** One torch.optim.AdamW step. Vectors of length n → the new { param, m, v }. */
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
  const newM = m.map((mi, i) => beta1 * mi + (1 - beta1) * grad[i]);
  const newV = v.map((vi, i) => beta2 * vi + (1 - beta2) * grad[i] * grad[i]);
  const correction1 = 1 - Math.pow(beta1, step);
  const correction2 = 1 - Math.pow(beta2, step);
  const newParam = param.map((theta, i) => {
    const decayed = theta * (1 - lr * weightDecay); // decoupled weight decay, on the old θ
    const mHat = newM[i] / correction1;
    const vHat = newV[i] / correction2;
    return decayed - (lr * mHat) / (Math.sqrt(vHat) + eps);
  });
  return { param: newParam, m: newM, v: newV };
}
