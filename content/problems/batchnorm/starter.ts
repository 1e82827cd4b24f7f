/**
 * BatchNorm1d forward in training mode, as nn.BatchNorm1d(C, eps, momentum).
 *
 * @param x (N, C), N ≥ 2 @param gamma (C) @param beta (C)
 * @param runningMean (C) @param runningVar (C): the running statistics before this batch
 * @param momentum weight of the batch statistics in the running update @param eps added to the variance
 * @returns { y: (N, C), runningMean: (C), runningVar: (C) } (running variance updated with the unbiased batch variance)
 */
export function batchNorm(
  x: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  momentum: number,
  eps: number,
): { y: number[][]; runningMean: number[]; runningVar: number[] } {
  void [x, gamma, beta, runningMean, runningVar, momentum, eps];
  throw new Error('Not implemented yet');
}
