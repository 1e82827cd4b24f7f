import numpy as np


def mlp_backward(x, y, w1, b1, w2, b2):
    """Backward pass of a 2-layer ReLU MLP under F.mse_loss -> (dW1, db1, dW2, db2)."""
    z = x @ w1.T + b1
    h = np.maximum(z, 0.0)
    out = h @ w2.T + b2
    d_out = 2.0 * (out - y) / out.size  # mean over all N*O entries
    d_w2 = d_out.T @ h
    d_b2 = d_out.sum(axis=0)
    d_z = (d_out @ w2) * (z > 0)
    d_w1 = d_z.T @ x
    d_b1 = d_z.sum(axis=0)
    return d_w1, d_b1, d_w2, d_b2
