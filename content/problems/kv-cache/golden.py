def cases(torch, F):
    # Reference: causal nn.MultiheadAttention over the whole sequence.
    def case(name, seed, seq_len, d, num_heads):
        torch.manual_seed(seed)
        x = torch.randn(seq_len, d, dtype=torch.float64)
        wq, wk, wv, wo = (torch.randn(d, d, dtype=torch.float64) / d ** 0.5 for _ in range(4))
        mha = torch.nn.MultiheadAttention(d, num_heads, bias=False, batch_first=True, dtype=torch.float64)
        with torch.no_grad():
            mha.in_proj_weight.copy_(torch.cat([wq, wk, wv]))
            mha.out_proj.weight.copy_(wo)
            mask = torch.ones(seq_len, seq_len, dtype=torch.bool).triu(1)
            out, _ = mha(x[None], x[None], x[None], attn_mask=mask, need_weights=False)
        return {"name": name, "args": [x, wq, wk, wv, wo, num_heads], "expected": out[0]}

    return [
        case("T=5, d=8, 2 heads", 0, 5, 8, 2),
        case("T=8, d=16, 4 heads", 1, 8, 16, 4),
        case("one head", 2, 4, 4, 1),
        case("a single token", 3, 1, 8, 2),
        case("T=6, d=12, 3 heads", 4, 6, 12, 3),
    ]
