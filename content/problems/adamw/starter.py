import numpy as np


def adamw_step(param: np.ndarray, grad: np.ndarray, m: np.ndarray, v: np.ndarray, step: int, lr: float,
               beta1: float, beta2: float, eps: float, weight_decay: float):
    """One step of torch.optim.AdamW on a parameter vector.

    param, grad, m, v: shape (n,); m and v are the moments from the previous step.
    step: t of this update, counted from 1.
    Returns the tuple (param, m, v) of new arrays, each of shape (n,); the inputs are left unchanged.
    """
    raise NotImplementedError
