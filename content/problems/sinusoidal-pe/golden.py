def cases(torch, F):
    # No PyTorch op: the formula with torch, as in the Annotated Transformer.
    def pe(seq_len, d):
        position = torch.arange(seq_len, dtype=torch.float64)[:, None]
        div = torch.pow(torch.tensor(10000.0, dtype=torch.float64), torch.arange(0, d, 2, dtype=torch.float64) / d)
        out = torch.zeros(seq_len, d, dtype=torch.float64)
        out[:, 0::2] = torch.sin(position / div)
        out[:, 1::2] = torch.cos(position / div)
        return out

    def case(name, seq_len, d):
        return {"name": name, "args": [seq_len, d], "expected": pe(seq_len, d)}

    return [
        case("example: 2 positions, d = 2", 2, 2),
        case("8 positions, d = 16", 8, 16),
        case("a single position", 1, 8),
        case("5 positions, d = 4", 5, 4),
        case("position 0 only, d = 2", 1, 2),
        case("T = 6, d = 12", 6, 12),
    ]
