/** Nucleus filtering. logits: (V) → probabilities (V), renormalised over the kept tokens. */
export function topPFilter(logits: number[], p: number): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const total = exps.reduce((a, b) => a + b, 0);
  const probs = exps.map((e) => e / total);
  // Most probable first; equal probabilities keep the lower id first.
  const order = probs.map((_, i) => i).sort((a, b) => probs[b] - probs[a] || a - b);
  const kept = new Array<number>(probs.length).fill(0);
  let before = 0; // probability mass of the tokens before this one in sorted order
  for (const token of order) {
    if (before >= p) break;
    kept[token] = probs[token];
    before += probs[token];
  }
  return kept.map((value) => value / before);
}
