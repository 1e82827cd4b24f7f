import numpy as np


def layer_norm_backward(x: np.ndarray, gamma: np.ndarray, dy: np.ndarray, eps: float):
    """Backward pass of LayerNorm over the last axis (as nn.LayerNorm(D, eps)).

    x: input, shape (N, D). gamma: scale, shape (D,). dy: dL/dy, shape (N, D). eps: added to the biased variance.
    Returns the tuple (dx, dgamma, dbeta) with shapes (N, D), (D,), (D,).
    """
    raise NotImplementedError
