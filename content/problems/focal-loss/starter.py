import numpy as np


def focal_loss(logits: np.ndarray, targets: np.ndarray, alpha: float, gamma: float) -> float:
    """Mean binary focal loss: -alpha_t (1 - p_t) ** gamma * log p_t, p = sigmoid(logits).

    logits: (n,). targets: (n,) float64, 0 or 1. alpha: weight of the positives. gamma: focusing exponent.
    Returns the mean loss, a float.
    """
    raise NotImplementedError
