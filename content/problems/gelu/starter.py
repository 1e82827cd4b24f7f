import numpy as np


def gelu(x: np.ndarray, approximate: str) -> np.ndarray:
    """GELU, as F.gelu(x, approximate=...): "none" is x * Phi(x) with the normal CDF, "tanh" the tanh approximation.

    x: (n, d). approximate: "none" or "tanh". Returns (n, d).
    """
    raise NotImplementedError
