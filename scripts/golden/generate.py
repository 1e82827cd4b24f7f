#!/usr/bin/env python3
"""Golden inputs and outputs for the TypeScript snippets in snippets/, computed by PyTorch.

Every reference value comes from PyTorch in float64, so the unit tests in
test/unit/snippets/ can check the TypeScript implementations to ~1e-9 without
PyTorch being installed (CI does not have it; the JSON files are committed).

Regenerate (only needed when a case is added or changed):

    apt-get update && apt-get install -y python3-torch   # Debian's PyTorch
    /usr/bin/python3 scripts/golden/generate.py           # run from the repository root

It writes snippets/golden/<snippet>.json. The output is deterministic: every case
draws its inputs from its own seeded torch.Generator, and inputs are rounded to 4
decimals so the files stay small (the rounded values are what PyTorch computes on).
Outputs are written at full float64 precision (Python's repr round-trips exactly).
"""

import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(ROOT, "snippets", "golden")


def rand(generator, *shape, scale=1.0, offset=0.0):
    """Gaussian inputs rounded to 4 decimals: short in JSON, exact as float64 on both sides."""
    x = torch.randn(*shape, generator=generator) * scale + offset
    return torch.round(x * 1e4) / 1e4


def seeded(seed):
    return torch.Generator().manual_seed(seed)


def as_list(t):
    return t.detach().tolist()


