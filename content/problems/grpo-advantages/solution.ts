/** Group-normalised advantages, population std. rewards: (B, G) → (B, G). */
export function grpoAdvantages(rewards: number[][], eps: number): number[][] {
  return rewards.map((group) => {
    const G = group.length;
    const mean = group.reduce((a, b) => a + b, 0) / G;
    const std = Math.sqrt(group.reduce((a, r) => a + (r - mean) ** 2, 0) / G); // unbiased=False
    return group.map((r) => (r - mean) / (std + eps));
  });
}
