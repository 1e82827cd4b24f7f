from inputs import rand, randn


def cases(torch, F):
    def case(name, seed, n, c, momentum, eps, scale=1.0):
        torch.manual_seed(seed)
        x = randn(n, c, scale=scale, offset=1.5)
        gamma = randn(c)
        beta = randn(c)
        running_mean = randn(c, scale=0.1)
        running_var = rand(c, offset=0.5)
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
        case("N=4, C=3, momentum 0.1", 0, 4, 3, 0.1, 1e-5),
        case("N=2, the smallest batch", 1, 2, 3, 0.1, 1e-5),
        case("momentum 1 replaces the running stats", 2, 4, 2, 1.0, 1e-5),
        case("momentum 0 keeps them", 3, 3, 2, 0.0, 1e-5),
        case("large eps, scale 10", 4, 4, 3, 0.3, 0.5, 10.0),
        case("one feature", 5, 4, 1, 0.1, 1e-5),
    ]
