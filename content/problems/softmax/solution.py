import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    """Row-wise softmax, as F.softmax(x, dim=-1). x: (n, d) -> (n, d)."""
    # Subtracting the row maximum keeps every exponent <= 0: no overflow, and the sum is at least 1.
    shifted = x - x.max(axis=-1, keepdims=True)
    exps = np.exp(shifted)
    return exps / exps.sum(axis=-1, keepdims=True)
