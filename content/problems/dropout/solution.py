import numpy as np


def dropout(x, keep, p):
    """Inverted dropout with a given mask. x, keep: (n, d) -> (n, d)."""
    if p >= 1:
        return np.zeros_like(x)  # everything dropped
    return np.where(keep, x / (1.0 - p), 0.0)
