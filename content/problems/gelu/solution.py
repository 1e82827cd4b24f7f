import math

import numpy as np


def gelu(x, approximate):
    """GELU, exact ("none") or tanh-approximated. x: (n, d) -> (n, d)."""
    if approximate == "tanh":
        return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x ** 3)))
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))
