// Grades a code exercise: compares what the learner's function returned with the golden PyTorch values, case by
// case, and explains each failure in one line ("output[1][2] = 0.5, expected 0.25 (|diff| 0.25 > 1e-6)").
import * as l10n from '@vscode/l10n';
import { Rating, type Grade } from 'ts-fsrs';

export type NumberTree = number | readonly NumberTree[];

/** A value passes when |actual − expected| ≤ absolute + relative·|expected| (the rule of torch.allclose). */
export interface Tolerance {
  absolute: number;
  relative: number;
}

/** Loose enough for float32 golden data computed by PyTorch, tight enough to catch a wrong variance or mask. */
export const DEFAULT_TOLERANCE: Tolerance = { absolute: 1e-5, relative: 1e-5 };

export interface OutputCheck {
  /** How the value is named in messages, e.g. "output", "weights", "runningVar". */
  label: string;
  actual: unknown;
  expected: NumberTree;
}

export interface CaseRun {
  name: string;
  /** The outputs to compare; ignored when the code threw. */
  checks: OutputCheck[];
  /** Set when the learner's code threw instead of returning. */
  error?: unknown;
  /** Set when the case did not run to the end for another reason (a time limit); used as the reason verbatim. */
  failure?: string;
}

export interface CaseResult {
  name: string;
  passed: boolean;
  /** Why it failed; "ok" when it passed. */
  reason: string;
}

export interface CodeGrade {
  results: CaseResult[];
  passedCount: number;
  /** All cases pass → Good; any failure → Again. */
  rating: Grade;
}

/** Short, readable numbers: 6 significant digits, exponent form below 1e-4. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(6));
  return rounded !== 0 && Math.abs(rounded) < 1e-4 ? rounded.toExponential() : String(rounded);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return l10n.t('an array of {0}', value.length);
  if (value === null) return 'null';
  if (typeof value === 'number') return formatNumber(value);
  return typeof value === 'string' ? l10n.t('the string {0}', JSON.stringify(value)) : `${typeof value}`;
}

/** Shape read along first elements, e.g. [2, 4]; [] for a non-array. */
function shapeOf(value: unknown): number[] {
  const shape: number[] = [];
  let current = value;
  while (Array.isArray(current)) {
    shape.push(current.length);
    current = current[0];
  }
  return shape;
}

const formatShape = (shape: readonly number[]) => (shape.length === 0 ? l10n.t('a scalar') : shape.map((size) => `[${size}]`).join(''));

function numbersClose(actual: number, expected: number, tolerance: Tolerance): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tolerance.absolute + tolerance.relative * Math.abs(expected);
}

/** Every mismatch in a tree of numbers, each as one readable line, in reading order. */
function* mismatches(path: string, actual: unknown, expected: NumberTree, tolerance: Tolerance): Generator<string> {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') {
      yield l10n.t('{0} is {1}, expected the number {2}', path, describeValue(actual), formatNumber(expected));
    } else if (!numbersClose(actual, expected, tolerance)) {
      const allowed = tolerance.absolute + tolerance.relative * Math.abs(expected);
      const diff = actual - expected;
      yield Number.isFinite(diff)
        ? l10n.t('{0} = {1}, expected {2} (|diff| {3} > {4})', path, formatNumber(actual), formatNumber(expected), formatNumber(Math.abs(diff)), formatNumber(allowed))
        : l10n.t('{0} = {1}, expected {2}', path, formatNumber(actual), formatNumber(expected));
    }
    return;
  }
  if (!Array.isArray(actual) || actual.length !== expected.length) {
    yield l10n.t('{0} is {1}, expected an array of {2}', path, describeValue(actual), expected.length);
    return;
  }
  for (let index = 0; index < expected.length; index += 1) {
    yield* mismatches(`${path}[${index}]`, actual[index], expected[index], tolerance);
  }
}

/** Undefined when `actual` matches; otherwise why not (a shape message first, then the first differing value). */
export function compareOutput(check: OutputCheck, tolerance: Tolerance = DEFAULT_TOLERANCE): string | undefined {
  const actualShape = shapeOf(check.actual);
  const expectedShape = shapeOf(check.expected);
  if (actualShape.join() !== expectedShape.join()) {
    return l10n.t('{0} has shape {1}, expected {2}', check.label, formatShape(actualShape), formatShape(expectedShape));
  }
  const found = [...mismatches(check.label, check.actual, check.expected, tolerance)];
  if (found.length === 0) return undefined;
  if (found.length === 1) return found[0];
  return found.length === 2
    ? l10n.t('{0}; 1 more value differs', found[0])
    : l10n.t('{0}; {1} more values differ', found[0], found.length - 1);
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return l10n.t('threw an error: {0}', message);
}

export function gradeCodeCases(runs: readonly CaseRun[], tolerance: Tolerance = DEFAULT_TOLERANCE): CodeGrade {
  const results = runs.map((run): CaseResult => {
    if (run.failure !== undefined) return { name: run.name, passed: false, reason: run.failure };
    if (run.error !== undefined) return { name: run.name, passed: false, reason: describeError(run.error) };
    const reasons = run.checks.map((check) => compareOutput(check, tolerance)).filter((reason): reason is string => reason !== undefined);
    return { name: run.name, passed: reasons.length === 0, reason: reasons.length === 0 ? 'ok' : reasons.join('; ') };
  });
  const passedCount = results.filter((result) => result.passed).length;
  const allPassed = results.length > 0 && passedCount === results.length;
  return { results, passedCount, rating: allPassed ? Rating.Good : Rating.Again };
}
