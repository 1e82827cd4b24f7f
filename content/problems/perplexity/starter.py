import numpy as np


def perplexity(log_probs: np.ndarray, mask: np.ndarray) -> float:
    """Perplexity of a batch: exp(-sum(mask * log_probs) / sum(mask)).

    log_probs: (B, T) natural log-probabilities of the actual tokens. mask: (B, T) bool, True for real tokens.
    Returns the perplexity, a float.
    """
    raise NotImplementedError
