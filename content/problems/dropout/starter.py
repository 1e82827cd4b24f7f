import numpy as np


def dropout(x: np.ndarray, keep: np.ndarray, p: float) -> np.ndarray:
    """Inverted dropout with a given mask: y = x * keep / (1 - p).

    x: (n, d) float64. keep: (n, d) bool, True where the entry survives. p: drop probability, 0 <= p <= 1.
    Returns y, (n, d); all zeros when p = 1.
    """
    raise NotImplementedError
