/** ALiBi bias with the causal mask folded in. → (numHeads, seqLen, seqLen). */
export function alibiBias(numHeads: number, seqLen: number): number[][][] {
  return Array.from({ length: numHeads }, (_, h) => {
    const slope = Math.pow(2, (-8 * (h + 1)) / numHeads);
    return Array.from({ length: seqLen }, (_, i) => Array.from({ length: seqLen }, (_, j) => (j <= i ? -slope * (i - j) : -Infinity)));
  });
}
