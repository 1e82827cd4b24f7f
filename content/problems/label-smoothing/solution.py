import numpy as np


def label_smoothing_cross_entropy(logits, targets, smoothing):
    """Label-smoothed cross-entropy (PyTorch's convention: eps / C on every class) -> float."""
    m = logits.max(axis=1, keepdims=True)
    log_probs = logits - m - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
    nll = -log_probs[np.arange(len(targets)), targets]
    smooth = -log_probs.mean(axis=1)
    return float(np.mean((1 - smoothing) * nll + smoothing * smooth))
