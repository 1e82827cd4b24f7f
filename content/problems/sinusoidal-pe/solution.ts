/** Sinusoidal positional encoding, sines in even columns and cosines in odd ones. → (seqLen, d). */
export function sinusoidalPositionalEncoding(seqLen: number, d: number): number[][] {
  return Array.from({ length: seqLen }, (_, p) => {
    const row = new Array<number>(d);
    for (let i = 0; 2 * i < d; i++) {
      const angle = p / Math.pow(10000, (2 * i) / d);
      row[2 * i] = Math.sin(angle);
      row[2 * i + 1] = Math.cos(angle);
    }
    return row;
  });
}
