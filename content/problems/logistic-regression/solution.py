import numpy as np


def logistic_regression_gd(X, y, lr, steps):
    """Full-batch GD on the mean BCE. X: (n, d), y: (n,) -> (w, b)."""
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(steps):
        p = 0.5 * (1.0 + np.tanh(0.5 * (X @ w + b)))  # sigmoid, without overflow
        error = p - y
        w, b = w - lr * (X.T @ error) / n, b - lr * error.mean()
    return w, float(b)
