def cases(torch, F):
    def top_p(logits, p):
        probs = F.softmax(logits, dim=-1)
        sorted_probs, order = torch.sort(probs, descending=True, stable=True)
        before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs
        keep_sorted = before < p
        keep = torch.zeros_like(keep_sorted).scatter(0, order, keep_sorted)
        kept = torch.where(keep, probs, torch.zeros_like(probs))
        return kept / kept.sum()

    def case(name, logits, p):
        return {"name": name, "args": [logits, p], "expected": top_p(logits, p)}

    f64 = torch.float64
    example = torch.log(torch.tensor([0.5, 0.3, 0.2], dtype=f64))
    out = [case("example, p = 0.7", example, 0.7), case("example, p = 0.5 keeps one token", example, 0.5)]
    torch.manual_seed(0)
    out.append(case("random V=16, p = 0.9", torch.randn(16, dtype=f64) * 2, 0.9))
    torch.manual_seed(1)
    out.append(case("random V=10, p = 0.3", torch.randn(10, dtype=f64), 0.3))
    out.append(case("p = 1 keeps every token", torch.tensor([1.0, -2.0, 0.5, 3.0], dtype=f64), 1.0))
    out.append(case("ties: the lower id is kept", torch.tensor([0.0, 2.0, 2.0, 2.0, -1.0], dtype=f64), 0.5))
    out.append(case("a dominant logit of 1000", torch.tensor([1000.0, 0.0, -1000.0], dtype=f64), 0.95))
    return out
