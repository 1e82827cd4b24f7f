def cases(torch, F):
    def case(name, seed, n, d, eps, scale=1.0):
        torch.manual_seed(seed)
        x = torch.randn(n, d, dtype=torch.float64) * scale
        gamma = torch.randn(d, dtype=torch.float64)
        beta = torch.randn(d, dtype=torch.float64)
        dy = torch.randn(n, d, dtype=torch.float64)
        layer = torch.nn.LayerNorm(d, eps=eps, dtype=torch.float64)
        with torch.no_grad():
            layer.weight.copy_(gamma)
            layer.bias.copy_(beta)
        xr = x.clone().requires_grad_(True)
        layer(xr).backward(dy)
        expected = {"dx": xr.grad, "dgamma": layer.weight.grad, "dbeta": layer.bias.grad}
        return {"name": name, "args": [x, gamma, dy, eps], "expected": expected}

    return [
        case("4x8", 0, 4, 8, 1e-5),
        case("2x3", 1, 2, 3, 1e-5),
        case("a single row", 2, 1, 6, 1e-5),
        case("large eps", 3, 3, 5, 0.5),
        case("8x16, scale 10", 4, 8, 16, 1e-5, 10.0),
    ]
