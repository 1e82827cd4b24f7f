from inputs import short, written


def cases(torch, F):
    def case(name, log_probs, mask):
        ppl = torch.exp(-(log_probs * mask).sum() / mask.sum()).item()
        return {"name": name, "args": [log_probs, mask], "expected": ppl}

    f64 = torch.float64
    torch.manual_seed(0)
    logits = torch.randn(3, 6, 10, dtype=f64)
    targets = torch.randint(0, 10, (3, 6))
    model = short(-F.cross_entropy(logits.reshape(-1, 10), targets.reshape(-1), reduction="none").reshape(3, 6), 4)
    lengths = torch.tensor([6, 4, 2])
    ragged = torch.arange(6)[None, :] < lengths[:, None]
    return [
        case("example: probabilities 1/2 and 1/8", written(torch.log(torch.tensor([[0.5, 0.125]], dtype=f64))), torch.ones(1, 2, dtype=torch.bool)),
        case("a model's log-probs, no padding", model, torch.ones(3, 6, dtype=torch.bool)),
        case("ragged batch with padding", model, ragged),
        case("padding holds -1000", torch.tensor([[-1.0, -2.0, -1000.0], [-0.5, -1000.0, -1000.0]], dtype=f64),
             torch.tensor([[True, True, False], [True, False, False]])),
        case("a perfect model: perplexity 1", torch.zeros(2, 3, dtype=f64), torch.ones(2, 3, dtype=torch.bool)),
        case("a single token", written(torch.log(torch.tensor([[0.1]], dtype=f64))), torch.ones(1, 1, dtype=torch.bool)),
    ]
