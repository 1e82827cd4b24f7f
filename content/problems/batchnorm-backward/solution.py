import numpy as np


def batch_norm_backward(x, gamma, dy, eps):
    """Training-mode BatchNorm backward. x, dy: (N, C), gamma: (C,) -> (dx, dgamma, dbeta)."""
    mean = x.mean(axis=0)
    variance = x.var(axis=0)  # biased
    inv_std = 1.0 / np.sqrt(variance + eps)
    x_hat = (x - mean) * inv_std
    dbeta = dy.sum(axis=0)
    dgamma = (dy * x_hat).sum(axis=0)
    g = dy * gamma
    dx = inv_std * (g - g.mean(axis=0) - x_hat * (g * x_hat).mean(axis=0))
    return dx, dgamma, dbeta
