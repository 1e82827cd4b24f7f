"""Short inputs for the practice problems' golden.py files (content/problems/<id>/golden.py), and how floats are written.

A golden.py imports what it needs (`from inputs import randn, rand, short, written`; problems.py puts this folder on
the path). Random float inputs are drawn with torch and rounded to a few decimals at creation, BEFORE anything is
computed from them: cases.json stays small, and the expected values are computed from exactly the numbers it holds.
An input that is itself computed (a log, a log-softmax, a sum of two draws) is passed through `short` or `written`
before it is used. problems.py refuses an input that would change when written.
"""
import torch

F64 = torch.float64
DECIMALS = 3
SIGNIFICANT = 12


def written_float(value):
    """A float as cases.json holds it: 12 significant digits (the graders' tolerance is 1e-6, so nothing is lost)."""
    return float(f"{value:.{SIGNIFICANT}g}")


def short(t, decimals=DECIMALS):
    """t rounded to `decimals` decimals: each value the float64 nearest to a short decimal, written exactly."""
    scale = 10.0 ** decimals
    return torch.round(t * scale) / scale


def randn(*shape, scale=1.0, offset=0.0, decimals=DECIMALS):
    """Gaussian draws (torch's global generator: seed it first) times `scale` plus `offset`, then rounded."""
    return short(torch.randn(*shape, dtype=F64) * scale + offset, decimals)


def rand(*shape, scale=1.0, offset=0.0, decimals=DECIMALS):
    """Uniform [0, 1) draws times `scale` plus `offset`, then rounded."""
    return short(torch.rand(*shape, dtype=F64) * scale + offset, decimals)


def weight(rows, cols, fan_in=None, decimals=DECIMALS):
    """An nn.Linear-style weight (rows, cols): Gaussian / sqrt(fan_in) (fan_in defaults to cols), rounded after scaling."""
    return randn(rows, cols, scale=1.0 / (fan_in or cols) ** 0.5, decimals=decimals)


def written(t):
    """t exactly as cases.json will hold it, for an input computed from others (e.g. log([0.5, 0.3, 0.2]))."""
    values = [written_float(v) for v in t.reshape(-1).tolist()]
    return torch.tensor(values, dtype=F64).reshape(t.shape)
