import numpy as np


def bpe_merges(words: list, counts: np.ndarray, num_merges: int) -> list:
    """Learns BPE merges from a word-frequency list (words split into characters, no end-of-word marker).

    words: distinct words (list of str). counts: their frequencies, (len(words),) int64.
    num_merges: merges to learn (fewer if no pair is left).
    Returns the merges in order, each a pair (a, b); ties go to the lexicographically smallest pair.
    """
    raise NotImplementedError
