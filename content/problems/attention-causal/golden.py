from inputs import randn


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
        return case(name, randn(length, d), randn(source, d), randn(source, dv), causal)

    f64 = torch.float64
    eye = torch.eye(2, dtype=f64)
    return [
        case("example, causal", eye, eye, torch.tensor([[1.0], [2.0]], dtype=f64), True),
        random("self-attention T=6, d=8, causal", 0, 6, 6, 8, 8, True),
        random("T=5, d=16, not causal", 1, 5, 5, 16, 4, False),
        random("more queries than keys (L=4, S=3), causal", 2, 4, 3, 3, 2, True),
        random("fewer queries than keys (L=3, S=5), causal", 3, 3, 5, 4, 2, True),
        random("a single query", 4, 1, 1, 4, 2, True),
        random("large d = 16, T = 4, causal", 5, 4, 4, 16, 2, True),
    ]
