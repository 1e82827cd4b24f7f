import numpy as np


def scaled_dot_product_attention(q, k, v, causal):
    """Scaled dot-product attention. q: (L, d), k: (S, d), v: (S, dv) -> (output (L, dv), weights (L, S))."""
    scores = q @ k.T / np.sqrt(q.shape[1])
    if causal:
        future = np.triu(np.ones(scores.shape, dtype=bool), k=1)  # j > i, top-left aligned
        scores = np.where(future, -np.inf, scores)
    scores = scores - scores.max(axis=1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=1, keepdims=True)
    return weights @ v, weights
