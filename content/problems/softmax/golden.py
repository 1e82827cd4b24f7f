from inputs import randn


def cases(torch, F):
    def case(name, x):
        return {"name": name, "args": [x], "expected": F.softmax(x, dim=-1)}

    torch.manual_seed(0)
    random = randn(3, 4)
    torch.manual_seed(1)
    wide = randn(2, 10, scale=5.0)
    return [
        case("small example", torch.tensor([[1.0, 2.0, 3.0]], dtype=torch.float64)),
        case("random 3x4", random),
        case("logits +-1000", torch.tensor([[1000.0, 0.0, -1000.0], [1000.0, 1000.0, 999.0]], dtype=torch.float64)),
        case("all very negative", torch.tensor([[-1000.0, -1001.0, -1002.0, -1000.0]], dtype=torch.float64)),
        case("ties give a uniform row", torch.full((2, 5), 3.5, dtype=torch.float64)),
        case("single column", torch.tensor([[4.0], [-2.0]], dtype=torch.float64)),
        case("wide rows, scale 5", wide),
    ]
