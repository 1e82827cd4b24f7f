/** Full-batch GD on the mean BCE. X: (n, d), y: (n) → { w: (d), b }. */
export function logisticRegressionGD(X: number[][], y: number[], lr: number, steps: number): { w: number[]; b: number } {
  const n = X.length;
  const d = X[0].length;
  let w = new Array<number>(d).fill(0);
  let b = 0;
  const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
  for (let step = 0; step < steps; step++) {
    const errors = X.map((row, i) => sigmoid(row.reduce((sum, value, j) => sum + value * w[j], b)) - y[i]); // p − y
    const gradW = w.map((_, j) => errors.reduce((sum, e, i) => sum + e * X[i][j], 0) / n);
    const gradB = errors.reduce((sum, e) => sum + e, 0) / n;
    w = w.map((value, j) => value - lr * gradW[j]);
    b -= lr * gradB;
  }
  return { w, b };
}
