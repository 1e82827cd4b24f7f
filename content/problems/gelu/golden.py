def cases(torch, F):
    def case(name, x, approximate):
        return {"name": name, "args": [x, approximate], "expected": F.gelu(x, approximate=approximate)}

    f64 = torch.float64
    torch.manual_seed(0)
    random = torch.randn(4, 8, dtype=f64) * 2
    wide = torch.linspace(-10.0, 10.0, 41, dtype=f64).reshape(1, 41)
    return [
        case("example, exact", torch.tensor([[1.0]], dtype=f64), "none"),
        case("example, tanh", torch.tensor([[1.0]], dtype=f64), "tanh"),
        case("random 4x8, exact", random, "none"),
        case("random 4x8, tanh", random, "tanh"),
        case("-10 to 10, exact", wide, "none"),
        case("-10 to 10, tanh", wide, "tanh"),
        case("near zero, exact", torch.tensor([[0.0, 1e-8, -1e-8, 0.5, -0.5]], dtype=f64), "none"),
    ]
