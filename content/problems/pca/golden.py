from inputs import randn, short


def cases(torch, F):
    def pca(X, k):
        centred = X - X.mean(dim=0)
        _, singular, vt = torch.linalg.svd(centred, full_matrices=False)
        # Well-separated singular values (so every correct method, power iteration too, finds the same directions)
        # and one clearly largest |entry| per component (so the sign convention is not a coin toss).
        kept = singular[: k + 1]
        assert (kept[1:] < 0.9 * kept[:-1]).all(), singular
        components = vt[:k].clone()
        top2 = components.abs().topk(min(2, X.shape[1]), dim=1).values
        assert X.shape[1] < 2 or (top2[:, 0] - top2[:, 1] > 1e-6).all(), components
        largest = components.abs().argmax(dim=1)
        signs = torch.sign(components[torch.arange(k), largest])
        components = components * signs[:, None]
        return {"components": components, "explainedVariance": singular[:k] ** 2 / (X.shape[0] - 1),
                "projection": centred @ components.T}

    def case(name, seed, n, d, k, scales):
        torch.manual_seed(seed)
        X = torch.randn(n, d, dtype=torch.float64) * torch.tensor(scales, dtype=torch.float64)
        mix = torch.linalg.qr(torch.randn(d, d, dtype=torch.float64))[0]
        X = short(X @ mix + torch.randn(d, dtype=torch.float64) * 3)
        return {"name": name, "args": [X, k], "expected": pca(X, k)}

    return [
        case("8 points in 3-D, k = 2", 0, 8, 3, 2, [5.0, 2.0, 0.5]),
        case("k = 1", 1, 6, 4, 1, [4.0, 1.5, 1.0, 0.3]),
        case("all components, d = 3", 2, 6, 3, 3, [3.0, 2.0, 1.0]),
        case("10 points in 5-D, k = 3", 3, 10, 5, 3, [6.0, 4.0, 2.5, 1.0, 0.2]),
        case("more dimensions than points: n = 4, d = 6, k = 2", 4, 4, 6, 2, [5.0, 3.0, 1.5, 0.5, 0.2, 0.1]),
    ]
