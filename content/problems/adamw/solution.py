import numpy as np


def adamw_step(param, grad, m, v, step, lr, beta1, beta2, eps, weight_decay):
    """One torch.optim.AdamW step. Arrays of shape (n,) -> (param, m, v)."""
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad * grad
    m_hat = m / (1 - beta1 ** step)
    v_hat = v / (1 - beta2 ** step)
    decayed = param * (1 - lr * weight_decay)  # decoupled weight decay, on the old theta
    return decayed - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
