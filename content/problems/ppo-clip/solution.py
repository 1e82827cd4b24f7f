import numpy as np


def ppo_clip_objective(log_probs, old_log_probs, advantages, clip_eps):
    """PPO-clip objective, mean over tokens."""
    ratio = np.exp(log_probs - old_log_probs)
    clipped = np.clip(ratio, 1 - clip_eps, 1 + clip_eps)
    return float(np.mean(np.minimum(ratio * advantages, clipped * advantages)))
