def cases(torch, F):
    def case(name, seed, n, d_in, d_out, r, alpha, zero_b=False):
        torch.manual_seed(seed)
        x = torch.randn(n, d_in, dtype=torch.float64)
        w = torch.randn(d_out, d_in, dtype=torch.float64) / d_in ** 0.5
        a = torch.randn(r, d_in, dtype=torch.float64) / d_in ** 0.5
        b = torch.zeros(d_out, r, dtype=torch.float64) if zero_b else torch.randn(d_out, r, dtype=torch.float64)
        scale = alpha / r
        y = F.linear(x, w) + scale * F.linear(F.linear(x, a), b)
        merged = w + scale * b @ a
        assert torch.allclose(F.linear(x, merged), y, atol=1e-12, rtol=1e-12)
        return {"name": name, "args": [x, w, a, b, alpha, r], "expected": {"y": y, "merged": merged}}

    return [
        case("rank 2, alpha 16", 0, 4, 8, 6, 2, 16.0),
        case("rank 1", 1, 3, 5, 5, 1, 1.0),
        case("B = 0 at initialisation: y = x W^T", 2, 2, 4, 3, 2, 8.0, zero_b=True),
        case("rank 4, alpha 8, wide", 3, 5, 16, 12, 4, 8.0),
        case("a single token", 4, 1, 6, 4, 2, 4.0),
    ]
