import numpy as np


def lr_schedule(steps: np.ndarray, base_lr: float, min_lr: float, warmup_steps: int, total_steps: int) -> np.ndarray:
    """Linear warmup from 0, then cosine decay from base_lr to min_lr at total_steps, then min_lr.

    steps: (m,) int64 step numbers >= 0. 0 <= warmup_steps < total_steps.
    Returns the learning rate at each step, (m,) float64, same order.
    """
    raise NotImplementedError
