from inputs import randn


def cases(torch, F):
    def case(name, logits, targets):
        return {"name": name, "args": [logits, targets], "expected": F.cross_entropy(logits, targets).item()}

    f64, i64 = torch.float64, torch.int64
    out = [case("small example", torch.tensor([[2.0, 0.0, 0.0]], dtype=f64), torch.tensor([0], dtype=i64))]
    torch.manual_seed(0)
    out.append(case("random 4x5", randn(4, 5), torch.randint(0, 5, (4,))))
    torch.manual_seed(1)
    out.append(case("random 5x8, scale 3", randn(5, 8, scale=3.0), torch.randint(0, 8, (5,))))
    out.append(case("logits +-1000, confidently wrong",
                    torch.tensor([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 0.0]], dtype=f64),
                    torch.tensor([1, 1], dtype=i64)))
    out.append(case("uniform logits", torch.zeros(3, 4, dtype=f64), torch.tensor([0, 3, 2], dtype=i64)))
    out.append(case("single row, two classes", torch.tensor([[0.5, -0.25]], dtype=f64), torch.tensor([1], dtype=i64)))
    return out
