/** BatchNorm1d training-mode forward. x: (N, C) → { y, runningMean, runningVar }. */
export function batchNorm(
  x: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  momentum: number,
  eps: number,
): { y: number[][]; runningMean: number[]; runningVar: number[] } {
  const N = x.length;
  const C = gamma.length;
  const mean = new Array<number>(C).fill(0);
  const variance = new Array<number>(C).fill(0);
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < N; i++) mean[c] += x[i][c] / N;
    for (let i = 0; i < N; i++) variance[c] += (x[i][c] - mean[c]) ** 2 / N; // biased: normalisation
  }
  const y = x.map((row) => row.map((value, c) => (gamma[c] * (value - mean[c])) / Math.sqrt(variance[c] + eps) + beta[c]));
  return {
    y,
    runningMean: runningMean.map((r, c) => (1 - momentum) * r + momentum * mean[c]),
    runningVar: runningVar.map((r, c) => (1 - momentum) * r + momentum * variance[c] * (N / (N - 1))), // unbiased
  };
}