def write(name, description, cases, extra=None):
    """One case per line, so a changed case shows up as a one-line diff."""
    os.makedirs(OUT_DIR, exist_ok=True)
    header = {
        "snippet": name,
        "description": description,
        "generator": "scripts/golden/generate.py",
        "torch": torch.__version__,
        "dtype": "float64",
    }
    if extra:
        header.update(extra)
    head = json.dumps(header, ensure_ascii=False, indent=1)[:-2]  # drop the closing "\n}"
    body = ",\n".join(json.dumps(case, separators=(",", ":")) for case in cases)
    text = head + ',\n "cases": [\n' + body + "\n ]\n}\n"
    path = os.path.join(OUT_DIR, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(path, ROOT)} ({len(text.encode()) // 1024} KB, {len(cases)} cases)")


# ---------------------------------------------------------------- tensor.ts


def tensor_cases():
    cases = []
    for seed, (n, k, m) in enumerate([(1, 1, 1), (2, 3, 4), (5, 4, 3)]):
        g = seeded(100 + seed)
        a, b = rand(g, n, k), rand(g, k, m)
        cases.append({"op": "matmul", "a": as_list(a), "b": as_list(b), "expected": as_list(a @ b)})
    for seed, (n, fan_in, fan_out, bias) in enumerate([(1, 1, 1, True), (3, 4, 2, True), (2, 3, 5, False)]):
        g = seeded(200 + seed)
        x, w = rand(g, n, fan_in), rand(g, fan_out, fan_in)
        b = rand(g, fan_out) if bias else None
        cases.append({
            "op": "linear",
            "x": as_list(x),
            "weight": as_list(w),
            "bias": as_list(b) if bias else None,
            "expected": as_list(torch.nn.functional.linear(x, w, b)),
        })
    return cases


# ---------------------------------------------------------------- layernorm.ts


def layernorm_cases():
    cases = []
    shapes = [(1, 4, 1e-5, 1.0, 0.0), (3, 5, 1e-5, 1.0, 0.0), (2, 1, 1e-5, 1.0, 0.0),
              (4, 8, 1e-3, 1.0, 0.0), (3, 6, 1e-5, 100.0, 500.0)]
    for seed, (batch, features, eps, scale, offset) in enumerate(shapes):
        g = seeded(300 + seed)
        x = rand(g, batch, features, scale=scale, offset=offset)
        gamma, beta = rand(g, features, offset=1.0), rand(g, features)
        ln = torch.nn.LayerNorm(features, eps=eps)
        with torch.no_grad():
            ln.weight.copy_(gamma)
            ln.bias.copy_(beta)
        cases.append({
            "x": as_list(x), "gamma": as_list(gamma), "beta": as_list(beta), "eps": eps,
            "expected": as_list(ln(x)),
        })
    return cases


# ---------------------------------------------------------------- batchnorm.ts


def batchnorm_cases():
    """Each case: several training batches (running stats move), then eval batches."""
    configs = [
        # features, eps, momentum (None = the default 0.1), train batch sizes, eval batch sizes, scale, offset
        (3, None, None, [4, 2, 5], [3, 1], 1.0, 0.0),
        (1, 1e-3, 0.3, [2, 3], [2], 1.0, 0.0),
        (5, None, 0.5, [6, 2, 3, 4], [4], 10.0, 50.0),
    ]
    cases = []
    for seed, (features, eps, momentum, train_sizes, eval_sizes, scale, offset) in enumerate(configs):
        g = seeded(400 + seed)
        kwargs = {}
        if eps is not None:
            kwargs["eps"] = eps
        if momentum is not None:
            kwargs["momentum"] = momentum
        bn = torch.nn.BatchNorm1d(features, **kwargs)
        gamma, beta = rand(g, features, offset=1.0), rand(g, features)
        with torch.no_grad():
            bn.weight.copy_(gamma)
            bn.bias.copy_(beta)
        steps = []
        for training, sizes in ((True, train_sizes), (False, eval_sizes)):
            bn.train(training)
            for size in sizes:
                x = rand(g, size, features, scale=scale, offset=offset)
                y = bn(x)
                steps.append({
                    "training": training,
                    "x": as_list(x),
                    "expected": as_list(y),
                    "runningMean": as_list(bn.running_mean),
                    "runningVar": as_list(bn.running_var),
                    "numBatchesTracked": int(bn.num_batches_tracked),
                })
        cases.append({
            "numFeatures": features,
            "options": kwargs,
            "gamma": as_list(gamma),
            "beta": as_list(beta),
            "steps": steps,
        })
    # PyTorch's own refusal of a one-sample training batch, recorded for the test's reference.
    try:
        torch.nn.BatchNorm1d(3).train()(torch.zeros(1, 3))
        refusal = None
    except ValueError as error:
        refusal = str(error)
    return cases, {"torchOneSampleError": refusal}


# ---------------------------------------------------------------- attention.ts


def causal_mask(n, m):
    """True where query i may NOT attend to key j, i.e. j > i."""
    return torch.triu(torch.ones(n, m, dtype=torch.bool), diagonal=1)


def sdpa_cases():
    cases = []
    shapes = [(1, 1, 1, 1), (3, 3, 4, 2), (4, 6, 3, 5), (5, 3, 2, 2), (2, 2, 8, 3)]
    for seed, (n, m, d, dv) in enumerate(shapes):
        for causal in (False, True):
            g = seeded(500 + 10 * seed + int(causal))
            q, k, v = rand(g, n, d), rand(g, m, d), rand(g, m, dv)
            scores = q @ k.T / math.sqrt(d)
            if causal:
                scores = scores.masked_fill(causal_mask(n, m), float("-inf"))
            weights = torch.softmax(scores, dim=-1)
            cases.append({
                "q": as_list(q), "k": as_list(k), "v": as_list(v), "causal": causal,
                "output": as_list(weights @ v), "weights": as_list(weights),
            })
    return cases


def mha_reference(x, params, num_heads, causal):
    """torch.nn.MultiheadAttention with the given projections; missing biases are zero."""
    d = x.shape[1]
    has_bias = any(params[name] is not None for name in ("bq", "bk", "bv", "bo"))
    mha = torch.nn.MultiheadAttention(d, num_heads, dropout=0.0, bias=has_bias, batch_first=True)
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.cat([params["wq"], params["wk"], params["wv"]]))
        mha.out_proj.weight.copy_(params["wo"])
        if has_bias:
            zero = torch.zeros(d)
            pick = lambda name: zero if params[name] is None else params[name]  # noqa: E731
            mha.in_proj_bias.copy_(torch.cat([pick("bq"), pick("bk"), pick("bv")]))
            mha.out_proj.bias.copy_(pick("bo"))
    n = x.shape[0]
    mask = causal_mask(n, n) if causal else None
    out, _ = mha(x[None], x[None], x[None], attn_mask=mask, need_weights=False)
    return out[0]


def mha_cases():
    cases = []
    # n, d_model, heads, which biases exist, causal
    configs = [
        (1, 4, 1, "all", False),
        (3, 4, 1, "none", True),
        (4, 4, 2, "all", False),
        (4, 4, 2, "all", True),
        (5, 8, 4, "none", False),
        (5, 8, 4, "all", True),
        (3, 8, 2, "some", False),
        (2, 6, 2, "some", True),
    ]
    for seed, (n, d, heads, biases, causal) in enumerate(configs):
        g = seeded(600 + seed)
        x = rand(g, n, d)
        params = {name: rand(g, d, d, scale=0.5) for name in ("wq", "wk", "wv", "wo")}
        for name in ("bq", "bk", "bv", "bo"):
            present = biases == "all" or (biases == "some" and name in ("bq", "bv"))
            params[name] = rand(g, d) if present else None
        expected = mha_reference(x, params, heads, causal)
        cases.append({
            "x": as_list(x),
            "params": {name: (None if t is None else as_list(t)) for name, t in params.items()},
            "numHeads": heads, "causal": causal, "expected": as_list(expected),
        })
    return cases


# ---------------------------------------------------------------- encoder-layer.ts


def encoder_cases():
    cases = []
    # n, d_model, heads, d_ff, norm_first, causal, eps
    configs = [
        (3, 4, 1, 6, False, False, 1e-5),
        (3, 4, 1, 6, True, False, 1e-5),
        (4, 8, 2, 16, False, False, 1e-5),
        (4, 8, 2, 16, True, False, 1e-5),
        (5, 8, 4, 12, False, True, 1e-3),
        (5, 8, 4, 12, True, True, 1e-3),
        (1, 4, 2, 4, True, False, 1e-5),
    ]
    for seed, (n, d, heads, d_ff, norm_first, causal, eps) in enumerate(configs):
        g = seeded(700 + seed)
        layer = torch.nn.TransformerEncoderLayer(
            d, heads, dim_feedforward=d_ff, dropout=0.0, activation="relu",
            batch_first=True, norm_first=norm_first, layer_norm_eps=eps,
        )
        p = {
            "wq": rand(g, d, d, scale=0.5), "wk": rand(g, d, d, scale=0.5),
            "wv": rand(g, d, d, scale=0.5), "wo": rand(g, d, d, scale=0.5),
            "bq": rand(g, d, scale=0.1), "bk": rand(g, d, scale=0.1),
            "bv": rand(g, d, scale=0.1), "bo": rand(g, d, scale=0.1),
            "w1": rand(g, d_ff, d, scale=0.5), "b1": rand(g, d_ff, scale=0.1),
            "w2": rand(g, d, d_ff, scale=0.5), "b2": rand(g, d, scale=0.1),
            "ln1Gamma": rand(g, d, scale=0.1, offset=1.0), "ln1Beta": rand(g, d, scale=0.1),
            "ln2Gamma": rand(g, d, scale=0.1, offset=1.0), "ln2Beta": rand(g, d, scale=0.1),
        }
        with torch.no_grad():
            layer.self_attn.in_proj_weight.copy_(torch.cat([p["wq"], p["wk"], p["wv"]]))
            layer.self_attn.in_proj_bias.copy_(torch.cat([p["bq"], p["bk"], p["bv"]]))
            layer.self_attn.out_proj.weight.copy_(p["wo"])
            layer.self_attn.out_proj.bias.copy_(p["bo"])
            layer.linear1.weight.copy_(p["w1"])
            layer.linear1.bias.copy_(p["b1"])
            layer.linear2.weight.copy_(p["w2"])
            layer.linear2.bias.copy_(p["b2"])
            layer.norm1.weight.copy_(p["ln1Gamma"])
            layer.norm1.bias.copy_(p["ln1Beta"])
            layer.norm2.weight.copy_(p["ln2Gamma"])
            layer.norm2.bias.copy_(p["ln2Beta"])
        x = rand(g, n, d)
        mask = causal_mask(n, n) if causal else None
        # Training mode with dropout=0 is deterministic and avoids the fused inference fast path.
        layer.train()
        expected = layer(x[None], src_mask=mask)[0]
        cases.append({
            "x": as_list(x), "params": {name: as_list(t) for name, t in p.items()},
            "numHeads": heads, "normFirst": norm_first, "causal": causal, "eps": eps,
            "expected": as_list(expected),
        })
    return cases


# ---------------------------------------------------------------- lamb.ts

ADAMW_DEFAULTS = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0.01}


