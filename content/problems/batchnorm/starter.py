import numpy as np


def batch_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, running_mean: np.ndarray,
               running_var: np.ndarray, momentum: float, eps: float):
    """BatchNorm1d forward in training mode, as nn.BatchNorm1d(C, eps, momentum).

    x: (N, C), N >= 2. gamma, beta, running_mean, running_var: (C,).
    Returns the tuple (y (N, C), running_mean (C,), running_var (C,)); the running variance is updated with the
    unbiased batch variance. The inputs are left unchanged.
    """
    raise NotImplementedError
