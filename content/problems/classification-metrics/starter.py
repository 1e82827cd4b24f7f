import numpy as np


def classification_metrics(scores: np.ndarray, labels: np.ndarray, threshold: float):
    """Precision, recall and F1 at a threshold (positive iff score >= threshold; 0 for a zero denominator), and
    ROC-AUC over all positive-negative pairs with ties counted as half.

    scores: (n,). labels: (n,) int64, 1 positive, 0 negative. threshold: a float.
    Returns the tuple (precision, recall, f1, auc) of floats.
    """
    raise NotImplementedError
