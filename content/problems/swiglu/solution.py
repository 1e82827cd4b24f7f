import numpy as np


def swiglu_ffn(x, w1, w3, w2):
    """SwiGLU FFN. x: (T, d), w1, w3: (f, d), w2: (d, f) -> (T, d)."""
    a = x @ w1.T
    silu = a / (1.0 + np.exp(-a))
    return (silu * (x @ w3.T)) @ w2.T
