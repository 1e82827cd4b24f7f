from inputs import randn


def cases(torch, F):
    # The Hugging Face LLaMA formulation: inv_freq, cos/sin tables of (T, d), rotate_half.
    def rope(x, base):
        seq_len, d = x.shape
        inv_freq = 1.0 / (base ** (torch.arange(0, d, 2, dtype=torch.float64) / d))
        freqs = torch.outer(torch.arange(seq_len, dtype=torch.float64), inv_freq)
        emb = torch.cat((freqs, freqs), dim=-1)
        x1, x2 = x[..., : d // 2], x[..., d // 2:]
        rotate_half = torch.cat((-x2, x1), dim=-1)
        return x * emb.cos() + rotate_half * emb.sin()

    def case(name, x, base):
        return {"name": name, "args": [x, base], "expected": rope(x, base)}

    f64 = torch.float64
    out = [case("small example", torch.tensor([[1.0, 0.0], [1.0, 0.0]], dtype=f64), 10000.0)]
    torch.manual_seed(0)
    out.append(case("random T=8, d=16", randn(8, 16), 10000.0))
    torch.manual_seed(1)
    out.append(case("random T=5, d=4, base 100", randn(5, 4), 100.0))
    torch.manual_seed(2)
    out.append(case("a single position is unchanged", randn(1, 4), 10000.0))
    torch.manual_seed(3)
    out.append(case("T=4, d=6, base 500000", randn(4, 6), 500000.0))
    return out
