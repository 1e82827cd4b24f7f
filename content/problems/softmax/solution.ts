/** Row-wise softmax, as F.softmax(x, dim=-1). x: (n, d) → (n, d). */
export function softmax(x: number[][]): number[][] {
  return x.map((row) => {
    // Subtracting the row maximum keeps every exponent ≤ 0: no overflow, and the sum is at least 1.
    const max = Math.max(...row);
    const exps = row.map((value) => Math.exp(value - max));
    const sum = exps.reduce((total, value) => total + value, 0);
    return exps.map((value) => value / sum);
  });
}
