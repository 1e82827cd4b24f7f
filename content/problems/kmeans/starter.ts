/**
 * Lloyd's k-means for exactly `iterations` rounds of assign-then-update.
 *
 * @param points (n, dim) @param initialCentroids (k, dim) @param iterations rounds, ≥ 1
 * @returns { centroids: (k, dim), assignments: n indices in [0, k) from the last round }.
 *   Ties go to the lower centroid index; an empty cluster keeps its centroid.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function kMeans(points: number[][], initialCentroids: number[][], iterations: number): { centroids: number[][]; assignments: number[] } {
  throw new Error('Not implemented yet');
}
