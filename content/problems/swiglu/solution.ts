/** SwiGLU FFN. x: (T, d), w1, w3: (f, d), w2: (d, f) → (T, d). */
export function swigluFfn(x: number[][], w1: number[][], w3: number[][], w2: number[][]): number[][] {
  const linear = (row: number[], w: number[][]) => w.map((wRow) => wRow.reduce((sum, value, k) => sum + value * row[k], 0));
  const silu = (z: number) => z / (1 + Math.exp(-z));
  return x.map((row) => {
    const gate = linear(row, w1).map(silu);
    const up = linear(row, w3);
    return linear(gate.map((g, k) => g * up[k]), w2);
  });
}
