import numpy as np


def decode_with_kv_cache(x: np.ndarray, wq: np.ndarray, wk: np.ndarray, wv: np.ndarray, wo: np.ndarray,
                         num_heads: int) -> np.ndarray:
    """One multi-head attention layer (no biases, y = x @ W.T) run token by token with a key/value cache.

    x: the tokens, shape (T, d), fed one at a time. wq, wk, wv, wo: (d, d).
    num_heads: H, dividing d; head j is columns j*h ... j*h + h - 1 with h = d // H.
    Returns the outputs, shape (T, d): equal to causal multi-head attention over the whole sequence.
    """
    raise NotImplementedError
