/** PCA: power iteration with deflation on the scatter matrix XcᵀXc (fine for small d). */
export function pca(X: number[][], k: number): { components: number[][]; explainedVariance: number[]; projection: number[][] } {
  const n = X.length;
  const d = X[0].length;
  const means = Array.from({ length: d }, (_, j) => X.reduce((s, row) => s + row[j], 0) / n);
  const Xc = X.map((row) => row.map((v, j) => v - means[j]));
  // Scatter matrix C = XcᵀXc; its eigenvalues are σ², its eigenvectors the rows of Vᵀ.
  const C = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => Xc.reduce((s, row) => s + row[a] * row[b], 0)));
  const components: number[][] = [];
  const explainedVariance: number[] = [];
  for (let c = 0; c < k; c++) {
    let v = Array.from({ length: d }, (_, j) => 1 + j / d); // any start not orthogonal to the answer
    let eigenvalue = 0;
    for (let iteration = 0; iteration < 10000; iteration++) {
      const w = C.map((row) => row.reduce((s, value, j) => s + value * v[j], 0));
      const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
      const next = w.map((x) => x / norm);
      const change = next.reduce((s, x, j) => s + Math.abs(Math.abs(x) - Math.abs(v[j])), 0);
      v = next;
      eigenvalue = norm;
      if (change < 1e-15) break;
    }
    // Refine with a Rayleigh quotient, then deflate: C ← C − λ v vᵀ.
    eigenvalue = v.reduce((s, x, a) => s + x * C[a].reduce((t, value, b) => t + value * v[b], 0), 0);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) C[a][b] -= eigenvalue * v[a] * v[b];
    let largest = 0;
    v.forEach((x, j) => {
      if (Math.abs(x) > Math.abs(v[largest])) largest = j;
    });
    if (v[largest] < 0) v = v.map((x) => -x); // sign convention
    components.push(v);
    explainedVariance.push(eigenvalue / (n - 1));
  }
  const projection = Xc.map((row) => components.map((comp) => comp.reduce((s, x, j) => s + x * row[j], 0)));
  return { components, explainedVariance, projection };
}
