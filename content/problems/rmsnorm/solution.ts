/** RMSNorm over the last axis. x: (n, d), weight: (d) → (n, d). */
export function rmsNorm(x: number[][], weight: number[], eps: number): number[][] {
  return x.map((row) => {
    const meanSquare = row.reduce((sum, value) => sum + value * value, 0) / row.length;
    const scale = 1 / Math.sqrt(meanSquare + eps); // eps inside the square root, as LLaMA
    return row.map((value, j) => value * scale * weight[j]);
  });
}
