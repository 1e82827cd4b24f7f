import numpy as np


def grpo_advantages(rewards, eps):
    """Group-normalised advantages, population std. rewards: (B, G) -> (B, G)."""
    mean = rewards.mean(axis=1, keepdims=True)
    std = rewards.std(axis=1, keepdims=True)  # ddof=0: unbiased=False
    return (rewards - mean) / (std + eps)
