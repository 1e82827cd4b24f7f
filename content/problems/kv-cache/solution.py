import numpy as np


def decode_with_kv_cache(x, wq, wk, wv, wo, num_heads):
    """MHA decoded token by token with a KV cache. x: (T, d), weights (d, d) -> (T, d)."""
    d = wq.shape[0]
    h = d // num_heads
    keys, values, outputs = [], [], []
    for token in x:
        q = (token @ wq.T).reshape(num_heads, h)
        keys.append((token @ wk.T).reshape(num_heads, h))  # append first: the token attends to itself
        values.append((token @ wv.T).reshape(num_heads, h))
        k = np.stack(keys, axis=1)  # (H, t+1, h)
        v = np.stack(values, axis=1)
        scores = np.einsum("hc,htc->ht", q, k) / np.sqrt(h)  # (H, t+1)
        weights = np.exp(scores - scores.max(axis=1, keepdims=True))
        weights /= weights.sum(axis=1, keepdims=True)
        heads = np.einsum("ht,htc->hc", weights, v)  # (H, h)
        outputs.append(heads.reshape(d) @ wo.T)
    return np.stack(outputs)
