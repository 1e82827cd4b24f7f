from inputs import rand, randn


def cases(torch, F):
    # torch 1.13 has no nn.RMSNorm: the formula, written with torch ops.
    def case(name, x, weight, eps):
        y = x * torch.rsqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps) * weight
        return {"name": name, "args": [x, weight, eps], "expected": y}

    f64 = torch.float64
    out = [case("small example", torch.tensor([[3.0, 4.0]], dtype=f64), torch.ones(2, dtype=f64), 0.0)]
    torch.manual_seed(0)
    out.append(case("random 3x4", randn(3, 4), randn(4), 1e-6))
    torch.manual_seed(1)
    out.append(case("random 2x6, large eps", randn(2, 6, scale=0.1, decimals=4), rand(6, offset=0.5), 0.01))
    out.append(case("a row of zeros", torch.tensor([[0.0, 0.0, 0.0], [1.0, -2.0, 2.0]], dtype=f64),
                    torch.tensor([1.0, 2.0, 3.0], dtype=f64), 1e-5))
    torch.manual_seed(2)
    out.append(case("single row, scale 100", randn(1, 6, scale=100.0), randn(6), 1e-5))
    return out
