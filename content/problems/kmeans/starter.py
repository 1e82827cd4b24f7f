import numpy as np


def k_means(points: np.ndarray, initial_centroids: np.ndarray, iterations: int):
    """Lloyd's k-means for exactly `iterations` rounds of assign-then-update.

    points: (n, dim). initial_centroids: (k, dim). iterations: rounds, >= 1.
    Returns the tuple (centroids (k, dim) float64, assignments (n,) int64 from the last round).
    Ties go to the lower centroid index; an empty cluster keeps its centroid.
    """
    raise NotImplementedError
