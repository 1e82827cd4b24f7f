import numpy as np


def grouped_query_attention(x: np.ndarray, wq: np.ndarray, wk: np.ndarray, wv: np.ndarray, wo: np.ndarray,
                            num_heads: int, num_kv_heads: int, causal: bool) -> np.ndarray:
    """Grouped-query attention, one layer, no biases. Weights are nn.Linear's (out, in): y = x @ W.T.

    x: (T, d). wq: (num_heads*h, d), head size h = wq.shape[0] // num_heads.
    wk, wv: (num_kv_heads*h, d). wo: (d, num_heads*h).
    Query head q uses KV head q // (num_heads // num_kv_heads).
    causal: when True, position i attends to positions <= i only.
    Returns the output, shape (T, d).
    """
    raise NotImplementedError
