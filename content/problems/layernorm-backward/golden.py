from inputs import randn


def cases(torch, F):
    def case(name, seed, n, d, eps, scale=1.0):
        torch.manual_seed(seed)
        x = randn(n, d, scale=scale)
        gamma = randn(d)
        beta = randn(d)
        dy = randn(n, d)
        layer = torch.nn.LayerNorm(d, eps=eps, dtype=torch.float64)
        with torch.no_grad():
            layer.weight.copy_(gamma)
            layer.bias.copy_(beta)
        xr = x.clone().requires_grad_(True)
        layer(xr).backward(dy)
        expected = {"dx": xr.grad, "dgamma": layer.weight.grad, "dbeta": layer.bias.grad}
        return {"name": name, "args": [x, gamma, dy, eps], "expected": expected}

    return [
        case("3x4", 0, 3, 4, 1e-5),
        case("2x3", 1, 2, 3, 1e-5),
        case("a single row", 2, 1, 5, 1e-5),
        case("large eps", 3, 3, 4, 0.5),
        case("4x6, scale 10", 4, 4, 6, 1e-5, 10.0),
    ]
