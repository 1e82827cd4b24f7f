import numpy as np


def layer_norm_backward(x, gamma, dy, eps):
    """LayerNorm backward over the last axis. x, dy: (N, D), gamma: (D,) -> (dx, dgamma, dbeta)."""
    mean = x.mean(axis=1, keepdims=True)
    variance = x.var(axis=1, keepdims=True)  # biased, as LayerNorm
    inv_std = 1.0 / np.sqrt(variance + eps)
    x_hat = (x - mean) * inv_std
    dbeta = dy.sum(axis=0)
    dgamma = (dy * x_hat).sum(axis=0)
    g = dy * gamma
    dx = inv_std * (g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True))
    return dx, dgamma, dbeta
