/** InfoNCE over L2-normalised pairs, one direction (a → b). */
export function infoNce(a: number[][], b: number[][], temperature: number): number {
  const normalise = (row: number[]) => {
    const norm = Math.sqrt(row.reduce((s, v) => s + v * v, 0));
    return row.map((v) => v / norm);
  };
  const an = a.map(normalise);
  const bn = b.map(normalise);
  let total = 0;
  an.forEach((ai, i) => {
    const logits = bn.map((bj) => ai.reduce((s, v, c) => s + v * bj[c], 0) / temperature);
    const max = Math.max(...logits);
    const logSumExp = max + Math.log(logits.reduce((s, z) => s + Math.exp(z - max), 0));
    total += logSumExp - logits[i];
  });
  return total / a.length;
}
