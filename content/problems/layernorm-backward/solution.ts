/** LayerNorm backward over the last axis. x, dy: (N, D), gamma: (D) → { dx, dgamma, dbeta }. */
export function layerNormBackward(x: number[][], gamma: number[], dy: number[][], eps: number): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const D = gamma.length;
  const dgamma = new Array<number>(D).fill(0);
  const dbeta = new Array<number>(D).fill(0);
  const dx = x.map((row, i) => {
    const mean = row.reduce((a, b) => a + b, 0) / D;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / D; // biased
    const invStd = 1 / Math.sqrt(variance + eps);
    const xHat = row.map((value) => (value - mean) * invStd);
    const g = dy[i].map((value, j) => value * gamma[j]);
    const meanG = g.reduce((a, b) => a + b, 0) / D;
    const meanGxHat = g.reduce((a, value, j) => a + value * xHat[j], 0) / D;
    for (let j = 0; j < D; j++) {
      dbeta[j] += dy[i][j];
      dgamma[j] += dy[i][j] * xHat[j];
    }
    return g.map((value, j) => invStd * (value - meanG - xHat[j] * meanGxHat));
  });
  return { dx, dgamma, dbeta };
}
