// Values of practice-problem cases: the ENC encoding of cases.json (and of the Python harness's results), decoded
// into plain JavaScript values, and the tolerance-aware comparison of a learner's result with the expected ENC.
// vscode-free.
import * as l10n from '@vscode/l10n';

/** A number for a message: six significant digits, exponent form for tiny magnitudes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(6));
  return rounded !== 0 && Math.abs(rounded) < 1e-4 ? rounded.toExponential() : String(rounded);
}

export type TensorDtype = 'float64' | 'int64' | 'bool';

/** A tensor: nested lists of numbers (NaN/±Infinity as the strings "NaN", "Infinity", "-Infinity") or booleans. */
export interface EncTensor {
  tensor: unknown;
  dtype: TensorDtype;
  shape: number[];
}

/** Several results, in order: a TypeScript object's keys, a Python tuple's positions. */
export interface EncFields {
  fields: [string, Enc][];
}

/** A list of values that is not a tensor (e.g. BPE merges: a list of pairs of strings). */
export interface EncList {
  list: Enc[];
}

/** Only in the Python harness's results: a tuple whose length does not match the expected fields. */
export interface EncTuple {
  tuple: Enc[];
}

export type Enc = number | boolean | string | null | EncTensor | EncFields | EncList | EncTuple;

/** A Python tuple of the wrong length, kept apart from a list so the message can say "tuple". */
export class ResultTuple {
  constructor(readonly items: unknown[]) {}
}

export interface Tolerance {
  /** Absolute tolerance: |a − e| ≤ atol + rtol·|e|. */
  atol: number;
  rtol: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { atol: 1e-6, rtol: 1e-6 };

/** How several results are returned, for messages: a TypeScript object or a Python tuple. */
export type ResultStyle = 'object' | 'tuple';

export interface Comparison {
  passed: boolean;
  /** Why it failed, one line; empty when it passed. */
  message: string;
  /** Both values formatted the same way, for a diff. */
  expectedText: string;
  actualText: string;
}

const SPECIAL_NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

export function isTensor(value: unknown): value is EncTensor {
  return typeof value === 'object' && value !== null && 'tensor' in value && 'dtype' in value && 'shape' in value;
}

export function isFields(value: unknown): value is EncFields {
  return typeof value === 'object' && value !== null && 'fields' in value && Array.isArray((value as EncFields).fields);
}

export function isList(value: unknown): value is EncList {
  return typeof value === 'object' && value !== null && 'list' in value && Array.isArray((value as EncList).list);
}

function isTuple(value: unknown): value is EncTuple {
  return typeof value === 'object' && value !== null && 'tuple' in value && Array.isArray((value as EncTuple).tuple);
}

/** ENC → JavaScript: tensors as nested arrays (a 0-d tensor as a number), fields as an object, lists as arrays. */
export function decodeValue(enc: Enc): unknown {
  if (isTensor(enc)) return decodeTensorData(enc.tensor);
  if (isFields(enc)) return Object.fromEntries(enc.fields.map(([key, value]) => [key, decodeValue(value)]));
  if (isList(enc)) return enc.list.map(decodeValue);
  if (isTuple(enc)) return new ResultTuple(enc.tuple.map(decodeValue));
  return enc;
}

function decodeTensorData(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(decodeTensorData);
  if (typeof data === 'string' && data in SPECIAL_NUMBERS) return SPECIAL_NUMBERS[data];
  return data;
}

/** "4×8"; a scalar's shape is "a scalar". */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? l10n.t('a scalar') : shape.join('×');
}

/** Number formatting for diffs: 10 significant digits, so values that differ beyond the tolerance look different. */
function diffNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

