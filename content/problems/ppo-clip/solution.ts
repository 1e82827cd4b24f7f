/** PPO-clip objective, mean over tokens. */
export function ppoClipObjective(logProbs: number[], oldLogProbs: number[], advantages: number[], clipEps: number): number {
  let total = 0;
  for (let t = 0; t < logProbs.length; t++) {
    const ratio = Math.exp(logProbs[t] - oldLogProbs[t]);
    const clipped = Math.min(Math.max(ratio, 1 - clipEps), 1 + clipEps);
    total += Math.min(ratio * advantages[t], clipped * advantages[t]);
  }
  return total / logProbs.length;
}
