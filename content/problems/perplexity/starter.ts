/**
 * Perplexity of a batch: exp(−Σ mask·logProbs / Σ mask).
 *
 * @param logProbs (B, T) natural log-probabilities of the actual tokens
 * @param mask (B, T), true for real tokens, false for padding
 * @returns the perplexity, a number
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function perplexity(logProbs: number[][], mask: boolean[][]): number {
  throw new Error('Not implemented yet');
}
