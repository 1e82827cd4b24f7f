import numpy as np


def swiglu_ffn(x: np.ndarray, w1: np.ndarray, w3: np.ndarray, w2: np.ndarray) -> np.ndarray:
    """SwiGLU feed-forward (LLaMA): (silu(x @ w1.T) * (x @ w3.T)) @ w2.T, no biases, nn.Linear layout.

    x: (T, d). w1, w3: (f, d). w2: (d, f). Returns (T, d).
    """
    raise NotImplementedError
