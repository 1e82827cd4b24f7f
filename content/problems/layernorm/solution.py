import numpy as np


def layer_norm(x, gamma, beta, eps):
    """LayerNorm over the last axis. x: (N, D), gamma, beta: (D,) -> (N, D)."""
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)  # biased
    return gamma * (x - mean) / np.sqrt(variance + eps) + beta
