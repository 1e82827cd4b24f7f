from inputs import randn


def cases(torch, F):
    def case(name, x, gamma, beta, eps):
        return {"name": name, "args": [x, gamma, beta, eps], "expected": F.layer_norm(x, (x.shape[-1],), gamma, beta, eps)}

    def random(name, seed, n, d, eps, scale=1.0, offset=0.0):
        torch.manual_seed(seed)
        x = randn(n, d, scale=scale, offset=offset)
        return case(name, x, randn(d), randn(d), eps)

    f64 = torch.float64
    return [
        case("example", torch.tensor([[1.0, 2.0, 3.0]], dtype=f64), torch.ones(3, dtype=f64), torch.zeros(3, dtype=f64), 0.0),
        random("3x4", 0, 3, 4, 1e-5),
        random("large offset 1000", 1, 2, 5, 1e-5, 1.0, 1000.0),
        case("a constant row gives beta", torch.full((2, 4), 7.0, dtype=f64), torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=f64),
             torch.tensor([0.5, -0.5, 0.25, 0.0], dtype=f64), 1e-5),
        random("4x6, large eps", 2, 4, 6, 0.1),
        random("a single row", 3, 1, 5, 1e-6, 3.0),
    ]
