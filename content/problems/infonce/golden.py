from inputs import randn, short


def cases(torch, F):
    def case(name, a, b, temperature):
        logits = F.normalize(a, dim=1) @ F.normalize(b, dim=1).T / temperature
        loss = F.cross_entropy(logits, torch.arange(a.shape[0]))
        return {"name": name, "args": [a, b, temperature], "expected": loss.item()}

    def random(name, seed, n, d, temperature, noise):
        torch.manual_seed(seed)
        a = randn(n, d)
        b = short(a + noise * torch.randn(n, d, dtype=torch.float64))
        return case(name, a, b, temperature)

    return [
        random("5 pairs, d = 6, tau 0.1", 0, 5, 6, 0.1, 0.5),
        random("4 pairs, tau 1", 1, 4, 4, 1.0, 1.0),
        random("tau 0.01: large logits", 2, 4, 4, 0.01, 0.3),
        random("unrelated pairs", 3, 4, 3, 0.5, 100.0),
        random("2 pairs", 4, 2, 3, 0.07, 0.2),
    ]
