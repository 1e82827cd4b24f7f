#!/usr/bin/env python3
"""Writes content/problems/<id>/cases.json from each problem's golden.py, computed with PyTorch in float64.

Run with Debian's torch (python3-torch):  /usr/bin/python3 scripts/golden/problems.py [ID ...]
Each golden.py defines `cases(torch, F)` returning [{"name", "args": [...], "expected": ...}]; tensors become
{"tensor", "dtype", "shape"}, a dict becomes {"fields": [[key, value], ...]} in insertion order, a list of
values {"list": [...]}. The output is deterministic: running twice gives identical files.
"""
import importlib.util
import json
import math
import os
import sys

import torch
import torch.nn.functional as F

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
PROBLEMS = os.path.join(ROOT, "content", "problems")

DTYPES = {torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}


def number(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def encode(value, where):
    if isinstance(value, torch.Tensor):
        if value.dtype not in DTYPES:
            raise TypeError(f"{where}: tensor of dtype {value.dtype}; use float64, int64 or bool")
        return {"tensor": _nested(value.tolist()), "dtype": DTYPES[value.dtype], "shape": list(value.shape)}
    if isinstance(value, dict):
        return {"fields": [[str(key), encode(item, f"{where}.{key}")] for key, item in value.items()]}
    if isinstance(value, (list, tuple)):
        return {"list": [encode(item, f"{where}[{index}]") for index, item in enumerate(value)]}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{where}: a non-finite scalar; put it in a tensor")
        return value
    raise TypeError(f"{where}: cannot encode {type(value).__name__}")


def _nested(value):
    if isinstance(value, list):
        return [_nested(item) for item in value]
    return number(value)


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
            "args": [encode(arg, f"{problem_id}/{case['name']}/args[{i}]") for i, arg in enumerate(case["args"])],
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
