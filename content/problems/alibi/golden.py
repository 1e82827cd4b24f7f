def cases(torch, F):
    def alibi(num_heads, seq_len):
        slopes = torch.pow(torch.tensor(2.0, dtype=torch.float64),
                           -8.0 * torch.arange(1, num_heads + 1, dtype=torch.float64) / num_heads)
        positions = torch.arange(seq_len, dtype=torch.float64)
        distance = positions[:, None] - positions[None, :]
        bias = -slopes[:, None, None] * distance[None]
        future = torch.ones(seq_len, seq_len, dtype=torch.bool).triu(1)
        return bias.masked_fill(future, float("-inf"))

    def case(name, num_heads, seq_len):
        return {"name": name, "args": [num_heads, seq_len], "expected": alibi(num_heads, seq_len)}

    return [
        case("example: 2 heads, T = 2", 2, 2),
        case("8 heads, T = 5", 8, 5),
        case("1 head", 1, 4),
        case("4 heads, T = 8", 4, 8),
        case("16 heads, T = 3", 16, 3),
        case("T = 1", 4, 1),
    ]
