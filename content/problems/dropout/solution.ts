/** Inverted dropout with a given mask. x, keep: (n, d) → (n, d). */
export function dropout(x: number[][], keep: boolean[][], p: number): number[][] {
  const scale = p < 1 ? 1 / (1 - p) : 0; // p = 1: everything dropped
  return x.map((row, i) => row.map((value, j) => (keep[i][j] ? value * scale : 0)));
}
