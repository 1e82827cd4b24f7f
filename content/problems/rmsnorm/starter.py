import numpy as np


def rms_norm(x: np.ndarray, weight: np.ndarray, eps: float) -> np.ndarray:
    """RMSNorm over the last axis: y = x / sqrt(mean(x**2, last axis) + eps) * weight.

    x: input, shape (n, d). weight: per-feature scale, shape (d,). eps: inside the square root.
    Returns y, shape (n, d).
    """
    raise NotImplementedError
