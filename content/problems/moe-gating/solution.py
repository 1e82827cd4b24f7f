import numpy as np


def moe_top2_gating(logits):
    """Top-2 gating. logits: (T, E) -> (weights (T, 2), indices (T, 2) int64, loss)."""
    num_tokens, num_experts = logits.shape
    exps = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs = exps / exps.sum(axis=1, keepdims=True)
    indices = np.argsort(-probs, axis=1, kind="stable")[:, :2]  # ties: the lower index first
    chosen = np.take_along_axis(probs, indices, axis=1)
    weights = chosen / chosen.sum(axis=1, keepdims=True)
    f = np.bincount(indices.ravel(), minlength=num_experts) / (2 * num_tokens)
    p = probs.mean(axis=0)
    return weights, indices.astype(np.int64), float(num_experts * np.sum(f * p))
