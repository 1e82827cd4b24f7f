import numpy as np


def alibi_bias(num_heads: int, seq_len: int) -> np.ndarray:
    """ALiBi bias: bias[h, i, j] = -m_h * (i - j) for j <= i and -inf for j > i, m_h = 2 ** (-8 (h+1) / num_heads).

    num_heads: n, a power of two. seq_len: T.
    Returns bias, shape (n, T, T), float64.
    """
    raise NotImplementedError
