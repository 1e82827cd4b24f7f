import numpy as np


def top_p_filter(logits: np.ndarray, p: float) -> np.ndarray:
    """Nucleus filtering. logits: (V,) -> probabilities (V,), renormalised over the kept tokens."""
    exps = np.exp(logits - logits.max())
    probs = exps / exps.sum()
    order = np.argsort(-probs, kind="stable")  # most probable first; ties keep the lower id first
    before = np.cumsum(probs[order]) - probs[order]  # mass strictly before each token in sorted order
    keep = order[before < p]
    kept = np.zeros_like(probs)
    kept[keep] = probs[keep]
    return kept / kept.sum()
