/** RoPE, rotate-half pairing (i, i + d/2). x: (T, d) → (T, d). */
export function rope(x: number[][], base: number): number[][] {
  return x.map((row, position) => {
    const d = row.length;
    const half = d / 2;
    const y = new Array<number>(d);
    for (let i = 0; i < half; i++) {
      const angle = position * Math.pow(base, (-2 * i) / d);
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      y[i] = row[i] * cos - row[i + half] * sin;
      y[i + half] = row[i + half] * cos + row[i] * sin;
    }
    return y;
  });
}
