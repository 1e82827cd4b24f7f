import numpy as np


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta):
    """Mean DPO loss. Four arrays of shape (n,) and beta -> float."""
    z = beta * ((policy_chosen - ref_chosen) - (policy_rejected - ref_rejected))
    # -log sigmoid(z) = log(1 + exp(-z)) = logaddexp(0, -z): stable for any z.
    return float(np.mean(np.logaddexp(0.0, -z)))
