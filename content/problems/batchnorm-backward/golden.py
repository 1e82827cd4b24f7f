def cases(torch, F):
    def case(name, seed, n, c, eps, scale=1.0):
        torch.manual_seed(seed)
        x = torch.randn(n, c, dtype=torch.float64) * scale
        gamma = torch.randn(c, dtype=torch.float64)
        beta = torch.randn(c, dtype=torch.float64)
        dy = torch.randn(n, c, dtype=torch.float64)
        xr, gr, br = (t.clone().requires_grad_(True) for t in (x, gamma, beta))
        F.batch_norm(xr, None, None, gr, br, training=True, eps=eps).backward(dy)
        return {"name": name, "args": [x, gamma, dy, eps], "expected": {"dx": xr.grad, "dgamma": gr.grad, "dbeta": br.grad}}

    return [
        case("N=8, C=4", 0, 8, 4, 1e-5),
        case("N=2", 1, 2, 3, 1e-5),
        case("one feature", 2, 6, 1, 1e-5),
        case("large eps", 3, 5, 3, 0.5),
        case("N=16, C=6, scale 10", 4, 16, 6, 1e-5, 10.0),
    ]
