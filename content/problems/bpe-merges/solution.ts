/** BPE merge learning with lexicographic tie-breaking → [[a, b], …]. */
export function bpeMerges(words: string[], counts: number[], numMerges: number): string[][] {
  let symbols = words.map((word) => [...word]);
  const merges: string[][] = [];
  for (let m = 0; m < numMerges; m++) {
    const frequency = new Map<string, { pair: [string, string]; count: number }>();
    symbols.forEach((word, w) => {
      for (let i = 0; i + 1 < word.length; i++) {
        const key = `${word[i]}\u0000${word[i + 1]}`;
        const entry = frequency.get(key) ?? { pair: [word[i], word[i + 1]] as [string, string], count: 0 };
        entry.count += counts[w];
        frequency.set(key, entry);
      }
    });
    let best: { pair: [string, string]; count: number } | undefined;
    for (const entry of frequency.values()) {
      const [a, b] = entry.pair;
      if (!best || entry.count > best.count || (entry.count === best.count && (a < best.pair[0] || (a === best.pair[0] && b < best.pair[1])))) best = entry;
    }
    if (!best) break; // no pair left
    const [a, b] = best.pair;
    merges.push([a, b]);
    symbols = symbols.map((word) => {
      const merged: string[] = [];
      for (let i = 0; i < word.length; i++) {
        if (i + 1 < word.length && word[i] === a && word[i + 1] === b) {
          merged.push(a + b);
          i++; // no overlaps
        } else {
          merged.push(word[i]);
        }
      }
      return merged;
    });
  }
  return merges;
}
