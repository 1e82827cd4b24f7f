/** MHA decoded token by token with a KV cache. x: (T, d), weights (d, d) → (T, d). */
export function decodeWithKvCache(x: number[][], wq: number[][], wk: number[][], wv: number[][], wo: number[][], numHeads: number): number[][] {
  const project = (row: number[], w: number[][]) => w.map((wRow) => dot(row, wRow));
  const d = wq.length;
  const h = d / numHeads;
  const keys: number[][] = [];
  const values: number[][] = [];
  const outputs: number[][] = [];
  for (const token of x) {
    const q = project(token, wq);
    keys.push(project(token, wk)); // append first: the token attends to itself
    values.push(project(token, wv));
    const concat = new Array<number>(d).fill(0);
    for (let head = 0; head < numHeads; head++) {
      const from = head * h;
      const scores = keys.map((k) => dot(q.slice(from, from + h), k.slice(from, from + h)) / Math.sqrt(h));
      const max = Math.max(...scores);
      const weights = scores.map((s) => Math.exp(s - max));
      const sum = weights.reduce((a, b) => a + b, 0);
      values.forEach((v, j) => {
        for (let c = from; c < from + h; c++) concat[c] += (weights[j] / sum) * v[c];
      });
    }
    outputs.push(project(concat, wo));
  }
  return outputs;
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
