from inputs import randn


def cases(torch, F):
    def case(name, rewards, eps):
        mean = rewards.mean(dim=1, keepdim=True)
        std = rewards.std(dim=1, unbiased=False, keepdim=True)
        return {"name": name, "args": [rewards, eps], "expected": (rewards - mean) / (std + eps)}

    f64 = torch.float64
    torch.manual_seed(0)
    binary = (torch.rand(4, 8, dtype=f64) > 0.5).to(f64)
    torch.manual_seed(1)
    continuous = randn(3, 5, scale=2.0, offset=1.0)
    return [
        case("example", torch.tensor([[1.0, 0.0, 0.0, 1.0]], dtype=f64), 0.0),
        case("binary rewards, 4 groups of 8", binary, 1e-4),
        case("continuous rewards", continuous, 1e-6),
        case("a constant group gives zeros", torch.tensor([[1.0, 1.0, 1.0], [0.0, 0.5, 1.0]], dtype=f64), 1e-4),
        case("groups of 2", torch.tensor([[3.0, 1.0], [-1.0, 2.0], [0.0, 0.0]], dtype=f64), 1e-8),
    ]
