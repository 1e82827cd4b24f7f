/**
 * Beam search of width k over a prefix-independent log-prob table.
 *
 * @param logProbs (T, V): logProbs[t][v] = log p(token v at step t) @param k beam width, 1 ≤ k ≤ V
 * @returns { sequences: (k, T) token ids, scores: (k) }, best first; equal scores → the lexicographically smaller sequence first
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function beamSearch(logProbs: number[][], k: number): { sequences: number[][]; scores: number[] } {
  throw new Error('Not implemented yet');
}
