import numpy as np


def pca(X, k):
    """Top-k PCA by SVD with the largest-|entry|-positive sign convention -> (components, variance, projection)."""
    n = X.shape[0]
    centred = X - X.mean(axis=0)
    _, singular, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:k].copy()
    largest = np.argmax(np.abs(components), axis=1)  # the first index on ties
    signs = np.sign(components[np.arange(k), largest])
    components *= signs[:, None]
    return components, singular[:k] ** 2 / (n - 1), centred @ components.T
