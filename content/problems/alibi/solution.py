import numpy as np


def alibi_bias(num_heads, seq_len):
    """ALiBi bias with the causal mask folded in -> (num_heads, seq_len, seq_len)."""
    slopes = 2.0 ** (-8.0 * np.arange(1, num_heads + 1) / num_heads)  # (n,)
    positions = np.arange(seq_len)
    distance = positions[:, None] - positions[None, :]  # i - j, (T, T)
    bias = -slopes[:, None, None] * distance[None, :, :]
    return np.where(distance[None, :, :] < 0, -np.inf, bias)
