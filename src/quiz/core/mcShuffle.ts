// Multiple choice: a deterministic shuffle (same seed, same order — so a reopened panel shows the same question
// the same way) and grading of the chosen option into a scheduling rating (wrong = Again, right = Good).
import { Rating, type Grade } from 'ts-fsrs';

/** FNV-1a: turns the seed text into a 32-bit start value for the generator. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index += 1) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, well-mixed 32-bit generator; returns numbers in [0, 1). */
function randomSequence(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded generator; the input is not modified. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const shuffled = [...items];
  const random = randomSequence(seed);
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]];
  }
  return shuffled;
}

export interface ShuffledChoices<T> {
  /** The options in display order. */
  options: T[];
  /** For each displayed option, its index in the card file. */
  originalIndices: number[];
  correctIndex: number;
}

/** Shuffles a card's options; a seed such as `${cardId}:${reps}` changes the order from one review to the next. */
export function shuffleOptions<T extends { correct: boolean }>(options: readonly T[], seed: string): ShuffledChoices<T> {
  const originalIndices = seededShuffle(
    options.map((_, index) => index),
    seed,
  );
  const shuffled = originalIndices.map((index) => options[index]);
  return { options: shuffled, originalIndices, correctIndex: shuffled.findIndex((option) => option.correct) };
}

export interface McGrade {
  correct: boolean;
  rating: Grade;
  correctIndex: number;
}

/** Grades the option chosen (an index into the displayed order). */
export function gradeMultipleChoice(choices: Pick<ShuffledChoices<unknown>, 'correctIndex'>, chosenIndex: number): McGrade {
  const correct = chosenIndex === choices.correctIndex;
  return { correct, rating: correct ? Rating.Good : Rating.Again, correctIndex: choices.correctIndex };
}
