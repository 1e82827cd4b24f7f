import numpy as np


def beam_search(log_probs: np.ndarray, k: int):
    """Beam search of width k over a prefix-independent log-prob table.

    log_probs: (T, V), log_probs[t, v] = log p(token v at step t). k: beam width, 1 <= k <= V.
    Returns the tuple (sequences (k, T) int64, scores (k,)), best first; equal scores -> the lexicographically
    smaller sequence first.
    """
    raise NotImplementedError
