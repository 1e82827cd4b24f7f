from inputs import randn, weight


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

    # Shapes are the smallest that tell the slips apart: head size h = 2 (rows vs columns of a head), T >= 3 (a mask
    # that leaks), group size H / Hkv != Hkv in one case (q // Hkv instead of q // group).
    def case(name, seed, seq_len, d, num_heads, num_kv_heads, causal):
        torch.manual_seed(seed)
        h = d // num_heads
        x = randn(seq_len, d)
        wq = weight(num_heads * h, d)
        wk = weight(num_kv_heads * h, d)
        wv = weight(num_kv_heads * h, d)
        wo = weight(d, num_heads * h, fan_in=d)
        args = [x, wq, wk, wv, wo, num_heads, num_kv_heads, causal]
        return {"name": name, "args": args, "expected": gqa(*args)}

    return [
        case("H=4, Hkv=2, causal", 0, 4, 8, 4, 2, True),
        case("H=4, Hkv=2, not causal", 1, 3, 8, 4, 2, False),
        case("multi-query: H=4, Hkv=1, causal", 2, 3, 8, 4, 1, True),
        case("plain MHA: H=Hkv=2, causal", 3, 3, 4, 2, 2, True),
        case("H=8, Hkv=2 (groups of 4), T=3, causal", 4, 3, 16, 8, 2, True),
        case("a single token", 5, 1, 4, 2, 1, True),
    ]
