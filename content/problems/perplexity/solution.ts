/** Perplexity over the masked-in tokens of the whole batch. */
export function perplexity(logProbs: number[][], mask: boolean[][]): number {
  let total = 0;
  let count = 0;
  logProbs.forEach((row, b) =>
    row.forEach((value, t) => {
      if (!mask[b][t]) return; // padding
      total += value;
      count += 1;
    }),
  );
  return Math.exp(-total / count);
}
