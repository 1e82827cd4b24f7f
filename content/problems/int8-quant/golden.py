from inputs import randn


def cases(torch, F):
    def quantize(x):
        abs_max = x.abs().amax(dim=1)
        scales = torch.where(abs_max > 0, abs_max / 127.0, torch.ones_like(abs_max))
        ratio = x / scales[:, None]
        q = torch.clamp(torch.round(ratio), -127, 127)  # torch.round: half to even
        return {"q": q.to(torch.int64), "scales": scales, "dequantized": q * scales[:, None]}, ratio

    def case(name, x, halves=False):
        expected, ratio = quantize(x)
        # Random rows must not land near a half, where x / scale and x * 127 / absmax could round differently.
        assert halves or ((ratio - ratio.floor() - 0.5).abs() > 1e-6).all(), name
        return {"name": name, "args": [x], "expected": expected}

    f64 = torch.float64
    torch.manual_seed(0)
    random = randn(3, 5)
    torch.manual_seed(1)
    outlier = randn(3, 6)
    outlier[1, 2] = 60.0
    return [
        case("example: halves round to even", torch.tensor([[127.0, 0.5, -2.5, 1.5, -0.5]], dtype=f64), halves=True),
        case("random 3x5", random),
        case("an outlier only affects its row", outlier),
        case("a row of zeros has scale 1", torch.tensor([[0.0, 0.0, 0.0], [1.0, -3.0, 2.0]], dtype=f64)),
        case("tiny values", torch.tensor([[1e-8, -3e-8, 2e-9]], dtype=f64)),
    ]
