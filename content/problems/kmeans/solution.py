import numpy as np


def k_means(points, initial_centroids, iterations):
    """Lloyd's k-means. points: (n, dim), initial_centroids: (k, dim) -> (centroids, assignments)."""
    centroids = initial_centroids.copy()
    assignments = np.zeros(len(points), dtype=np.int64)
    for _ in range(iterations):
        distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)  # (n, k)
        assignments = distances.argmin(axis=1)  # argmin returns the first (lowest) index on ties
        for j in range(len(centroids)):
            members = points[assignments == j]
            if len(members) > 0:  # an empty cluster keeps its centroid
                centroids[j] = members.mean(axis=0)
    return centroids, assignments.astype(np.int64)
