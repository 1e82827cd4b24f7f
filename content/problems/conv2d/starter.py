import numpy as np


def conv2d(x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int, padding: int) -> np.ndarray:
    """2-D convolution of one image, as F.conv2d (cross-correlation, zero padding).

    x: image, shape (C, H, W). w: kernels, shape (O, C, kh, kw). b: bias, shape (O,).
    stride: step on both spatial axes. padding: zeros added on every side.
    Returns y, shape (O, H_out, W_out) with H_out = (H + 2*padding - kh) // stride + 1.
    """
    raise NotImplementedError
