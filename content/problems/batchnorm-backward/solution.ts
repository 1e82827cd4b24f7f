/** Training-mode BatchNorm backward. x, dy: (N, C), gamma: (C) → { dx, dgamma, dbeta }. */
export function batchNormBackward(x: number[][], gamma: number[], dy: number[][], eps: number): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const N = x.length;
  const C = gamma.length;
  const dx = x.map((row) => row.map(() => 0));
  const dgamma = new Array<number>(C).fill(0);
  const dbeta = new Array<number>(C).fill(0);
  for (let c = 0; c < C; c++) {
    let mean = 0;
    for (let i = 0; i < N; i++) mean += x[i][c] / N;
    let variance = 0;
    for (let i = 0; i < N; i++) variance += (x[i][c] - mean) ** 2 / N; // biased
    const invStd = 1 / Math.sqrt(variance + eps);
    const xHat = x.map((row) => (row[c] - mean) * invStd);
    let meanG = 0;
    let meanGxHat = 0;
    for (let i = 0; i < N; i++) {
      dbeta[c] += dy[i][c];
      dgamma[c] += dy[i][c] * xHat[i];
      meanG += (dy[i][c] * gamma[c]) / N;
      meanGxHat += (dy[i][c] * gamma[c] * xHat[i]) / N;
    }
    for (let i = 0; i < N; i++) dx[i][c] = invStd * (dy[i][c] * gamma[c] - meanG - xHat[i] * meanGxHat);
  }
  return { dx, dgamma, dbeta };
}
