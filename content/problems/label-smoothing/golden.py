from inputs import randn


def cases(torch, F):
    def case(name, logits, targets, smoothing):
        expected = F.cross_entropy(logits, targets, label_smoothing=smoothing).item()
        return {"name": name, "args": [logits, targets, smoothing], "expected": expected}

    def random(name, seed, n, c, smoothing, scale=1.0):
        torch.manual_seed(seed)
        logits = randn(n, c, scale=scale)
        return case(name, logits, torch.randint(0, c, (n,)), smoothing)

    f64 = torch.float64
    return [
        random("4x5, eps 0.1", 0, 4, 5, 0.1),
        random("eps 0 is plain cross-entropy", 1, 4, 3, 0.0),
        random("5x8, eps 0.3, scale 4", 2, 5, 8, 0.3, 4.0),
        case("logits +-1000", torch.tensor([[1000.0, -1000.0, 0.0], [0.0, 1000.0, -1000.0]], dtype=f64),
             torch.tensor([0, 2]), 0.1),
        random("eps 1: uniform target", 3, 3, 4, 1.0),
        random("a single row", 4, 1, 6, 0.2),
    ]
