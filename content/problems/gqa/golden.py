def cases(torch, F):
    # Reference: nn.MultiheadAttention with each KV head's projection rows repeated for its group of query heads.
    def gqa(x, wq, wk, wv, wo, num_heads, num_kv_heads, causal):
        seq_len, d = x.shape
        h = wq.shape[0] // num_heads
        group = num_heads // num_kv_heads
        expand = lambda w: w.reshape(num_kv_heads, h, d).repeat_interleave(group, dim=0).reshape(num_heads * h, d)
        mha = torch.nn.MultiheadAttention(d, num_heads, bias=False, batch_first=True, dtype=torch.float64)
        with torch.no_grad():
            mha.in_proj_weight.copy_(torch.cat([wq, expand(wk), expand(wv)]))
            mha.out_proj.weight.copy_(wo)
            mask = torch.ones(seq_len, seq_len, dtype=torch.bool).triu(1) if causal else None
            out, _ = mha(x[None], x[None], x[None], attn_mask=mask, need_weights=False)
        return out[0]

    def case(name, seed, seq_len, d, num_heads, num_kv_heads, causal):
        torch.manual_seed(seed)
        h = d // num_heads
        x = torch.randn(seq_len, d, dtype=torch.float64)
        wq = torch.randn(num_heads * h, d, dtype=torch.float64) / d ** 0.5
        wk = torch.randn(num_kv_heads * h, d, dtype=torch.float64) / d ** 0.5
        wv = torch.randn(num_kv_heads * h, d, dtype=torch.float64) / d ** 0.5
        wo = torch.randn(d, num_heads * h, dtype=torch.float64) / d ** 0.5
        args = [x, wq, wk, wv, wo, num_heads, num_kv_heads, causal]
        return {"name": name, "args": args, "expected": gqa(*args)}

    return [
        case("H=4, Hkv=2, causal", 0, 6, 8, 4, 2, True),
        case("H=4, Hkv=2, not causal", 1, 5, 8, 4, 2, False),
        case("multi-query: H=4, Hkv=1, causal", 2, 7, 16, 4, 1, True),
        case("plain MHA: H=Hkv=2, causal", 3, 4, 8, 2, 2, True),
        case("H=8, Hkv=2, T=8, causal", 4, 8, 16, 8, 2, True),
        case("a single token", 5, 1, 8, 2, 1, True),
    ]
