/** Mean cross-entropy, as F.cross_entropy. logits: (n, C), targets: n indices → a number. */
export function crossEntropy(logits: number[][], targets: number[]): number {
  let total = 0;
  logits.forEach((row, i) => {
    // log Σ exp(z) computed as m + log Σ exp(z − m): no overflow, no log(0).
    const max = Math.max(...row);
    const logSumExp = max + Math.log(row.reduce((sum, z) => sum + Math.exp(z - max), 0));
    total += logSumExp - row[targets[i]];
  });
  return total / logits.length;
}