/** A value as text for a diff: arrays one row per line, fields one per line, both sides formatted alike. */
export function formatValue(value: unknown, indent = ''): string {
  if (value instanceof ResultTuple) return `(${value.items.map((item) => formatValue(item, indent)).join(', ')})`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => !Array.isArray(item))) return `[${value.map((item) => formatValue(item, indent)).join(', ')}]`;
    return `[${value.map((item) => formatValue(item, `${indent} `)).join(`,\n${indent} `)}]`;
  }
  if (typeof value === 'number') return diffNumber(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}: ${formatValue(item, indent)}`)
      .join('\n');
  }
  return String(value);
}

/** What a value is, in words, for "expected …, got …". */
function describe(value: unknown): string {
  if (value === undefined) return l10n.t('nothing (undefined)');
  if (value === null) return 'null';
  if (value instanceof ResultTuple) return l10n.t('a tuple of {0}', value.items.length);
  if (Array.isArray(value)) {
    const shape = shapeOf(value);
    return shape ? l10n.t('an array of shape {0}', formatShape(shape)) : l10n.t('a ragged array (rows of different lengths)');
  }
  if (typeof value === 'number') return l10n.t('the number {0}', formatNumber(value));
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return l10n.t('the string {0}', JSON.stringify(value));
  if (typeof value === 'object') return l10n.t('an object with keys {0}', Object.keys(value).join(', ') || '—');
  return typeof value;
}

/** The shape of a rectangular nested array, undefined when ragged. */
function shapeOf(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return [];
  if (value.length === 0) return [0];
  const inner = value.map(shapeOf);
  const first = inner[0];
  if (!first || inner.some((shape) => !shape || shape.join() !== first.join())) return undefined;
  return [value.length, ...first];
}

const indexText = (index: readonly number[]) => index.map((i) => `[${i}]`).join('');

function* leaves(value: unknown, index: number[] = []): Generator<[number[], unknown]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* leaves(value[i], [...index, i]);
  } else {
    yield [index, value];
  }
}

function numbersClose(actual: number, expected: number, tolerance: Tolerance): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tolerance.atol + tolerance.rtol * Math.abs(expected);
}

interface CompareContext {
  tolerance: Tolerance;
  style: ResultStyle;
}

/** Undefined when `actual` matches `expected`; otherwise why not. `label` names the value ("result", a key). */
function mismatch(label: string, actual: unknown, expected: Enc, context: CompareContext): string | undefined {
  if (isFields(expected)) return fieldsMismatch(label, actual, expected, context);
  if (isList(expected)) {
    if (!Array.isArray(actual)) return l10n.t('{0}: expected a list of {1} items, got {2}', label, expected.list.length, describe(actual));
    if (actual.length !== expected.list.length) {
      return l10n.t('{0}: expected a list of {1} items, got {2}', label, expected.list.length, actual.length);
    }
    for (let i = 0; i < actual.length; i++) {
      const found = mismatch(`${label}[${i}]`, actual[i], expected.list[i], context);
      if (found) return found;
    }
    return undefined;
  }
  if (isTensor(expected)) return tensorMismatch(label, actual, expected, context);
  if (isTuple(expected)) return l10n.t('{0}: the expected value is malformed', label);
  if (typeof expected === 'number') return tensorMismatch(label, actual, { tensor: expected, dtype: 'float64', shape: [] }, context);
  if (actual === expected) return undefined;
  return l10n.t('{0}: expected {1}, got {2}', label, describe(expected), describe(actual));
}

function fieldsMismatch(label: string, actual: unknown, expected: EncFields, context: CompareContext): string | undefined {
  const names = expected.fields.map(([name]) => name);
  const list = names.join(', ');
  if (actual instanceof ResultTuple) {
    return l10n.t('{0}: expected a tuple of {1} values ({2}), got a tuple of {3}', label, names.length, list, actual.items.length);
  }
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
    return context.style === 'tuple'
      ? l10n.t('{0}: expected a tuple of {1} values ({2}), got {3}', label, names.length, list, describe(actual))
      : l10n.t('{0}: expected an object with keys {1}, got {2}', label, list, describe(actual));
  }
  const record = actual as Record<string, unknown>;
  const problems: string[] = [];
  for (const [name, value] of expected.fields) {
    if (!(name in record) || record[name] === undefined) {
      problems.push(l10n.t('missing key `{0}` (expected keys: {1})', name, list));
      continue;
    }
    const found = mismatch(name, record[name], value, context);
    if (found) problems.push(found);
  }
  return problems.length > 0 ? problems.join('; ') : undefined;
}

function tensorMismatch(label: string, actual: unknown, expected: EncTensor, context: CompareContext): string | undefined {
  const expectedValue = decodeTensorData(expected.tensor);
  const wanted = expected.shape.length === 0 ? l10n.t('a number') : l10n.t('an array of shape {0}', formatShape(expected.shape));
  if (expected.dtype === 'bool' && expected.shape.length === 0) {
    if (typeof actual !== 'boolean') return l10n.t('{0}: expected {1}, got {2}', label, String(expectedValue), describe(actual));
    return actual === expectedValue ? undefined : l10n.t('{0}: expected {1}, got {2}', label, String(expectedValue), String(actual));
  }
  if (expected.shape.length === 0 ? typeof actual !== 'number' : !Array.isArray(actual)) {
    return l10n.t('{0}: expected {1}, got {2}', label, wanted, describe(actual));
  }
  const actualShape = shapeOf(actual);
  if (!actualShape) return l10n.t('{0}: expected {1}, got {2}', label, wanted, describe(actual));
  if (actualShape.join() !== expected.shape.join()) {
    return l10n.t('{0}: shape mismatch: expected {1}, got {2}', label, formatShape(expected.shape), formatShape(actualShape));
  }
  const expectedLeaves = [...leaves(expectedValue)];
  const actualLeaves = [...leaves(actual)];
  let differing = 0;
  let first: { index: number[]; actual: number; expected: number } | undefined;
  let largest = { error: -1, index: [] as number[] };
  let nonFinite: { index: number[]; value: number; expected: number; count: number } | undefined;
  for (let i = 0; i < expectedLeaves.length; i++) {
    const [index, want] = expectedLeaves[i];
    const got = actualLeaves[i][1];
    if (expected.dtype === 'bool') {
      if (typeof got !== 'boolean') return l10n.t('{0}{1} is {2}, expected true or false', label, indexText(index), describe(got));
      if (got !== want) {
        differing++;
        first ??= { index, actual: Number(got), expected: Number(want) };
      }
      continue;
    }
    if (typeof got !== 'number') return l10n.t('{0}{1} is {2}, expected a number', label, indexText(index), describe(got));
    const wantNumber = want as number;
    if (!Number.isFinite(got) && Number.isFinite(wantNumber)) {
      if (nonFinite) nonFinite.count++;
      else nonFinite = { index, value: got, expected: wantNumber, count: 1 };
    }
    if (numbersClose(got, wantNumber, context.tolerance)) continue;
    differing++;
    first ??= { index, actual: got, expected: wantNumber };
    const error = Math.abs(got - wantNumber);
    if (Number.isFinite(error) && error > largest.error) largest = { error, index };
  }
  if (nonFinite) {
    const where = indexText(nonFinite.index);
    const what = String(nonFinite.value);
    return nonFinite.count === 1
      ? l10n.t('{0}: {1} at {2} (expected {3})', label, what, where || l10n.t('the value'), formatNumber(nonFinite.expected))
      : l10n.t('{0}: {1} at {2} (expected {3}); {4} values are NaN or infinite', label, what, where, formatNumber(nonFinite.expected), nonFinite.count);
  }
  if (!first) return undefined;
  if (expected.dtype === 'bool') {
    return l10n.t('{0}: {1} of {2} values differ; first at {3}: got {4}, expected {5}', label, differing, expectedLeaves.length, indexText(first.index), String(Boolean(first.actual)), String(Boolean(first.expected)));
  }
  const tolerance = l10n.t('tolerance {0} + {1}·|expected|', formatNumber(context.tolerance.atol), formatNumber(context.tolerance.rtol));
  if (expected.shape.length === 0) {
    return l10n.t('{0}: got {1}, expected {2}; absolute error {3} ({4})', label, formatNumber(first.actual), formatNumber(first.expected), formatNumber(Math.abs(first.actual - first.expected)), tolerance);
  }
  return l10n.t(
    '{0}: {1} of {2} values differ; first at {3}: got {4}, expected {5}; largest absolute error {6} at {7} ({8})',
    label,
    differing,
    expectedLeaves.length,
    indexText(first.index),
    formatNumber(first.actual),
    formatNumber(first.expected),
    largest.error >= 0 ? formatNumber(largest.error) : String(Infinity),
    indexText(largest.error >= 0 ? largest.index : first.index),
    tolerance,
  );
}

/** Compares a learner's result (plain JavaScript, or a decoded Python result) with the expected ENC. */
export function compareValue(actual: unknown, expected: Enc, options: { tolerance?: Tolerance; style?: ResultStyle } = {}): Comparison {
  const context: CompareContext = { tolerance: options.tolerance ?? DEFAULT_TOLERANCE, style: options.style ?? 'object' };
  const message = mismatch(l10n.t('result'), actual, expected, context) ?? '';
  return { passed: message === '', message, expectedText: formatValue(decodeValue(expected)), actualText: formatValue(actual) };
}
