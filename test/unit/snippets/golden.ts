/**
 * Helpers for checking snippets against the PyTorch golden files in snippets/golden/
 * (written by scripts/golden/generate.py).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SNIPPETS_DIR = path.resolve(__dirname, '../../../snippets');

/** Reads snippets/golden/<name>.json; the caller states the shape it expects. */
export function loadGolden<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(SNIPPETS_DIR, 'golden', `${name}.json`), 'utf8')) as T;
}

/**
 * Tolerance: 1e-9 absolute for |expected| ≤ 1, and 1e-9 relative above that
 * (|actual − expected| ≤ 1e-9 · max(1, |expected|)), because float64 rounding
 * error grows with the magnitude (e.g. running variances of ~100).
 */
export const TOLERANCE = 1e-9;

/** Deep comparison of numbers / arrays of numbers within TOLERANCE; `where` names the value in failures. */
export function assertClose(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${where}: expected a number, got ${typeof actual}`);
    const error = Math.abs((actual as number) - expected);
    assert.ok(
      error <= TOLERANCE * Math.max(1, Math.abs(expected)),
      `${where}: ${String(actual)} differs from PyTorch's ${expected} by ${error}`,
    );
    return;
  }
  assert.ok(Array.isArray(expected), `${where}: golden value must be a number or an array`);
  assert.ok(Array.isArray(actual), `${where}: expected an array, got ${typeof actual}`);
  assert.equal(actual.length, expected.length, `${where}: length`);
  expected.forEach((value, i) => assertClose(actual[i], value, `${where}[${i}]`));
}
