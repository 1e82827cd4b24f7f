def cases(torch, F):
    def quantize(x):
        abs_max = x.abs().amax(dim=1)
        scales = torch.where(abs_max > 0, abs_max / 127.0, torch.ones_like(abs_max))
        q = torch.clamp(torch.round(x / scales[:, None]), -127, 127)  # torch.round: half to even
        return {"q": q.to(torch.int64), "scales": scales, "dequantized": q * scales[:, None]}

    def case(name, x):
        return {"name": name, "args": [x], "expected": quantize(x)}

    f64 = torch.float64
    torch.manual_seed(0)
    random = torch.randn(4, 8, dtype=f64)
    torch.manual_seed(1)
    outlier = torch.randn(3, 16, dtype=f64)
    outlier[1, 5] = 60.0
    return [
        case("example: halves round to even", torch.tensor([[127.0, 0.5, -2.5, 1.5, -0.5]], dtype=f64)),
        case("random 4x8", random),
        case("an outlier only affects its row", outlier),
        case("a row of zeros has scale 1", torch.tensor([[0.0, 0.0, 0.0], [1.0, -3.0, 2.0]], dtype=f64)),
        case("tiny values", torch.tensor([[1e-8, -3e-8, 2e-9]], dtype=f64)),
    ]
