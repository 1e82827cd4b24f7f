/**
 * BERT's masked-language-model (MLM) input corruption, as in google-research/bert's
 * create_pretraining_data.py (create_masked_lm_predictions, without whole-word masking).
 *
 *   numToPredict = min(maxPredictions, max(1, round(len(tokens) · 0.15)))
 *     (len counts [CLS] and [SEP]; round is Python's, halves go to the even integer)
 *   Shuffle the candidate positions (every position except [CLS] / [SEP]) and take
 *   the first numToPredict. For each chosen position:
 *     80%: replace with [MASK]
 *     10%: replace with a random vocabulary word
 *     10%: keep the original token
 *   The label at each chosen position is the original token; the model is
 *   trained to predict it from the corrupted sequence.
 *
 * Why not always [MASK]? [MASK] never appears at fine-tuning time; the random
 * and unchanged 10%s make the model keep a good representation of every token.
 *
 * Randomness comes from mulberry32, a tiny 32-bit seeded generator, so the same
 * seed always gives the same masking. PyTorch has no equivalent function; Hugging
 * Face's DataCollatorForLanguageModeling does the 80/10/10 per token instead.
 */

export const CLS = '[CLS]';
export const SEP = '[SEP]';
export const MASK = '[MASK]';

export interface MaskingOptions {
  /** Words to draw the random 10% replacements from. */
  vocab: string[];
  /** Seed for mulberry32: the same seed gives the same result. */
  seed: number;
  /** Fraction of tokens to predict; BERT uses 0.15. */
  maskedLmProb?: number;
  /** Upper bound on predictions per sequence; BERT's max_predictions_per_seq, 20 for length 128. */
  maxPredictions?: number;
}

export interface MaskedExample {
  /** The corrupted input sequence, same length as the original. */
  tokens: string[];
  /** Chosen positions in increasing order. */
  positions: number[];
  /** Original token at each chosen position (what the model must predict). */
  labels: string[];
}

/**
 * mulberry32: returns a function giving uniform floats in [0, 1). Each call adds a
 * constant to the 32-bit state and scrambles it with multiply/xor-shift steps.
 * Small and fast; fine for data shuffling, not for cryptography.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Python 3's round(): ties go to the even integer (round(4.5) = 4, Math.round(4.5) = 5). */
export function roundHalfToEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** min(maxPredictions, max(1, round(length · maskedLmProb))), as in BERT. */
export function numberToPredict(length: number, maskedLmProb = 0.15, maxPredictions = 20): number {
  return Math.min(maxPredictions, Math.max(1, roundHalfToEven(length * maskedLmProb)));
}

/** Chooses and corrupts positions of `tokens`; see the header for the rules. */
export function createMaskedLmPredictions(tokens: string[], options: MaskingOptions): MaskedExample {
  const maskedLmProb = options.maskedLmProb ?? 0.15;
  const maxPredictions = options.maxPredictions ?? 20;
  if (!Array.isArray(tokens) || tokens.length === 0) throw new Error('tokens must be a non-empty array of strings');
  if (!Array.isArray(options.vocab) || options.vocab.length === 0) throw new Error('vocab must be a non-empty array of strings');
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  if (!(maskedLmProb > 0 && maskedLmProb <= 1)) throw new Error(`maskedLmProb must be in (0, 1], got ${maskedLmProb}`);
  if (!Number.isInteger(maxPredictions) || maxPredictions < 1) {
    throw new Error(`maxPredictions must be a positive integer, got ${maxPredictions}`);
  }

  const random = mulberry32(options.seed);
  const candidates = tokens.map((_, i) => i).filter((i) => tokens[i] !== CLS && tokens[i] !== SEP);
  shuffleInPlace(candidates, random);
  const chosen = candidates.slice(0, numberToPredict(tokens.length, maskedLmProb, maxPredictions));

  const output = [...tokens];
  for (const position of chosen) {
    if (random() < 0.8) {
      output[position] = MASK;
    } else if (random() < 0.5) {
      // Keep the original token: output[position] is already tokens[position].
    } else {
      output[position] = options.vocab[Math.floor(random() * options.vocab.length)];
    }
  }
  const positions = [...chosen].sort((a, b) => a - b);
  return { tokens: output, positions, labels: positions.map((i) => tokens[i]) };
}

/** Fisher–Yates shuffle from the end, like Python's random.shuffle. */
function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

if (require.main === module) {
  const sentence = '[CLS] the cat sat on the mat because it was tired [SEP] it fell asleep quickly [SEP]';
  const tokens = sentence.split(' ');
  const vocab = ['dog', 'ran', 'blue', 'house', 'slowly', 'tree'];
  const example = createMaskedLmPredictions(tokens, { vocab, seed: 42 });
  console.log(`length ${tokens.length} → numToPredict = ${numberToPredict(tokens.length)}`);
  console.log('original :', tokens.join(' '));
  console.log('corrupted:', example.tokens.join(' '));
  console.log('positions:', example.positions, 'labels:', example.labels);
}
