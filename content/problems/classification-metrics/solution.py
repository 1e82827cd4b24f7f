import numpy as np


def classification_metrics(scores, labels, threshold):
    """Thresholded precision/recall/F1 and pairwise ROC-AUC (ties half) -> (precision, recall, f1, auc)."""
    predicted = scores >= threshold
    positive = labels == 1
    tp = np.sum(predicted & positive)
    fp = np.sum(predicted & ~positive)
    fn = np.sum(~predicted & positive)
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    diff = scores[positive][:, None] - scores[~positive][None, :]  # every (positive, negative) pair
    auc = np.mean((diff > 0) + 0.5 * (diff == 0))
    return float(precision), float(recall), float(f1), float(auc)
