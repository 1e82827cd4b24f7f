import numpy as np


def batch_norm(x, gamma, beta, running_mean, running_var, momentum, eps):
    """BatchNorm1d training-mode forward. x: (N, C) -> (y, running_mean, running_var)."""
    n = x.shape[0]
    mean = x.mean(axis=0)
    variance = x.var(axis=0)  # biased, for the normalisation
    y = gamma * (x - mean) / np.sqrt(variance + eps) + beta
    new_mean = (1 - momentum) * running_mean + momentum * mean
    new_var = (1 - momentum) * running_var + momentum * variance * n / (n - 1)  # unbiased
    return y, new_mean, new_var
