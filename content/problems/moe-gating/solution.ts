/** Top-2 gating. logits: (T, E) → { weights: (T, 2), indices: (T, 2), loss }. */
export function moeTop2Gating(logits: number[][]): { weights: number[][]; indices: number[][]; loss: number } {
  const T = logits.length;
  const E = logits[0].length;
  const routed = new Array<number>(E).fill(0); // f_e · 2T
  const meanProb = new Array<number>(E).fill(0); // P_e
  const weights: number[][] = [];
  const indices: number[][] = [];
  for (const row of logits) {
    const max = Math.max(...row);
    const exps = row.map((z) => Math.exp(z - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    const probs = exps.map((e) => e / sum);
    const order = probs.map((_, e) => e).sort((a, b) => probs[b] - probs[a] || a - b); // ties: lower index first
    const [first, second] = order;
    const total = probs[first] + probs[second];
    weights.push([probs[first] / total, probs[second] / total]);
    indices.push([first, second]);
    routed[first] += 1;
    routed[second] += 1;
    probs.forEach((p, e) => (meanProb[e] += p / T));
  }
  const loss = E * routed.reduce((acc, count, e) => acc + (count / (2 * T)) * meanProb[e], 0);
  return { weights, indices, loss };
}
