import numpy as np


def top_p_filter(logits: np.ndarray, p: float) -> np.ndarray:
    """Nucleus (top-p) filtering of one next-token distribution.

    logits: one score per vocabulary token, shape (V,).
    p: 0 < p <= 1: keep the smallest set of most probable tokens whose probabilities sum to at least p
       (ties: the lower token id first; at least one token).
    Returns probabilities, shape (V,): zero outside the kept set, the kept ones renormalised to sum to 1.
    """
    raise NotImplementedError
