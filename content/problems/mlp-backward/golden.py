from inputs import randn, weight


def cases(torch, F):
    def case(name, seed, n, d, h, o):
        torch.manual_seed(seed)
        x = randn(n, d)
        y = randn(n, o)
        params = [weight(h, d), randn(h, scale=0.1), weight(o, h), randn(o, scale=0.1)]
        w1, b1, w2, b2 = (p.clone().requires_grad_(True) for p in params)
        hidden = F.linear(x, w1, b1)
        # ReLU's derivative at exactly 0 is a convention: no pre-activation may sit there.
        assert hidden.abs().min() > 1e-6, name
        F.mse_loss(F.linear(F.relu(hidden), w2, b2), y).backward()
        expected = {"dW1": w1.grad, "db1": b1.grad, "dW2": w2.grad, "db2": b2.grad}
        return {"name": name, "args": [x, y, *params], "expected": expected}

    return [
        case("N=4, D=3, H=5, O=2", 0, 4, 3, 5, 2),
        case("N=5, D=4, H=6, O=3", 1, 5, 4, 6, 3),
        case("a single example", 2, 1, 4, 3, 1),
        case("one output", 3, 4, 2, 5, 1),
        case("wide hidden layer", 4, 3, 2, 12, 2),
    ]
