def cases(torch, F):
    def case(name, seed, n, d, h, o):
        torch.manual_seed(seed)
        x = torch.randn(n, d, dtype=torch.float64)
        y = torch.randn(n, o, dtype=torch.float64)
        params = [torch.randn(h, d, dtype=torch.float64) / d ** 0.5, torch.randn(h, dtype=torch.float64) * 0.1,
                  torch.randn(o, h, dtype=torch.float64) / h ** 0.5, torch.randn(o, dtype=torch.float64) * 0.1]
        w1, b1, w2, b2 = (p.clone().requires_grad_(True) for p in params)
        F.mse_loss(F.linear(F.relu(F.linear(x, w1, b1)), w2, b2), y).backward()
        expected = {"dW1": w1.grad, "db1": b1.grad, "dW2": w2.grad, "db2": b2.grad}
        return {"name": name, "args": [x, y, *params], "expected": expected}

    return [
        case("N=4, D=3, H=5, O=2", 0, 4, 3, 5, 2),
        case("N=8, D=6, H=16, O=4", 1, 8, 6, 16, 4),
        case("a single example", 2, 1, 4, 3, 1),
        case("one output", 3, 6, 2, 8, 1),
        case("wide hidden layer", 4, 5, 3, 16, 3),
    ]
