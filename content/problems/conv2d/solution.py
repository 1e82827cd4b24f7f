import numpy as np


def conv2d(x, w, b, stride, padding):
    """F.conv2d for one image. x: (C, H, W), w: (O, C, kh, kw), b: (O,) -> (O, H_out, W_out)."""
    _, height, width = x.shape
    out_channels, _, kh, kw = w.shape
    padded = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    h_out = (height + 2 * padding - kh) // stride + 1
    w_out = (width + 2 * padding - kw) // stride + 1
    y = np.empty((out_channels, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            window = padded[:, i * stride:i * stride + kh, j * stride:j * stride + kw]  # (C, kh, kw)
            y[:, i, j] = np.tensordot(w, window, axes=([1, 2, 3], [0, 1, 2])) + b
    return y
