import numpy as np


def dpo_loss(policy_chosen: np.ndarray, policy_rejected: np.ndarray, ref_chosen: np.ndarray,
             ref_rejected: np.ndarray, beta: float) -> float:
    """Mean DPO loss from per-example sequence log-probabilities (each array has shape (n,)).

    policy_chosen = log pi_theta(chosen | prompt), policy_rejected, ref_chosen, ref_rejected likewise; beta > 0.
    Returns the mean over the pairs of -log sigmoid(beta * [(pc - rc) - (pr - rr)]), a finite float.
    """
    raise NotImplementedError
