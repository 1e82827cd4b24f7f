import numpy as np


def rope(x: np.ndarray, base: float) -> np.ndarray:
    """Rotary position embedding, rotate-half layout (Hugging Face LLaMA).

    x: one vector per position, shape (T, d), d even; row p is position p (0-based).
    base: theta_i = base ** (-2i/d), usually 10000.
    Returns the rotated vectors, shape (T, d).
    """
    raise NotImplementedError
