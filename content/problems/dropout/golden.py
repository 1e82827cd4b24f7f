def cases(torch, F):
    def case(name, x, keep, p):
        expected = torch.zeros_like(x) if p >= 1 else x * keep / (1 - p)
        return {"name": name, "args": [x, keep, p], "expected": expected}

    def random(name, seed, n, d, p):
        torch.manual_seed(seed)
        x = torch.randn(n, d, dtype=torch.float64)
        keep = torch.rand(n, d, dtype=torch.float64) >= p
        return case(name, x, keep, p)

    f64 = torch.float64
    return [
        case("example", torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=f64),
             torch.tensor([[True, False], [False, True]]), 0.5),
        random("4x8, p = 0.1", 0, 4, 8, 0.1),
        random("8x16, p = 0.5", 1, 8, 16, 0.5),
        random("p = 0 keeps everything", 2, 3, 4, 0.0),
        case("p = 1 drops everything", torch.ones(2, 3, dtype=f64), torch.zeros(2, 3, dtype=torch.bool), 1.0),
        random("p = 0.9", 3, 5, 5, 0.9),
    ]
