def cases(torch, F):
    # The stated formula with torch ops; for min_lr = 0 it is Hugging Face's get_cosine_schedule_with_warmup.
    def schedule(steps, base_lr, min_lr, warmup, total):
        s = steps.to(torch.float64)
        progress = ((s - warmup) / (total - warmup)).clamp(0.0, 1.0)
        cosine = min_lr + (base_lr - min_lr) * 0.5 * (1.0 + torch.cos(torch.pi * progress))
        warm = base_lr * s / max(warmup, 1)
        return torch.where(s < warmup, warm, torch.where(s >= total, torch.full_like(s, min_lr), cosine))

    def case(name, steps, base_lr, min_lr, warmup, total):
        steps = torch.tensor(steps, dtype=torch.int64)
        return {"name": name, "args": [steps, base_lr, min_lr, warmup, total],
                "expected": schedule(steps, base_lr, min_lr, warmup, total)}

    return [
        case("example", [0, 1, 2, 4, 6, 10], 1.0, 0.1, 2, 6),
        case("every step of a short run", list(range(12)), 3e-4, 3e-5, 3, 10),
        case("no warmup", [0, 1, 5, 9, 10], 1e-3, 0.0, 0, 10),
        case("steps out of order", [50, 0, 1000, 10, 99], 6e-4, 6e-5, 10, 100),
        case("the last step before the end", [998, 999, 1000], 1.0, 0.0, 100, 1000),
    ]
