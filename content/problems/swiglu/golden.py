from inputs import randn, weight


def cases(torch, F):
    def case(name, x, w1, w3, w2):
        expected = F.linear(F.silu(F.linear(x, w1)) * F.linear(x, w3), w2)
        return {"name": name, "args": [x, w1, w3, w2], "expected": expected}

    def random(name, seed, t, d, f, scale=1.0):
        torch.manual_seed(seed)
        x = randn(t, d, scale=scale)
        w1, w3 = (weight(f, d) for _ in range(2))
        w2 = weight(d, f)
        return case(name, x, w1, w3, w2)

    one = torch.ones(1, 1, dtype=torch.float64)
    return [
        case("example: d = f = 1", one, one, one, one),
        random("T=3, d=4, f=6", 0, 3, 4, 6),
        random("T=2, d=5, f=3 (f < d)", 1, 2, 5, 3),
        random("a single token", 2, 1, 3, 4),
        random("large inputs, scale 30", 3, 3, 4, 6, 30.0),
    ]
