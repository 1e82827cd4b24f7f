import numpy as np


def scaled_dot_product_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, causal: bool):
    """Scaled dot-product attention, optionally causal (mask top-left aligned: torch.ones(L, S).tril()).

    q: queries, shape (L, d). k: keys, shape (S, d). v: values, shape (S, dv).
    causal: when True, query i attends to keys j <= i only.
    Returns the tuple (output (L, dv), weights (L, S)), each row of weights summing to 1.
    """
    raise NotImplementedError
