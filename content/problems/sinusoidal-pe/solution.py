import numpy as np


def sinusoidal_positional_encoding(seq_len, d):
    """Sinusoidal positional encoding, sines in even columns and cosines in odd ones. -> (seq_len, d)."""
    positions = np.arange(seq_len)[:, None]  # (T, 1)
    frequencies = 10000.0 ** (-np.arange(0, d, 2) / d)  # (d/2,), exponent 2i/d
    angles = positions * frequencies
    pe = np.zeros((seq_len, d))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
