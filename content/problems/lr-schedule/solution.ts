/** Warmup + cosine schedule with a floor, evaluated at each step. */
export function lrSchedule(steps: number[], baseLr: number, minLr: number, warmupSteps: number, totalSteps: number): number[] {
  return steps.map((s) => {
    if (s < warmupSteps) return (baseLr * s) / warmupSteps;
    if (s >= totalSteps) return minLr;
    const progress = (s - warmupSteps) / (totalSteps - warmupSteps);
    return minLr + ((baseLr - minLr) * (1 + Math.cos(Math.PI * progress))) / 2;
  });
}
