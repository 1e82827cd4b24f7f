from inputs import randn


def cases(torch, F):
    def case(name, x, keep, p):
        expected = torch.zeros_like(x) if p >= 1 else x * keep / (1 - p)
        return {"name": name, "args": [x, keep, p], "expected": expected}

    def random(name, seed, n, d, p):
        torch.manual_seed(seed)
        x = randn(n, d)
        keep = torch.rand(n, d, dtype=torch.float64) >= p
        assert 0 < keep.sum() < keep.numel() or p == 0, name  # some kept, some dropped
        return case(name, x, keep, p)

    f64 = torch.float64
    return [
        case("example", torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=f64),
             torch.tensor([[True, False], [False, True]]), 0.5),
        random("3x4, p = 0.1", 5, 3, 4, 0.1),
        random("4x5, p = 0.5", 1, 4, 5, 0.5),
        random("p = 0 keeps everything", 2, 2, 3, 0.0),
        case("p = 1 drops everything", torch.ones(2, 3, dtype=f64), torch.zeros(2, 3, dtype=torch.bool), 1.0),
        random("p = 0.9", 3, 4, 4, 0.9),
    ]
