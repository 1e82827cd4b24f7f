import numpy as np


def label_smoothing_cross_entropy(logits: np.ndarray, targets: np.ndarray, smoothing: float) -> float:
    """Mean label-smoothed cross-entropy, as F.cross_entropy(logits, targets, label_smoothing=smoothing).

    logits: (n, C). targets: (n,) int64 class indices. smoothing: epsilon in [0, 1], spread over all C classes.
    Returns the mean loss, a float.
    """
    raise NotImplementedError
