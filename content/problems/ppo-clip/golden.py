from inputs import rand, randn, short, written


def cases(torch, F):
    def case(name, log_probs, old_log_probs, advantages, clip_eps):
        ratio = torch.exp(log_probs - old_log_probs)
        objective = torch.min(ratio * advantages, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages).mean()
        # No ratio on a clip boundary, where rounding would decide which side it falls.
        assert ((ratio - (1 - clip_eps)).abs().min() > 1e-6 and (ratio - (1 + clip_eps)).abs().min() > 1e-6), name
        return {"name": name, "args": [log_probs, old_log_probs, advantages, clip_eps], "expected": objective.item()}

    def random(name, seed, n, clip_eps, spread):
        torch.manual_seed(seed)
        old = rand(n, scale=-3.0)
        new = short(old + torch.randn(n, dtype=torch.float64) * spread)
        return case(name, new, old, randn(n), clip_eps)

    f64 = torch.float64
    log15 = written(torch.log(torch.tensor([1.5], dtype=f64)))
    zero = torch.zeros(1, dtype=f64)
    return [
        case("example, positive advantage: clipped", log15, zero, torch.ones(1, dtype=f64), 0.2),
        case("example, negative advantage: unclipped", log15, zero, -torch.ones(1, dtype=f64), 0.2),
        random("8 tokens, small steps", 0, 8, 0.2, 0.1),
        random("6 tokens, large steps", 1, 6, 0.2, 1.0),
        random("wide clip 0.5", 2, 6, 0.5, 0.5),
        case("on-policy: ratio 1 gives the mean advantage", torch.tensor([-1.0, -2.0, -0.5], dtype=f64),
             torch.tensor([-1.0, -2.0, -0.5], dtype=f64), torch.tensor([0.5, -1.0, 2.0], dtype=f64), 0.2),
    ]
