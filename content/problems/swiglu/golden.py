def cases(torch, F):
    def case(name, x, w1, w3, w2):
        expected = F.linear(F.silu(F.linear(x, w1)) * F.linear(x, w3), w2)
        return {"name": name, "args": [x, w1, w3, w2], "expected": expected}

    def random(name, seed, t, d, f, scale=1.0):
        torch.manual_seed(seed)
        x = torch.randn(t, d, dtype=torch.float64) * scale
        w1, w3 = (torch.randn(f, d, dtype=torch.float64) / d ** 0.5 for _ in range(2))
        w2 = torch.randn(d, f, dtype=torch.float64) / f ** 0.5
        return case(name, x, w1, w3, w2)

    one = torch.ones(1, 1, dtype=torch.float64)
    return [
        case("example: d = f = 1", one, one, one, one),
        random("T=4, d=8, f=16", 0, 4, 8, 16),
        random("T=8, d=16, f=12", 1, 8, 16, 12),
        random("a single token", 2, 1, 4, 8),
        random("large inputs, scale 30", 3, 3, 4, 6, 30.0),
    ]
