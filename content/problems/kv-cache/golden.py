from inputs import randn, weight


def cases(torch, F):
    # Reference: causal nn.MultiheadAttention over the whole sequence.
    def case(name, seed, seq_len, d, num_heads):
        torch.manual_seed(seed)
        x = randn(seq_len, d)
        wq, wk, wv, wo = (weight(d, d) for _ in range(4))
        mha = torch.nn.MultiheadAttention(d, num_heads, bias=False, batch_first=True, dtype=torch.float64)
        with torch.no_grad():
            mha.in_proj_weight.copy_(torch.cat([wq, wk, wv]))
            mha.out_proj.weight.copy_(wo)
            mask = torch.ones(seq_len, seq_len, dtype=torch.bool).triu(1)
            out, _ = mha(x[None], x[None], x[None], attn_mask=mask, need_weights=False)
        return {"name": name, "args": [x, wq, wk, wv, wo, num_heads], "expected": out[0]}

    return [
        case("T=4, d=4, 2 heads", 0, 4, 4, 2),
        case("T=3, d=8, 4 heads", 1, 3, 8, 4),
        case("one head", 2, 3, 3, 1),
        case("a single token", 3, 1, 4, 2),
        case("T=3, d=6, 3 heads", 4, 3, 6, 3),
    ]
