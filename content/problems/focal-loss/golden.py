from inputs import randn


def cases(torch, F):
    # torchvision.ops.sigmoid_focal_loss, written with torch ops (torchvision is not a dependency).
    def focal(logits, targets, alpha, gamma):
        p = torch.sigmoid(logits)
        ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
        p_t = p * targets + (1 - p) * (1 - targets)
        loss = ce * ((1 - p_t) ** gamma)
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        return (alpha_t * loss).mean().item()

    def case(name, logits, targets, alpha, gamma):
        return {"name": name, "args": [logits, targets, alpha, gamma], "expected": focal(logits, targets, alpha, gamma)}

    def random(name, seed, n, alpha, gamma, scale=2.0):
        torch.manual_seed(seed)
        logits = randn(n, scale=scale)
        targets = (torch.rand(n, dtype=torch.float64) < 0.3).to(torch.float64)
        return case(name, logits, targets, alpha, gamma)

    f64 = torch.float64
    return [
        random("10 examples, alpha 0.25, gamma 2", 0, 10, 0.25, 2.0),
        random("gamma 0, alpha 0.5: half the BCE", 1, 8, 0.5, 0.0),
        random("gamma 5", 2, 8, 0.75, 5.0),
        case("logits +-100", torch.tensor([100.0, -100.0, 100.0, -100.0], dtype=f64),
             torch.tensor([1.0, 0.0, 0.0, 1.0], dtype=f64), 0.25, 2.0),
        random("a single example", 3, 1, 0.25, 2.0),
    ]
