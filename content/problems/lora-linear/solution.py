import numpy as np


def lora_linear(x, w, a, b, alpha, r):
    """LoRA linear: the unmerged output and the merged weight -> (y, merged)."""
    scale = alpha / r
    y = x @ w.T + scale * (x @ a.T) @ b.T
    merged = w + scale * b @ a
    return y, merged
