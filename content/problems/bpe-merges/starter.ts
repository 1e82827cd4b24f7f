/**
 * Learns BPE merges from a word-frequency list (words split into characters, no end-of-word marker).
 *
 * @param words distinct words @param counts their frequencies @param numMerges merges to learn (fewer if no pair is left)
 * @returns the merges in order, each [a, b]; ties go to the lexicographically smallest pair
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function bpeMerges(words: string[], counts: number[], numMerges: number): string[][] {
  throw new Error('Not implemented yet');
}
