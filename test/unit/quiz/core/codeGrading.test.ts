import assert from 'node:assert/strict';
import { compareOutput, formatNumber, gradeCodeCases } from '../../../../src/quiz/core/codeGrading';
import { Rating } from '../../../../src/quiz/core/scheduler';

const strict = { absolute: 1e-6, relative: 0 };
const expected = [
  [1, 2, 3],
  [4, 5, 0.25],
];

describe('code grading', () => {
  it('passes values within the tolerance', () => {
    assert.equal(compareOutput({ label: 'output', actual: [[1, 2, 3], [4, 5, 0.2500004]], expected }, strict), undefined);
  });

  it('names the first differing value with the difference and the tolerance', () => {
    const reason = compareOutput({ label: 'output', actual: [[1, 2, 3], [4, 5, 0.5]], expected }, strict);
    assert.equal(reason, 'output[1][2] = 0.5, expected 0.25 (|diff| 0.25 > 1e-6)');
  });

  it('counts further differences', () => {
    const reason = compareOutput({ label: 'y', actual: [[0, 2, 3], [4, 0, 0]], expected }, strict);
    assert.equal(reason, 'y[0][0] = 0, expected 1 (|diff| 1 > 1e-6); 2 more values differ');
  });

  it('reports a wrong shape before any value', () => {
    assert.equal(compareOutput({ label: 'output', actual: [[1, 2, 3, 4], [4, 5, 6, 7]], expected: [[1, 2, 3], [4, 5, 6]] }), 'output has shape [2][4], expected [2][3]');
    assert.equal(compareOutput({ label: 'output', actual: 3, expected: [1] }), 'output has shape a scalar, expected [1]');
  });

  it('reports ragged rows and values that are not numbers', () => {
    assert.equal(compareOutput({ label: 'w', actual: [[1, 2, 3], [4, 5]], expected }), 'w[1] is an array of 2, expected an array of 3');
    assert.equal(compareOutput({ label: 'w', actual: [[1, 2, 3], [4, 5, 'x']], expected }), 'w[1][2] is the string "x", expected the number 0.25');
    assert.equal(compareOutput({ label: 'w', actual: [[1, 2, 3], [4, 5, undefined]], expected }), 'w[1][2] is undefined, expected the number 0.25');
    assert.equal(compareOutput({ label: 'w', actual: [[1, 2, 3], [4, 5, Number.NaN]], expected }), 'w[1][2] = NaN, expected 0.25');
  });

  it('treats NaN and infinities as equal only to themselves', () => {
    assert.equal(compareOutput({ label: 'v', actual: [Number.NaN, -Infinity], expected: [Number.NaN, -Infinity] }), undefined);
    assert.equal(compareOutput({ label: 'v', actual: [1, -Infinity], expected: [Number.NaN, Infinity] }), 'v[0] = 1, expected NaN; 1 more value differs');
  });

  it('uses a relative tolerance for large values', () => {
    assert.equal(compareOutput({ label: 'v', actual: [1000.005], expected: [1000] }), undefined);
    assert.equal(compareOutput({ label: 'v', actual: [1000.02], expected: [1000] }), 'v[0] = 1000.02, expected 1000 (|diff| 0.02 > 0.01001)');
  });

  it('grades all passing cases as Good and any failure as Again, saying which case failed and why', () => {
    const passing = { name: 'training batch', checks: [{ label: 'output', actual: expected, expected }] };
    assert.deepEqual(gradeCodeCases([passing]), {
      results: [{ name: 'training batch', passed: true, reason: 'ok' }],
      passedCount: 1,
      rating: Rating.Good,
    });
    const grade = gradeCodeCases([
      passing,
      { name: 'eval mode', checks: [{ label: 'output', actual: expected, expected }, { label: 'runningVar', actual: [1, 1], expected: [1, 2] }] },
      { name: 'starter', checks: [], error: new Error('Not implemented yet') },
    ]);
    assert.deepEqual(grade.results.slice(1), [
      { name: 'eval mode', passed: false, reason: 'runningVar[1] = 1, expected 2 (|diff| 1 > 3e-5)' },
      { name: 'starter', passed: false, reason: 'threw an error: Not implemented yet' },
    ]);
    assert.equal(grade.passedCount, 1);
    assert.equal(grade.rating, Rating.Again);
    assert.equal(gradeCodeCases([]).rating, Rating.Again, 'no cases is not a pass');
  });

  it('formats numbers compactly', () => {
    assert.deepEqual([0.1 + 0.2, 1e-6, 1.25e-5, 123456789, -0.5, Infinity].map(formatNumber), ['0.3', '1e-6', '1.25e-5', '123457000', '-0.5', 'Infinity']);
  });
});
