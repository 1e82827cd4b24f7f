/**
 * Linear warmup from 0, then cosine decay from baseLr to minLr at totalSteps, then minLr.
 *
 * @param steps step numbers (≥ 0) @param baseLr peak @param minLr floor
 * @param warmupSteps 0 ≤ warmupSteps < totalSteps @param totalSteps end of the decay
 * @returns the learning rate at each step, same order
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function lrSchedule(steps: number[], baseLr: number, minLr: number, warmupSteps: number, totalSteps: number): number[] {
  throw new Error('Not implemented yet');
}
