from collections import Counter

import numpy as np


def bpe_merges(words, counts, num_merges):
    """BPE merge learning with lexicographic tie-breaking -> [(a, b), ...]."""
    symbols = [list(word) for word in words]
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for word, count in zip(symbols, counts):
            for pair in zip(word, word[1:]):
                pairs[pair] += int(count)
        if not pairs:
            break  # no pair left
        a, b = min(pairs, key=lambda pair: (-pairs[pair], pair))  # most frequent, then the smallest pair
        merges.append((a, b))
        for index, word in enumerate(symbols):
            merged, i = [], 0
            while i < len(word):
                if i + 1 < len(word) and word[i] == a and word[i + 1] == b:
                    merged.append(a + b)
                    i += 2  # no overlaps
                else:
                    merged.append(word[i])
                    i += 1
            symbols[index] = merged
    return merges
