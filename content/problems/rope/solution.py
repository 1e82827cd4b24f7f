import numpy as np


def rope(x: np.ndarray, base: float) -> np.ndarray:
    """RoPE, rotate-half pairing (i, i + d/2). x: (T, d) -> (T, d)."""
    seq_len, d = x.shape
    half = d // 2
    theta = base ** (-2.0 * np.arange(half) / d)  # (d/2,)
    angles = np.arange(seq_len)[:, None] * theta[None, :]  # (T, d/2)
    cos = np.concatenate([np.cos(angles)] * 2, axis=1)  # (T, d)
    sin = np.concatenate([np.sin(angles)] * 2, axis=1)
    rotated_half = np.concatenate([-x[:, half:], x[:, :half]], axis=1)
    return x * cos + rotated_half * sin
