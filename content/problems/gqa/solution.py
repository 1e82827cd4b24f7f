import numpy as np


def grouped_query_attention(x, wq, wk, wv, wo, num_heads, num_kv_heads, causal):
    """Grouped-query attention, no biases, nn.Linear layout (y = x @ W.T). x: (T, d) -> (T, d)."""
    seq_len = x.shape[0]
    h = wq.shape[0] // num_heads
    group = num_heads // num_kv_heads
    q = (x @ wq.T).reshape(seq_len, num_heads, h).transpose(1, 0, 2)  # (H, T, h)
    k = (x @ wk.T).reshape(seq_len, num_kv_heads, h).transpose(1, 0, 2)  # (Hkv, T, h)
    v = (x @ wv.T).reshape(seq_len, num_kv_heads, h).transpose(1, 0, 2)
    k = np.repeat(k, group, axis=0)  # query head q uses KV head q // group
    v = np.repeat(v, group, axis=0)
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(h)  # (H, T, T)
    if causal:
        future = np.triu(np.ones((seq_len, seq_len), dtype=bool), k=1)
        scores = np.where(future, -np.inf, scores)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    heads = weights @ v  # (H, T, h)
    concat = heads.transpose(1, 0, 2).reshape(seq_len, num_heads * h)
    return concat @ wo.T
