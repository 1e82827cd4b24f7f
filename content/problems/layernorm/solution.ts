/** LayerNorm over the last axis. x: (N, D), gamma, beta: (D) → (N, D). */
export function layerNorm(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return x.map((row) => {
    const D = row.length;
    const mean = row.reduce((a, b) => a + b, 0) / D;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / D; // biased
    const invStd = 1 / Math.sqrt(variance + eps);
    return row.map((value, j) => gamma[j] * (value - mean) * invStd + beta[j]);
  });
}
