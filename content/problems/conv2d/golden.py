from inputs import randn


def cases(torch, F):
    def case(name, x, w, b, stride, padding):
        expected = F.conv2d(x[None], w, b, stride=stride, padding=padding)[0]
        return {"name": name, "args": [x, w, b, stride, padding], "expected": expected}

    def random(name, seed, c, h, width, o, kh, kw, stride, padding):
        torch.manual_seed(seed)
        return case(name, randn(c, h, width), randn(o, c, kh, kw), randn(o), stride, padding)

    f64 = torch.float64
    return [
        case("example: ones", torch.ones(1, 3, 3, dtype=f64), torch.ones(1, 1, 2, 2, dtype=f64), torch.zeros(1, dtype=f64), 1, 0),
        random("3 channels, 3x3 kernel, padding 1", 0, 3, 4, 4, 2, 3, 3, 1, 1),
        random("stride 2, padding 1, odd size", 1, 2, 5, 3, 2, 3, 3, 2, 1),
        random("1x1 kernel", 2, 3, 2, 3, 2, 1, 1, 1, 0),
        random("non-square kernel 2x3, stride 3", 3, 2, 5, 7, 2, 2, 3, 3, 0),
        random("padding 2 larger than needed", 4, 1, 3, 3, 1, 2, 2, 1, 2),
    ]
