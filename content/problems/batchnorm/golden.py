def cases(torch, F):
    def case(name, seed, n, c, momentum, eps, scale=1.0):
        torch.manual_seed(seed)
        x = torch.randn(n, c, dtype=torch.float64) * scale + 1.5
        gamma = torch.randn(c, dtype=torch.float64)
        beta = torch.randn(c, dtype=torch.float64)
        running_mean = torch.randn(c, dtype=torch.float64) * 0.1
        running_var = torch.rand(c, dtype=torch.float64) + 0.5
        bn = torch.nn.BatchNorm1d(c, eps=eps, momentum=momentum, dtype=torch.float64)
        with torch.no_grad():
            bn.weight.copy_(gamma)
            bn.bias.copy_(beta)
            bn.running_mean.copy_(running_mean)
            bn.running_var.copy_(running_var)
            bn.train()
            y = bn(x)
        expected = {"y": y, "runningMean": bn.running_mean.clone(), "runningVar": bn.running_var.clone()}
        return {"name": name, "args": [x, gamma, beta, running_mean, running_var, momentum, eps], "expected": expected}

    return [
        case("N=8, C=4, momentum 0.1", 0, 8, 4, 0.1, 1e-5),
        case("N=2, the smallest batch", 1, 2, 3, 0.1, 1e-5),
        case("momentum 1 replaces the running stats", 2, 5, 2, 1.0, 1e-5),
        case("momentum 0 keeps them", 3, 4, 3, 0.0, 1e-5),
        case("large eps, scale 10", 4, 6, 5, 0.3, 0.5, 10.0),
        case("one feature", 5, 7, 1, 0.1, 1e-5),
    ]
