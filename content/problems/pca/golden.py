def cases(torch, F):
    def pca(X, k):
        centred = X - X.mean(dim=0)
        _, singular, vt = torch.linalg.svd(centred, full_matrices=False)
        components = vt[:k].clone()
        largest = components.abs().argmax(dim=1)
        signs = torch.sign(components[torch.arange(k), largest])
        components = components * signs[:, None]
        return {"components": components, "explainedVariance": singular[:k] ** 2 / (X.shape[0] - 1),
                "projection": centred @ components.T}

    def case(name, seed, n, d, k, scales):
        torch.manual_seed(seed)
        X = torch.randn(n, d, dtype=torch.float64) * torch.tensor(scales, dtype=torch.float64)
        mix = torch.linalg.qr(torch.randn(d, d, dtype=torch.float64))[0]
        X = X @ mix + torch.randn(d, dtype=torch.float64) * 3
        return {"name": name, "args": [X, k], "expected": pca(X, k)}

    return [
        case("10 points in 3-D, k = 2", 0, 10, 3, 2, [5.0, 2.0, 0.5]),
        case("k = 1", 1, 8, 4, 1, [4.0, 1.5, 1.0, 0.3]),
        case("all components, d = 3", 2, 12, 3, 3, [3.0, 2.0, 1.0]),
        case("20 points in 5-D, k = 3", 3, 20, 5, 3, [6.0, 4.0, 2.5, 1.0, 0.2]),
        case("more dimensions than points: n = 4, d = 6, k = 2", 4, 4, 6, 2, [5.0, 3.0, 1.5, 0.5, 0.2, 0.1]),
    ]
