from inputs import randn


def cases(torch, F):
    # Reference: autograd on F.binary_cross_entropy_with_logits and torch.optim.SGD.
    def fit(X, y, lr, steps):
        w = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
        b = torch.zeros((), dtype=torch.float64, requires_grad=True)
        optimizer = torch.optim.SGD([w, b], lr=lr)
        for _ in range(steps):
            optimizer.zero_grad()
            F.binary_cross_entropy_with_logits(X @ w + b, y).backward()
            optimizer.step()
        return {"w": w.detach(), "b": b.item()}

    def case(name, X, y, lr, steps):
        return {"name": name, "args": [X, y, lr, steps], "expected": fit(X, y, lr, steps)}

    def random(name, seed, n, d, lr, steps, scale=1.0):
        torch.manual_seed(seed)
        X = randn(n, d, scale=scale)
        true_w = torch.randn(d, dtype=torch.float64)
        y = (X @ true_w + 0.3 * torch.randn(n, dtype=torch.float64) > 0).to(torch.float64)
        return case(name, X, y, lr, steps)

    f64 = torch.float64
    return [
        random("n=8, d=3, 50 steps", 0, 8, 3, 0.5, 50),
        random("n=10, d=4, 20 steps", 1, 10, 4, 0.1, 20),
        random("one step", 2, 5, 2, 1.0, 1),
        case("zero steps", torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=f64), torch.tensor([0.0, 1.0], dtype=f64), 0.1, 0),
        random("large features, 30 steps", 3, 8, 2, 0.05, 30, scale=20.0),
        case("one feature, separable", torch.tensor([[-2.0], [-1.0], [1.0], [2.0]], dtype=f64),
             torch.tensor([0.0, 0.0, 1.0, 1.0], dtype=f64), 1.0, 100),
    ]
