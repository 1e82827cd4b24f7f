from inputs import rand


def cases(torch, F):
    def case(name, pc, pr, rc, rr, beta):
        z = beta * ((pc - rc) - (pr - rr))
        return {"name": name, "args": [pc, pr, rc, rr, beta], "expected": (-F.logsigmoid(z)).mean().item()}

    def random(seed, n, beta):
        torch.manual_seed(seed)
        logps = [-rand(n, scale=50.0, offset=1.0) for _ in range(4)]
        return logps + [beta]

    f64 = torch.float64
    same = torch.tensor([-12.0, -7.5, -30.0], dtype=f64)
    out = [case("all equal: log 2", same, same, same, same, 0.1)]
    out.append(case("random n=5, beta 0.1", *random(0, 5, 0.1)))
    out.append(case("random n=4, beta 0.5", *random(1, 4, 0.5)))
    out.append(case("huge margins both ways",
                    torch.tensor([0.0, -2000.0], dtype=f64), torch.tensor([-2000.0, 0.0], dtype=f64),
                    torch.tensor([-10.0, -10.0], dtype=f64), torch.tensor([-10.0, -10.0], dtype=f64), 1.0))
    out.append(case("a single pair", torch.tensor([-5.0], dtype=f64), torch.tensor([-6.0], dtype=f64),
                    torch.tensor([-5.5], dtype=f64), torch.tensor([-5.5], dtype=f64), 0.2))
    return out
