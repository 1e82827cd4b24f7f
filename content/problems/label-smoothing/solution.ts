/** Label-smoothed cross-entropy (PyTorch's convention: ε/C on every class). → a number. */
export function labelSmoothingCrossEntropy(logits: number[][], targets: number[], smoothing: number): number {
  let total = 0;
  logits.forEach((row, i) => {
    const C = row.length;
    const max = Math.max(...row);
    const logSumExp = max + Math.log(row.reduce((sum, z) => sum + Math.exp(z - max), 0));
    const nll = logSumExp - row[targets[i]]; // −log p_target
    const meanNll = row.reduce((sum, z) => sum + (logSumExp - z), 0) / C; // mean over classes of −log p_c
    total += (1 - smoothing) * nll + smoothing * meanNll;
  });
  return total / logits.length;
}
