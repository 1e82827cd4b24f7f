from inputs import randn, weight


def cases(torch, F):
    def case(name, seed, n, d_in, d_out, r, alpha, zero_b=False):
        torch.manual_seed(seed)
        x = randn(n, d_in)
        w = weight(d_out, d_in)
        a = weight(r, d_in)
        b = torch.zeros(d_out, r, dtype=torch.float64) if zero_b else randn(d_out, r)
        scale = alpha / r
        y = F.linear(x, w) + scale * F.linear(F.linear(x, a), b)
        merged = w + scale * b @ a
        assert torch.allclose(F.linear(x, merged), y, atol=1e-12, rtol=1e-12)
        return {"name": name, "args": [x, w, a, b, alpha, r], "expected": {"y": y, "merged": merged}}

    return [
        case("rank 2, alpha 16", 0, 3, 5, 4, 2, 16.0),
        case("rank 1", 1, 2, 3, 3, 1, 1.0),
        case("B = 0 at initialisation: y = x W^T", 2, 2, 4, 3, 2, 8.0, zero_b=True),
        case("rank 4, alpha 8, wide", 3, 2, 8, 6, 4, 8.0),
        case("a single token", 4, 1, 4, 3, 2, 4.0),
    ]
