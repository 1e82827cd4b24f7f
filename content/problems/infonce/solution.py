import numpy as np


def info_nce(a, b, temperature):
    """InfoNCE over L2-normalised pairs, one direction (a -> b)."""
    a_n = a / np.linalg.norm(a, axis=1, keepdims=True)
    b_n = b / np.linalg.norm(b, axis=1, keepdims=True)
    logits = a_n @ b_n.T / temperature  # (N, N)
    m = logits.max(axis=1, keepdims=True)
    log_sum_exp = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
    return float(np.mean(log_sum_exp - np.diag(logits)))
