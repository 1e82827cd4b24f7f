from inputs import randn


def cases(torch, F):
    def case(name, x, approximate):
        return {"name": name, "args": [x, approximate], "expected": F.gelu(x, approximate=approximate)}

    f64 = torch.float64
    torch.manual_seed(0)
    random = randn(3, 4, scale=2.0)
    wide = (torch.arange(-20, 21, dtype=f64) / 2).reshape(1, 41)  # -10, -9.5, ..., 10: exact halves
    return [
        case("example, exact", torch.tensor([[1.0]], dtype=f64), "none"),
        case("example, tanh", torch.tensor([[1.0]], dtype=f64), "tanh"),
        case("random 3x4, exact", random, "none"),
        case("random 3x4, tanh", random, "tanh"),
        case("-10 to 10, exact", wide, "none"),
        case("-10 to 10, tanh", wide, "tanh"),
        case("near zero, exact", torch.tensor([[0.0, 1e-8, -1e-8, 0.5, -0.5]], dtype=f64), "none"),
    ]
