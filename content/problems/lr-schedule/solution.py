import numpy as np


def lr_schedule(steps, base_lr, min_lr, warmup_steps, total_steps):
    """Warmup + cosine schedule with a floor, evaluated at each step."""
    steps = steps.astype(np.float64)
    warmup = base_lr * steps / max(warmup_steps, 1)
    progress = np.clip((steps - warmup_steps) / (total_steps - warmup_steps), 0.0, 1.0)
    cosine = min_lr + (base_lr - min_lr) * 0.5 * (1.0 + np.cos(np.pi * progress))
    return np.where(steps < warmup_steps, warmup, np.where(steps >= total_steps, min_lr, cosine))
