/** Grouped-query attention, no biases, nn.Linear layout (y = x Wᵀ). x: (T, d) → (T, d). */
export function groupedQueryAttention(
  x: number[][],
  wq: number[][],
  wk: number[][],
  wv: number[][],
  wo: number[][],
  numHeads: number,
  numKvHeads: number,
  causal: boolean,
): number[][] {
  const linear = (input: number[][], w: number[][]) => input.map((row) => w.map((wRow) => dot(row, wRow)));
  const q = linear(x, wq); // (T, H·h)
  const k = linear(x, wk); // (T, Hkv·h)
  const v = linear(x, wv);
  const T = x.length;
  const h = wq.length / numHeads;
  const group = numHeads / numKvHeads;
  const concat: number[][] = Array.from({ length: T }, () => new Array<number>(numHeads * h).fill(0));
  for (let head = 0; head < numHeads; head++) {
    const kvHead = Math.floor(head / group);
    const slice = (m: number[][], index: number, headIndex: number) => m[index].slice(headIndex * h, headIndex * h + h);
    for (let i = 0; i < T; i++) {
      const qi = slice(q, i, head);
      const last = causal ? i : T - 1; // causal: only keys at positions ≤ i
      const scores: number[] = [];
      for (let j = 0; j <= last; j++) scores.push(dot(qi, slice(k, j, kvHead)) / Math.sqrt(h));
      const max = Math.max(...scores);
      const weights = scores.map((s) => Math.exp(s - max));
      const sum = weights.reduce((a, b) => a + b, 0);
      for (let j = 0; j <= last; j++) {
        const vj = slice(v, j, kvHead);
        for (let c = 0; c < h; c++) concat[i][head * h + c] += (weights[j] / sum) * vj[c];
      }
    }
  }
  return linear(concat, wo);
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