def lamb_reference_step(w, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    """LAMB, You et al. 2019 (arXiv 1904.00962) Algorithm 2, phi = identity, one layer."""
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    r = m_hat / (v_hat.sqrt() + eps)
    u = r + weight_decay * w
    w_norm, u_norm = w.norm(), u.norm()
    ratio = (w_norm / u_norm).item() if w_norm > 0 and u_norm > 0 else 1.0
    return w - lr * ratio * u, m, v, ratio


def lamb_cases():
    cases = []
    # name, size, options given to the snippet, steps, weight scale (0 = a zero layer), zero grads
    configs = [
        ("default hyperparameters", 6, {"lr": 1e-3}, 3, 1.0, False),
        ("large weights", 8, {"lr": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weightDecay": 0.1}, 3, 20.0, False),
        ("small weights", 5, {"lr": 0.05, "weightDecay": 0.0}, 2, 0.01, False),
        ("zero weights: trust ratio 1", 4, {"lr": 0.01}, 2, 0.0, False),
        ("zero update: trust ratio 1", 3, {"lr": 0.01, "weightDecay": 0.0}, 1, 1.0, True),
    ]
    for seed, (name, size, options, steps, scale, zero_grads) in enumerate(configs):
        gen = seeded(800 + seed)
        hp = {**ADAMW_DEFAULTS, **options}
        w0 = rand(gen, size, scale=scale) if scale > 0 else torch.zeros(size)
        grads = [torch.zeros(size) if zero_grads else rand(gen, size, scale=0.1) for _ in range(steps)]

        param = torch.nn.Parameter(w0.clone())
        adamw = torch.optim.AdamW([param], lr=hp["lr"], betas=(hp["beta1"], hp["beta2"]),
                                  eps=hp["eps"], weight_decay=hp["weightDecay"])
        w, m, v = w0.clone(), torch.zeros(size), torch.zeros(size)
        records = []
        for t, g in enumerate(grads, start=1):
            param.grad = g.clone()
            adamw.step()
            state = adamw.state[param]
            w, m, v, ratio = lamb_reference_step(w, g, m, v, t, hp["lr"], hp["beta1"], hp["beta2"],
                                                 hp["eps"], hp["weightDecay"])
            records.append({
                "grads": as_list(g),
                "adamw": {"weights": as_list(param), "m": as_list(state["exp_avg"]), "v": as_list(state["exp_avg_sq"])},
                "lamb": {"weights": as_list(w), "m": as_list(m), "v": as_list(v), "trustRatio": ratio},
            })
        cases.append({"name": name, "options": options, "weights": as_list(w0), "steps": records})
    return cases


# ---------------------------------------------------------------- mlm-masking.ts


def bert_num_to_predict(length, masked_lm_prob, max_predictions_per_seq):
    """Exactly google-research/bert create_pretraining_data.py (Python 3 round: halves to even)."""
    return min(max_predictions_per_seq, max(1, int(round(length * masked_lm_prob))))


def mlm_cases():
    cases = []
    for prob, max_pred, max_len in ((0.15, 20, 200), (0.15, 76, 512), (0.2, 80, 100)):
        lengths = list(range(1, max_len + 1))
        cases.append({
            "maskedLmProb": prob, "maxPredictions": max_pred, "lengths": lengths,
            "numToPredict": [bert_num_to_predict(n, prob, max_pred) for n in lengths],
        })
    invariants = {
        "note": "PyTorch cannot check a custom PRNG; the tests check these properties of the TypeScript sampler.",
        "maskFraction": 0.8, "randomFraction": 0.1, "keepFraction": 0.1,
        "neverChosen": ["[CLS]", "[SEP]"],
    }
    return cases, {"invariants": invariants}


def main():
    if torch.get_default_dtype() != torch.float64:
        sys.exit("expected float64 default dtype")
    write("tensor", "matmul (a @ b) and torch.nn.functional.linear(x, weight, bias)", tensor_cases())
    write("layernorm", "torch.nn.LayerNorm(features, eps) with weight = gamma, bias = beta", layernorm_cases())
    bn_cases, bn_extra = batchnorm_cases()
    write("batchnorm", "torch.nn.BatchNorm1d: training steps then eval steps; running stats after each step",
          bn_cases, bn_extra)
    write("attention", "softmax(q k^T / sqrt(d) [+ causal mask j > i = -inf]) v, and its weights", sdpa_cases(),
          {"multiHeadAttention": mha_cases(),
           "multiHeadAttentionNote": "torch.nn.MultiheadAttention(batch_first=True), in_proj = cat(wq, wk, wv); "
                                     "null biases are absent (zero in torch)"})
    write("encoder-layer", "torch.nn.TransformerEncoderLayer(dropout=0, activation='relu', batch_first=True)",
          encoder_cases())
    write("lamb", "torch.optim.AdamW steps and a reference LAMB (You et al. 2019, phi = identity) in torch ops; "
                  "options omitted from a case use the AdamW defaults " + json.dumps(ADAMW_DEFAULTS), lamb_cases())
    mlm, mlm_extra = mlm_cases()
    write("mlm-masking", "numToPredict = min(maxPredictions, max(1, round(len * maskedLmProb))) as BERT", mlm, mlm_extra)


if __name__ == "__main__":
    main()
