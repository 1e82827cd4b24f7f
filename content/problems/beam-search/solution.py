import numpy as np


def beam_search(log_probs, k):
    """Beam search over a (T, V) table -> (sequences (k, T) int64, scores (k,)), best first."""
    beams = [((), 0.0)]
    for row in log_probs:
        candidates = [(tokens + (v,), score + float(lp)) for tokens, score in beams for v, lp in enumerate(row)]
        candidates.sort(key=lambda c: (-c[1], c[0]))  # higher score first, then the smaller sequence
        beams = candidates[:k]
    sequences = np.array([tokens for tokens, _ in beams], dtype=np.int64)
    scores = np.array([score for _, score in beams])
    return sequences, scores
