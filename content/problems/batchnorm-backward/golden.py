from inputs import randn


def cases(torch, F):
    def case(name, seed, n, c, eps, scale=1.0):
        torch.manual_seed(seed)
        x = randn(n, c, scale=scale)
        gamma = randn(c)
        beta = randn(c)
        dy = randn(n, c)
        xr, gr, br = (t.clone().requires_grad_(True) for t in (x, gamma, beta))
        F.batch_norm(xr, None, None, gr, br, training=True, eps=eps).backward(dy)
        return {"name": name, "args": [x, gamma, dy, eps], "expected": {"dx": xr.grad, "dgamma": gr.grad, "dbeta": br.grad}}

    return [
        case("N=4, C=3", 0, 4, 3, 1e-5),
        case("N=2", 1, 2, 3, 1e-5),
        case("one feature", 2, 4, 1, 1e-5),
        case("large eps", 3, 4, 2, 0.5),
        case("N=6, C=2, scale 10", 4, 6, 2, 1e-5, 10.0),
    ]
