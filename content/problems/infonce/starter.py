import numpy as np


def info_nce(a: np.ndarray, b: np.ndarray, temperature: float) -> float:
    """InfoNCE (a -> b): cross-entropy of the cosine-similarity logits a_n @ b_n.T / tau with target i, mean over rows.

    a, b: (N, d); row i of b pairs with row i of a. temperature: tau > 0.
    Returns the mean loss, a float.
    """
    raise NotImplementedError
