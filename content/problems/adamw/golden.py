from inputs import rand, randn


def cases(torch, F):
    def case(name, seed, n, step, lr, beta1, beta2, eps, weight_decay, fresh=False):
        torch.manual_seed(seed)
        param = randn(n)
        grad = randn(n)
        m = torch.zeros(n, dtype=torch.float64) if fresh else randn(n, scale=0.1, decimals=4)
        v = torch.zeros(n, dtype=torch.float64) if fresh else rand(n, scale=0.01, decimals=5)
        p = param.clone().requires_grad_(True)
        p.grad = grad.clone()
        optimizer = torch.optim.AdamW([p], lr=lr, betas=(beta1, beta2), eps=eps, weight_decay=weight_decay)
        if not fresh:
            state = optimizer.state[p]
            state["step"] = torch.tensor(float(step - 1))
            state["exp_avg"] = m.clone()
            state["exp_avg_sq"] = v.clone()
        optimizer.step()
        state = optimizer.state[p]
        expected = {"param": p.detach().clone(), "m": state["exp_avg"].clone(), "v": state["exp_avg_sq"].clone()}
        args = [param, grad, m, v, step, lr, beta1, beta2, eps, weight_decay]
        return {"name": name, "args": args, "expected": expected}

    return [
        case("first step from zero moments", 0, 4, 1, 1e-3, 0.9, 0.999, 1e-8, 0.01, fresh=True),
        case("step 10", 1, 5, 10, 1e-2, 0.9, 0.999, 1e-8, 0.1),
        case("step 1000, no weight decay", 2, 4, 1000, 3e-4, 0.9, 0.95, 1e-8, 0.0),
        case("large lr and eps", 3, 4, 3, 0.5, 0.8, 0.9, 0.1, 0.5),
        case("a single parameter", 4, 1, 2, 1e-3, 0.9, 0.999, 1e-8, 0.01),
    ]
