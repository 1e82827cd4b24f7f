from inputs import randn, written


def cases(torch, F):
    def top_p(logits, p):
        probs = F.softmax(logits, dim=-1)
        sorted_probs, order = torch.sort(probs, descending=True, stable=True)
        before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs
        keep_sorted = before < p
        keep = torch.zeros_like(keep_sorted).scatter(0, order, keep_sorted)
        kept = torch.where(keep, probs, torch.zeros_like(probs))
        return kept / kept.sum()

    def case(name, logits, p, kept=None):
        expected = top_p(logits, p)
        assert kept is None or int((expected > 0).sum()) == kept, name
        return {"name": name, "args": [logits, p], "expected": expected}

    f64 = torch.float64
    example = written(torch.log(torch.tensor([0.5, 0.3, 0.2], dtype=f64)))
    out = [case("example, p = 0.7", example, 0.7, kept=2), case("example, p = 0.5 keeps one token", example, 0.5, kept=1)]
    torch.manual_seed(0)
    out.append(case("random V=10, p = 0.9", randn(10, scale=2.0), 0.9))
    torch.manual_seed(1)
    out.append(case("random V=8, p = 0.3", randn(8), 0.3))
    out.append(case("p = 1 keeps every token", torch.tensor([1.0, -2.0, 0.5, 3.0], dtype=f64), 1.0, kept=4))
    out.append(case("ties: the lower id is kept", torch.tensor([0.0, 2.0, 2.0, 2.0, -1.0], dtype=f64), 0.5, kept=2))
    out.append(case("a dominant logit of 1000", torch.tensor([1000.0, 0.0, -1000.0], dtype=f64), 0.95, kept=1))
    return out
