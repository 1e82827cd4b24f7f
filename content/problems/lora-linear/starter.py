import numpy as np


def lora_linear(x: np.ndarray, w: np.ndarray, a: np.ndarray, b: np.ndarray, alpha: float, r: int):
    """LoRA linear layer, no bias: y = x @ w.T + (alpha / r) * (x @ a.T) @ b.T, merged = w + (alpha / r) * b @ a.

    x: (N, in). w: (out, in). a: (r, in). b: (out, r).
    Returns the tuple (y (N, out), merged (out, in)).
    """
    raise NotImplementedError
