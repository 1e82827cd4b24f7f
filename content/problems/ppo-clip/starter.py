import numpy as np


def ppo_clip_objective(log_probs: np.ndarray, old_log_probs: np.ndarray, advantages: np.ndarray,
                       clip_eps: float) -> float:
    """PPO's clipped surrogate objective (to maximise), mean over tokens.

    log_probs, old_log_probs, advantages: (n,). clip_eps: epsilon.
    Returns mean_t min(r_t * A_t, clip(r_t, 1 - eps, 1 + eps) * A_t), r_t = exp(log_probs - old_log_probs).
    """
    raise NotImplementedError
