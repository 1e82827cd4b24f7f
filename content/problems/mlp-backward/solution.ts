/** Backward pass of a 2-layer ReLU MLP under F.mse_loss. Returns gradients shaped like the parameters. */
export function mlpBackward(
  x: number[][],
  y: number[][],
  w1: number[][],
  b1: number[],
  w2: number[][],
  b2: number[],
): { dW1: number[][]; db1: number[]; dW2: number[][]; db2: number[] } {
  const linear = (input: number[], w: number[][], b: number[]) => w.map((row, o) => row.reduce((sum, value, k) => sum + value * input[k], b[o]));
  const N = x.length;
  const O = b2.length;
  const dW1 = w1.map((row) => row.map(() => 0));
  const db1 = b1.map(() => 0);
  const dW2 = w2.map((row) => row.map(() => 0));
  const db2 = b2.map(() => 0);
  x.forEach((xi, i) => {
    const z = linear(xi, w1, b1);
    const h = z.map((value) => Math.max(0, value));
    const out = linear(h, w2, b2);
    const dOut = out.map((value, k) => (2 * (value - y[i][k])) / (N * O)); // mean over all N·O entries
    const dz = h.map((_, j) => (z[j] > 0 ? dOut.reduce((sum, d, k) => sum + d * w2[k][j], 0) : 0));
    dOut.forEach((d, k) => {
      db2[k] += d;
      h.forEach((hj, j) => (dW2[k][j] += d * hj));
    });
    dz.forEach((d, j) => {
      db1[j] += d;
      xi.forEach((xk, k) => (dW1[j][k] += d * xk));
    });
  });
  return { dW1, db1, dW2, db2 };
}
