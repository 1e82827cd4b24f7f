import numpy as np


def moe_top2_gating(logits: np.ndarray):
    """Top-2 MoE gating with the Switch-style load-balancing loss.

    logits: router logits, shape (T, E).
    Returns the tuple (weights (T, 2) renormalised gate weights, indices (T, 2) int64 chosen experts, largest first,
    ties to the lower index, loss = E * sum_e f_e * P_e as a float).
    """
    raise NotImplementedError
