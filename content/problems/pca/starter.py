import numpy as np


def pca(X: np.ndarray, k: int):
    """Top-k PCA of the centred data by SVD; each component's largest-|value| entry made positive.

    X: (n, d). k: number of components.
    Returns the tuple (components (k, d), explained_variance (k,) = sigma**2 / (n - 1),
    projection (n, k) = Xc @ components.T).
    """
    raise NotImplementedError
