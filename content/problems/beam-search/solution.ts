/** Beam search over a (T, V) table → { sequences: (k, T), scores: (k) }, best first. */
export function beamSearch(logProbs: number[][], k: number): { sequences: number[][]; scores: number[] } {
  let beams: { tokens: number[]; score: number }[] = [{ tokens: [], score: 0 }];
  const lexicographic = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return 0;
  };
  for (const row of logProbs) {
    const candidates = beams.flatMap((beam) => row.map((lp, v) => ({ tokens: [...beam.tokens, v], score: beam.score + lp })));
    candidates.sort((a, b) => b.score - a.score || lexicographic(a.tokens, b.tokens));
    beams = candidates.slice(0, k);
  }
  return { sequences: beams.map((b) => b.tokens), scores: beams.map((b) => b.score) };
}
