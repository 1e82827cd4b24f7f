#!/usr/bin/env python3
"""Writes content/problems/<id>/cases.json from each problem's golden.py, computed with PyTorch in float64.

Run with Debian's torch (python3-torch):  /usr/bin/python3 scripts/golden/problems.py [ID ...]
Each golden.py defines `cases(torch, F)` returning [{"name", "args": [...], "expected": ...}]; tensors become
{"tensor", "dtype", "shape"}, a dict becomes {"fields": [[key, value], ...]} in insertion order, a list of
values {"list": [...]}. Floats are written at 12 significant digits (the graders' tolerance is 1e-6), NaN and
±Infinity inside tensors as the strings "NaN", "Infinity", "-Infinity"; integers and booleans as they are.
Inputs must be written exactly: a case whose args hold a float that 12 digits would change is refused, so the expected
values are always computed from the very numbers in the file (golden.py files round their random inputs at creation
with scripts/golden/inputs.py). The output is deterministic: running twice gives identical files.
"""
import importlib.util
import json
import math
import os
import sys

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)  # golden.py files import inputs.py from here

from inputs import written_float  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
PROBLEMS = os.path.join(ROOT, "content", "problems")

DTYPES = {torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}


def number(value, where, exact):
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return short_float(value, where, exact)


def short_float(value, where, exact):
    out = written_float(value)
    if exact and out != value:
        raise ValueError(f"{where}: input {value!r} would be written as {out!r}; round it before computing from it "
                         "(scripts/golden/inputs.py: short or written)")
    return out


def encode(value, where, exact=False):
    """ENC of a value; `exact` (for args) refuses a float that would change when written."""
    if isinstance(value, torch.Tensor):
        if value.dtype not in DTYPES:
            raise TypeError(f"{where}: tensor of dtype {value.dtype}; use float64, int64 or bool")
        return {"tensor": _nested(value.tolist(), where, exact), "dtype": DTYPES[value.dtype], "shape": list(value.shape)}
    if isinstance(value, dict):
        return {"fields": [[str(key), encode(item, f"{where}.{key}", exact)] for key, item in value.items()]}
    if isinstance(value, (list, tuple)):
        return {"list": [encode(item, f"{where}[{index}]", exact) for index, item in enumerate(value)]}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where}: a non-finite scalar; put it in a tensor")
        return short_float(value, where, exact)
    raise TypeError(f"{where}: cannot encode {type(value).__name__}")


def _nested(value, where, exact):
    if isinstance(value, list):
        return [_nested(item, where, exact) for item in value]
    return number(value, where, exact)


def load_golden(problem_id):
    path = os.path.join(PROBLEMS, problem_id, "golden.py")
    spec = importlib.util.spec_from_file_location(f"golden_{problem_id.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate(problem_id):
    torch.set_default_dtype(torch.float64)
    cases = load_golden(problem_id).cases(torch, F)
    names = [case["name"] for case in cases]
    if len(set(names)) != len(names):
        raise ValueError(f"{problem_id}: case names must be unique")
    encoded = [
        {
            "name": case["name"],
            "args": [encode(arg, f"{problem_id}/{case['name']}/args[{i}]", exact=True) for i, arg in enumerate(case["args"])],
            "expected": encode(case["expected"], f"{problem_id}/{case['name']}/expected"),
        }
        for case in cases
    ]
    text = json.dumps({"cases": encoded}, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    # One case per line keeps diffs of regenerated data readable.
    text = text.replace('{"cases":[{', '{"cases":[\n{').replace('},{"name":', '},\n{"name":')
    with open(os.path.join(PROBLEMS, problem_id, "cases.json"), "w", encoding="utf-8", newline="\n") as out:
        out.write(text[:-2] + "\n]}\n")
    return len(encoded)


def main(argv):
    ids = argv or sorted(
        name for name in os.listdir(PROBLEMS) if os.path.isfile(os.path.join(PROBLEMS, name, "golden.py"))
    )
    for problem_id in ids:
        count = generate(problem_id)
        print(f"{problem_id}: {count} cases")


if __name__ == "__main__":
    main(sys.argv[1:])
