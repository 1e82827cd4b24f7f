from inputs import written


def cases(torch, F):
    def beam(log_probs, k):
        beams = [((), torch.zeros((), dtype=torch.float64))]
        for t in range(log_probs.shape[0]):
            candidates = [(tokens + (v,), score + log_probs[t, v]) for tokens, score in beams
                          for v in range(log_probs.shape[1])]
            candidates.sort(key=lambda c: (-c[1].item(), c[0]))
            beams = candidates[:k]
        return {"sequences": torch.tensor([list(t) for t, _ in beams], dtype=torch.int64),
                "scores": torch.stack([s for _, s in beams])}

    def case(name, log_probs, k):
        return {"name": name, "args": [log_probs, k], "expected": beam(log_probs, k)}

    def random(name, seed, steps, vocab, k):
        torch.manual_seed(seed)
        # Log-probabilities at 12 digits: short decimals would make exact ties between different sums likely.
        return case(name, written(F.log_softmax(torch.randn(steps, vocab, dtype=torch.float64) * 2, dim=-1)), k)

    f64 = torch.float64
    return [
        case("example", written(torch.log(torch.tensor([[0.6, 0.4], [0.3, 0.7]], dtype=f64))), 2),
        random("T=4, V=5, k=3", 0, 4, 5, 3),
        random("k=1 is greedy", 1, 4, 4, 1),
        random("T=3, V=4, k=4", 2, 3, 4, 4),
        case("ties: the smaller sequence first", written(torch.log(torch.full((3, 3), 1.0 / 3.0, dtype=f64))), 3),
        random("a single step", 3, 1, 6, 4),
    ]
