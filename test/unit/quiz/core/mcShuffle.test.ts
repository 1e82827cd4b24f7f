import assert from 'node:assert/strict';
import { gradeMultipleChoice, seededShuffle, shuffleOptions } from '../../../../src/quiz/core/mcShuffle';
import { Rating } from '../../../../src/quiz/core/scheduler';

const options = [
  { label: 'A', correct: false },
  { label: 'B', correct: true },
  { label: 'C', correct: false },
  { label: 'D', correct: false },
];

describe('multiple choice', () => {
  it('shuffles the same way for the same seed and keeps every option once', () => {
    const first = shuffleOptions(options, 'bn-vs-ln/mc-momentum:0');
    const again = shuffleOptions(options, 'bn-vs-ln/mc-momentum:0');
    assert.deepEqual(first, again);
    assert.deepEqual([...first.originalIndices].sort(), [0, 1, 2, 3]);
    assert.deepEqual(
      first.options,
      first.originalIndices.map((index) => options[index]),
    );
    assert.equal(first.options[first.correctIndex].label, 'B');
  });

  it('does not modify the input', () => {
    const items = [1, 2, 3, 4, 5];
    seededShuffle(items, 'x');
    assert.deepEqual(items, [1, 2, 3, 4, 5]);
  });

  it('puts the correct option in every position across seeds', () => {
    const positions = new Map<number, number>();
    for (let review = 0; review < 400; review += 1) {
      const { correctIndex } = shuffleOptions(options, `card:${review}`);
      positions.set(correctIndex, (positions.get(correctIndex) ?? 0) + 1);
    }
    assert.deepEqual([...positions.keys()].sort(), [0, 1, 2, 3]);
    for (const count of positions.values()) assert.ok(count > 60, `position counts ${[...positions.values()].join(', ')}`);
  });

  it('grades right as Good and wrong as Again', () => {
    const shuffled = shuffleOptions(options, 'seed');
    assert.deepEqual(gradeMultipleChoice(shuffled, shuffled.correctIndex), { correct: true, rating: Rating.Good, correctIndex: shuffled.correctIndex });
    const wrong = (shuffled.correctIndex + 1) % options.length;
    assert.deepEqual(gradeMultipleChoice(shuffled, wrong), { correct: false, rating: Rating.Again, correctIndex: shuffled.correctIndex });
  });
});
