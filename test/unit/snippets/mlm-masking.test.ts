import * as assert from 'node:assert/strict';
import {
  CLS,
  MASK,
  SEP,
  createMaskedLmPredictions,
  mulberry32,
  numberToPredict,
  roundHalfToEven,
} from '../../../snippets/mlm-masking';
import { loadGolden } from './golden';

interface MlmGolden {
  invariants: { maskFraction: number; randomFraction: number; keepFraction: number; neverChosen: string[] };
  cases: Array<{ maskedLmProb: number; maxPredictions: number; lengths: number[]; numToPredict: number[] }>;
}

/** A sequence like BERT's "[CLS] a … [SEP] b … [SEP]" whose words never occur in VOCAB. */
function sentencePair(length: number): string[] {
  const tokens = Array.from({ length }, (_, i) => `w${i}`);
  tokens[0] = CLS;
  tokens[Math.floor(length / 2)] = SEP;
  tokens[length - 1] = SEP;
  return tokens;
}
const VOCAB = ['apple', 'river', 'seven', 'blue', 'run'];

describe('snippets/mlm-masking', () => {
  const golden = loadGolden<MlmGolden>('mlm-masking');

  golden.cases.forEach((c) => {
    it(`numToPredict equals BERT's Python formula for lengths 1..${c.lengths.length} (prob ${c.maskedLmProb}, max ${c.maxPredictions})`, () => {
      const actual = c.lengths.map((length) => numberToPredict(length, c.maskedLmProb, c.maxPredictions));
      assert.deepEqual(actual, c.numToPredict);
    });
  });

  it('rounds halves to even like Python (30 × 0.15 = 4.5 → 4)', () => {
    assert.deepEqual([0.5, 1.5, 2.5, 4.5, 2.4, 2.6].map(roundHalfToEven), [0, 2, 2, 4, 2, 3]);
    assert.equal(numberToPredict(30), 4);
    assert.equal(numberToPredict(128), 19);
    assert.equal(numberToPredict(512), 20);
    assert.equal(numberToPredict(3), 1);
  });

  it('mulberry32 is deterministic per seed and uniform in [0, 1)', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const draws = Array.from({ length: 10000 }, () => a());
    assert.deepEqual(draws.slice(0, 20), Array.from({ length: 20 }, () => b()));
    assert.notDeepEqual(draws.slice(0, 20), Array.from({ length: 20 }, mulberry32(124)));
    assert.ok(draws.every((x) => x >= 0 && x < 1));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    // The mean of 10 000 uniforms has standard deviation √(1/12/10000) ≈ 0.0029; allow 5σ.
    assert.ok(Math.abs(mean - 0.5) < 0.015, `mean ${mean}`);
  });

  it('is reproducible: the same seed gives the same masking, another seed another one', () => {
    const tokens = sentencePair(40);
    const first = createMaskedLmPredictions(tokens, { vocab: VOCAB, seed: 7 });
    assert.deepEqual(createMaskedLmPredictions(tokens, { vocab: VOCAB, seed: 7 }), first);
    assert.notDeepEqual(createMaskedLmPredictions(tokens, { vocab: VOCAB, seed: 8 }).positions, first.positions);
  });

  it('chooses exactly numToPredict positions, never [CLS]/[SEP], sorted, labelled with the original tokens', () => {
    for (const length of [4, 10, 17, 30, 64, 128, 300]) {
      const tokens = sentencePair(length);
      for (let seed = 0; seed < 20; seed++) {
        const { tokens: corrupted, positions, labels } = createMaskedLmPredictions(tokens, { vocab: VOCAB, seed });
        assert.equal(positions.length, numberToPredict(length), `length ${length}, seed ${seed}`);
        assert.equal(corrupted.length, length);
        assert.deepEqual(positions, [...positions].sort((x, y) => x - y));
        assert.equal(new Set(positions).size, positions.length, 'positions are distinct');
        assert.deepEqual(labels, positions.map((i) => tokens[i]));
        positions.forEach((i) => assert.ok(!golden.invariants.neverChosen.includes(tokens[i])));
        corrupted.forEach((token, i) => {
          if (!positions.includes(i)) assert.equal(token, tokens[i], 'unchosen positions are untouched');
        });
      }
    }
  });

  it('chooses fewer when there are not enough candidates (only [CLS] and [SEP])', () => {
    const result = createMaskedLmPredictions([CLS, SEP], { vocab: VOCAB, seed: 1 });
    assert.deepEqual(result, { tokens: [CLS, SEP], positions: [], labels: [] });
  });

  it('replaces 80% with [MASK], 10% with a random word, keeps 10%, within a 5σ statistical tolerance', () => {
    const counts = { mask: 0, random: 0, keep: 0 };
    const tokens = sentencePair(128); // 19 predictions per sequence
    for (let seed = 0; seed < 2000; seed++) {
      const result = createMaskedLmPredictions(tokens, { vocab: VOCAB, seed });
      for (const i of result.positions) {
        const token = result.tokens[i];
        if (token === MASK) counts.mask++;
        else if (token === tokens[i]) counts.keep++;
        else {
          assert.ok(VOCAB.includes(token), `random replacement ${token} comes from the vocab`);
          counts.random++;
        }
      }
    }
    const total = counts.mask + counts.random + counts.keep; // 38 000 draws
    assert.equal(total, 2000 * 19);
    const expected = { mask: golden.invariants.maskFraction, random: golden.invariants.randomFraction, keep: golden.invariants.keepFraction };
    for (const kind of ['mask', 'random', 'keep'] as const) {
      const p = expected[kind];
      const sigma = Math.sqrt((p * (1 - p)) / total); // binomial standard deviation of the fraction
      const fraction = counts[kind] / total;
      assert.ok(Math.abs(fraction - p) < 5 * sigma, `${kind}: ${fraction} vs ${p} (5σ = ${5 * sigma})`);
    }
  });

  it('chooses every non-special position about equally often', () => {
    const tokens = sentencePair(20); // 3 predictions among 17 candidates
    const hits = new Array<number>(tokens.length).fill(0);
    const runs = 17000;
    for (let seed = 0; seed < runs; seed++) {
      createMaskedLmPredictions(tokens, { vocab: VOCAB, seed }).positions.forEach((i) => hits[i]++);
    }
    const p = 3 / 17;
    const sigma = Math.sqrt(p * (1 - p) * runs);
    hits.forEach((count, i) => {
      if (tokens[i] === CLS || tokens[i] === SEP) assert.equal(count, 0);
      else assert.ok(Math.abs(count - p * runs) < 5 * sigma, `position ${i}: ${count} of ${runs}`);
    });
  });

  it('rejects bad input', () => {
    assert.throws(() => createMaskedLmPredictions([], { vocab: VOCAB, seed: 1 }), /tokens must be a non-empty array/);
    assert.throws(() => createMaskedLmPredictions(['a'], { vocab: [], seed: 1 }), /vocab must be a non-empty array/);
    assert.throws(() => createMaskedLmPredictions(['a'], { vocab: VOCAB, seed: 1.5 }), /seed must be an integer, got 1.5/);
    assert.throws(() => createMaskedLmPredictions(['a'], { vocab: VOCAB, seed: 1, maskedLmProb: 0 }), /maskedLmProb must be in \(0, 1\], got 0/);
    assert.throws(() => createMaskedLmPredictions(['a'], { vocab: VOCAB, seed: 1, maxPredictions: 0 }), /maxPredictions must be a positive integer, got 0/);
  });
});
