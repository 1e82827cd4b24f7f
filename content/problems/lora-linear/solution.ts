/** LoRA linear: the unmerged output and the merged weight. */
export function loraLinear(x: number[][], w: number[][], a: number[][], b: number[][], alpha: number, r: number): { y: number[][]; merged: number[][] } {
  const scale = alpha / r;
  const times = (m: number[][], nT: number[][]) => m.map((row) => nT.map((col) => row.reduce((s, v, k) => s + v * col[k], 0))); // m · nTᵀ
  const down = times(x, a); // x Aᵀ: (N, r)
  const up = times(down, b); // (x Aᵀ) Bᵀ: (N, out)
  const base = times(x, w); // x Wᵀ: (N, out)
  const y = base.map((row, i) => row.map((v, o) => v + scale * up[i][o]));
  const merged = w.map((row, o) => row.map((v, k) => v + scale * b[o].reduce((s, bo, j) => s + bo * a[j][k], 0))); // W + (α/r) B A
  return { y, merged };
}
