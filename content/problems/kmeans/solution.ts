/** Lloyd's k-means. points: (n, dim), initialCentroids: (k, dim) → { centroids, assignments }. */
export function kMeans(points: number[][], initialCentroids: number[][], iterations: number): { centroids: number[][]; assignments: number[] } {
  let centroids = initialCentroids.map((c) => [...c]);
  let assignments: number[] = [];
  for (let round = 0; round < iterations; round++) {
    assignments = points.map((point) => {
      let best = 0;
      let bestDistance = Infinity;
      centroids.forEach((centroid, j) => {
        const distance = centroid.reduce((sum, value, c) => sum + (point[c] - value) ** 2, 0);
        if (distance < bestDistance) { // strict: ties keep the lower index
          best = j;
          bestDistance = distance;
        }
      });
      return best;
    });
    centroids = centroids.map((centroid, j) => {
      const members = points.filter((_, i) => assignments[i] === j);
      if (members.length === 0) return centroid; // an empty cluster keeps its centroid
      return centroid.map((_, c) => members.reduce((sum, point) => sum + point[c], 0) / members.length);
    });
  }
  return { centroids, assignments };
}
