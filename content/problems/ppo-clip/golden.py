def cases(torch, F):
    def case(name, log_probs, old_log_probs, advantages, clip_eps):
        ratio = torch.exp(log_probs - old_log_probs)
        objective = torch.min(ratio * advantages, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages).mean()
        return {"name": name, "args": [log_probs, old_log_probs, advantages, clip_eps], "expected": objective.item()}

    def random(name, seed, n, clip_eps, spread):
        torch.manual_seed(seed)
        old = -torch.rand(n, dtype=torch.float64) * 3
        new = old + torch.randn(n, dtype=torch.float64) * spread
        return case(name, new, old, torch.randn(n, dtype=torch.float64), clip_eps)

    f64 = torch.float64
    log15 = torch.log(torch.tensor([1.5], dtype=f64))
    zero = torch.zeros(1, dtype=f64)
    return [
        case("example, positive advantage: clipped", log15, zero, torch.ones(1, dtype=f64), 0.2),
        case("example, negative advantage: unclipped", log15, zero, -torch.ones(1, dtype=f64), 0.2),
        random("16 tokens, small steps", 0, 16, 0.2, 0.1),
        random("8 tokens, large steps", 1, 8, 0.2, 1.0),
        random("wide clip 0.5", 2, 10, 0.5, 0.5),
        case("on-policy: ratio 1 gives the mean advantage", torch.tensor([-1.0, -2.0, -0.5], dtype=f64),
             torch.tensor([-1.0, -2.0, -0.5], dtype=f64), torch.tensor([0.5, -1.0, 2.0], dtype=f64), 0.2),
    ]
