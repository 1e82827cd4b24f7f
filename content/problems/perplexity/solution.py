import numpy as np


def perplexity(log_probs, mask):
    """Perplexity over the masked-in tokens of the whole batch."""
    return float(np.exp(-log_probs[mask].sum() / mask.sum()))
