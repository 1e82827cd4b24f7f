import numpy as np


def cross_entropy(logits: np.ndarray, targets: np.ndarray) -> float:
    """Mean cross-entropy, as F.cross_entropy. logits: (n, C), targets: (n,) int64 -> float."""
    # log sum exp(z) computed as m + log sum exp(z - m): no overflow, no log(0).
    m = logits.max(axis=1, keepdims=True)
    log_sum_exp = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
    picked = logits[np.arange(len(targets)), targets]
    return float(np.mean(log_sum_exp - picked))
