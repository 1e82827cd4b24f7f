def cases(torch, F):
    # No PyTorch op for strings: the stated algorithm, written out plainly.
    def learn(words, counts, num_merges):
        symbols = [list(word) for word in words]
        merges = []
        for _ in range(num_merges):
            pairs = {}
            for word, count in zip(symbols, counts.tolist()):
                for pair in zip(word, word[1:]):
                    pairs[pair] = pairs.get(pair, 0) + count
            if not pairs:
                break
            best = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[0][0]
            merges.append(list(best))
            for index, word in enumerate(symbols):
                out, i = [], 0
                while i < len(word):
                    if i + 1 < len(word) and (word[i], word[i + 1]) == best:
                        out.append(word[i] + word[i + 1])
                        i += 2
                    else:
                        out.append(word[i])
                        i += 1
                symbols[index] = out
        return merges

    def case(name, words, counts, num_merges):
        counts = torch.tensor(counts, dtype=torch.int64)
        return {"name": name, "args": [words, counts, num_merges], "expected": learn(words, counts, num_merges)}

    return [
        case("example", ["low", "lower"], [5, 2], 2),
        case("the classic corpus, 10 merges", ["low", "lower", "newest", "widest"], [5, 2, 6, 3], 10),
        case("overlapping pairs", ["aaaa", "aaa"], [1, 3], 3),
        case("ties broken lexicographically", ["ab", "cd", "ba"], [2, 2, 2], 3),
        case("stops when nothing is left to merge", ["ab", "c"], [1, 1], 5),
        case("zero merges", ["hello"], [3], 0),
    ]
