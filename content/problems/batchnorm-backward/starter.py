import numpy as np


def batch_norm_backward(x: np.ndarray, gamma: np.ndarray, dy: np.ndarray, eps: float):
    """Backward pass of training-mode BatchNorm over (N, C).

    x: (N, C). gamma: (C,). dy: dL/dy, (N, C). eps: added to the biased batch variance.
    Returns the tuple (dx (N, C), dgamma (C,), dbeta (C,)).
    """
    raise NotImplementedError
