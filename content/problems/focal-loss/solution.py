import numpy as np


def focal_loss(logits, targets, alpha, gamma):
    """Mean binary focal loss (torchvision's sigmoid_focal_loss, reduction "mean")."""
    ce = np.maximum(logits, 0) - logits * targets + np.log1p(np.exp(-np.abs(logits)))  # -log p_t, stable
    p_t = np.exp(-ce)
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return float(np.mean(alpha_t * (1 - p_t) ** gamma * ce))
