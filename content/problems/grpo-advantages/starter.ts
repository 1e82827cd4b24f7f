/**
 * GRPO advantages: per group (row), (r − mean) / (std + eps) with the population std.
 *
 * @param rewards (B, G): B prompts × G completions @param eps added to the standard deviation
 * @returns advantages, (B, G)
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function grpoAdvantages(rewards: number[][], eps: number): number[][] {
  throw new Error('Not implemented yet');
}
