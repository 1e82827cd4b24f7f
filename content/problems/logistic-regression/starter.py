import numpy as np


def logistic_regression_gd(X: np.ndarray, y: np.ndarray, lr: float, steps: int):
    """Logistic regression by full-batch gradient descent on the mean binary cross-entropy, from w = 0, b = 0.

    X: features, shape (n, d). y: labels in {0, 1}, shape (n,), float64. lr: step size. steps: number of updates.
    Returns the tuple (w of shape (d,), b a float).
    """
    raise NotImplementedError
