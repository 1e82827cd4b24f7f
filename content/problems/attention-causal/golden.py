def cases(torch, F):
    # torch 1.13 has no F.scaled_dot_product_attention: the formula with torch ops, mask torch.ones(L, S).tril().
    def attention(q, k, v, causal):
        scores = q @ k.T / q.shape[-1] ** 0.5
        if causal:
            allowed = torch.ones(q.shape[0], k.shape[0], dtype=torch.bool).tril()
            scores = scores.masked_fill(~allowed, float("-inf"))
        weights = F.softmax(scores, dim=-1)
        return {"output": weights @ v, "weights": weights}

    def case(name, q, k, v, causal):
        return {"name": name, "args": [q, k, v, causal], "expected": attention(q, k, v, causal)}

    def random(name, seed, length, source, d, dv, causal):
        torch.manual_seed(seed)
        return case(name, torch.randn(length, d, dtype=torch.float64), torch.randn(source, d, dtype=torch.float64),
                    torch.randn(source, dv, dtype=torch.float64), causal)

    f64 = torch.float64
    eye = torch.eye(2, dtype=f64)
    return [
        case("example, causal", eye, eye, torch.tensor([[1.0], [2.0]], dtype=f64), True),
        random("self-attention T=6, d=8, causal", 0, 6, 6, 8, 8, True),
        random("T=5, d=16, not causal", 1, 5, 5, 16, 4, False),
        random("more queries than keys (L=6, S=4), causal", 2, 6, 4, 4, 3, True),
        random("fewer queries than keys (L=3, S=7), causal", 3, 3, 7, 8, 5, True),
        random("a single query", 4, 1, 1, 4, 2, True),
        random("large d = 16, T = 8, causal", 5, 8, 8, 16, 16, True),
    ]
