import numpy as np


def grpo_advantages(rewards: np.ndarray, eps: float) -> np.ndarray:
    """GRPO advantages: per group (row), (r - mean) / (std + eps) with the population std (unbiased=False).

    rewards: (B, G), B prompts x G completions. eps: added to the standard deviation.
    Returns advantages, (B, G).
    """
    raise NotImplementedError
