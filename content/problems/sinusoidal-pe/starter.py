import numpy as np


def sinusoidal_positional_encoding(seq_len: int, d: int) -> np.ndarray:
    """Sinusoidal positional encoding: PE[p, 2i] = sin(p / 10000**(2i/d)), PE[p, 2i+1] = cos(p / 10000**(2i/d)).

    seq_len: number of positions, p = 0 ... seq_len - 1. d: model width, even.
    Returns PE, shape (seq_len, d), float64.
    """
    raise NotImplementedError
