/** GELU, exact ("none") or tanh-approximated. x: (n, d) → (n, d). */
export function gelu(x: number[][], approximate: string): number[][] {
  if (approximate === 'tanh') {
    const c = Math.sqrt(2 / Math.PI);
    return x.map((row) => row.map((v) => 0.5 * v * (1 + Math.tanh(c * (v + 0.044715 * v ** 3)))));
  }
  return x.map((row) => row.map((v) => 0.5 * v * (1 + erf(v / Math.SQRT2))));
}

/** erf to ~1e-15: Maclaurin series for |z| < 2.5, the continued fraction of erfc beyond. */
function erf(z: number): number {
  const a = Math.abs(z);
  if (a < 2.5) {
    let term = z;
    let sum = z;
    for (let n = 1; n < 60; n++) {
      term *= (-z * z) / n; // (−1)ⁿ z^(2n+1) / n!
      sum += term / (2 * n + 1);
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(a) = exp(−a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + …))))), evaluated from the tail.
  let fraction = a;
  for (let k = 60; k >= 1; k--) fraction = a + k / 2 / fraction;
  const erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / fraction;
  return Math.sign(z) * (1 - erfc);
}
