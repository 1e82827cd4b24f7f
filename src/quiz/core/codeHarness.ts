// Code exercises: turns golden PyTorch data (snippets/golden/*.json) into test cases, appends a harness to the
// learner's source that runs each case and prints one JSON line per case behind a unique marker, and reads those
// lines back into CaseRuns for codeGrading. vscode-free; the run itself goes through the SnippetRunner.
import * as l10n from '@vscode/l10n';
import type { ExerciseId } from './kinds/code';
import { gradeCodeCases, type CaseRun, type CodeGrade, type NumberTree, type Tolerance } from './codeGrading';

/** Golden data is float64, so the comparison can be much tighter than for float32. */
export const EXERCISE_TOLERANCE: Tolerance = { absolute: 1e-6, relative: 1e-6 };

export interface HarnessCase {
  name: string;
  /** Plain JSON handed to the learner's code. */
  input: unknown;
  /** Values to compare, by label (the label the harness prints the value under). */
  expected: { label: string; value: NumberTree }[];
}

/** The golden file each exercise is checked against. */
export const EXERCISE_GOLDEN: Record<ExerciseId, string> = {
  batchnorm: 'batchnorm',
  layernorm: 'layernorm',
  'attention-causal': 'attention',
};

/** JavaScript (also valid TypeScript) that maps one case's input to `{ label: value }`, calling the learner's export. */
const CALLS: Record<ExerciseId, string> = {
  layernorm: `(c) => ({ output: layerNorm(c.x, c.gamma, c.beta, c.eps) })`,
  'attention-causal': `(c) => {
    const r = scaledDotProductAttention(c.q, c.k, c.v, { causal: c.causal });
    return { output: r && r.output, weights: r && r.weights };
  }`,
  batchnorm: `(c) => {
    const bn = new BatchNorm1d(c.numFeatures, c.options);
    bn.gamma = c.gamma;
    bn.beta = c.beta;
    const out = {};
    c.steps.forEach((s, i) => {
      bn.training = s.training;
      out['step ' + (i + 1) + ' y'] = bn.forward(s.x);
      out['step ' + (i + 1) + ' runningMean'] = Array.isArray(bn.runningMean) ? [...bn.runningMean] : bn.runningMean;
      out['step ' + (i + 1) + ' runningVar'] = Array.isArray(bn.runningVar) ? [...bn.runningVar] : bn.runningVar;
    });
    return out;
  }`,
};

type Matrix = number[][];
const dims = (matrix: Matrix) => `[${matrix.length}][${matrix[0]?.length ?? 0}]`;

/** Which golden attention cases to use: both mask modes, several shapes. */
const ATTENTION_CASES = [2, 3, 4, 5, 9];

/** A handful of cases per exercise, named so a failure says which input it was. */
export function exerciseCases(exercise: ExerciseId, golden: unknown): HarnessCase[] {
  const cases = (golden as { cases: Record<string, unknown>[] }).cases;
  switch (exercise) {
    case 'layernorm':
      return cases.map((c) => ({
        name: `x ${dims(c.x as Matrix)}, eps ${String(c.eps)}`,
        input: { x: c.x, gamma: c.gamma, beta: c.beta, eps: c.eps },
        expected: [{ label: 'output', value: c.expected as NumberTree }],
      }));
    case 'attention-causal':
      return ATTENTION_CASES.filter((index) => index < cases.length).map((index) => {
        const c = cases[index];
        return {
          name: `q ${dims(c.q as Matrix)}, k ${dims(c.k as Matrix)}, v ${dims(c.v as Matrix)}${c.causal ? ', causal' : ''}`,
          input: { q: c.q, k: c.k, v: c.v, causal: c.causal },
          expected: [
            { label: 'output', value: c.output as NumberTree },
            { label: 'weights', value: c.weights as NumberTree },
          ],
        };
      });
    case 'batchnorm':
      return cases.map((c) => {
        const steps = c.steps as { training: boolean; x: Matrix; expected: Matrix; runningMean: number[]; runningVar: number[] }[];
        const options = c.options as Record<string, number>;
        const optionTexts = Object.entries(options).map(([key, value]) => `${key} ${value}`);
        const modes = steps.map((step) => (step.training ? 'train' : 'eval')).join('→');
        return {
          name: [(c.numFeatures === 1 ? l10n.t('1 feature') : l10n.t('{0} features', String(c.numFeatures))), ...optionTexts, modes].join(', '),
          input: { numFeatures: c.numFeatures, options, gamma: c.gamma, beta: c.beta, steps: steps.map(({ training, x }) => ({ training, x })) },
          expected: steps.flatMap((step, index) => [
            { label: `step ${index + 1} y`, value: step.expected },
            { label: `step ${index + 1} runningMean`, value: step.runningMean },
            { label: `step ${index + 1} runningVar`, value: step.runningVar },
          ]),
        };
      });
  }
}

export interface Harness {
  /** The learner's source with the harness appended; run it as one program. */
  source: string;
  marker: string;
  cases: HarnessCase[];
  /** Lines of the learner's own source: stack frames beyond it point into the harness. */
  userLines: number;
}

/** Appends the harness; `marker` must be unguessable by the learner's code (e.g. random hex). */
export function buildHarness(exercise: ExerciseId, userSource: string, cases: readonly HarnessCase[], marker: string): Harness {
  const inputs = JSON.stringify(cases.map((c) => c.input));
  const harness = `
;{
  // ML Interview quiz check: runs each case and prints its result on one line.
  const __mlipMarker = ${JSON.stringify(marker)};
  const __mlipCall = ${CALLS[exercise]};
  const __mlipJson = (value) => JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? { $number: String(v) } : v));
  const __mlipInputs = ${inputs};
  for (let __mlipIndex = 0; __mlipIndex < __mlipInputs.length; __mlipIndex++) {
    let __mlipLine;
    try {
      __mlipLine = __mlipJson({ index: __mlipIndex, outputs: __mlipCall(__mlipInputs[__mlipIndex]) });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      __mlipLine = __mlipJson({ index: __mlipIndex, error: e.name + ': ' + e.message, stack: String(e.stack || '') });
    }
    console.log(__mlipMarker + __mlipLine);
  }
}
`;
  return { source: `${userSource}\n${harness}`, marker, cases: [...cases], userLines: userSource.split('\n').length };
}

/** How the run ended, as far as the harness output needs it (the SnippetRunner's RunResult fits). */
export interface HarnessRunResult {
  status: 'ok' | 'error' | 'timeout' | 'memory' | 'exit' | 'cancelled';
  message?: string;
  line?: number;
}

interface CaseLine {
  index: number;
  outputs?: Record<string, unknown>;
  error?: string;
  stack?: string;
}

function reviveNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '$number' in value && Object.keys(value).length === 1) return Number((value as { $number: string }).$number);
  return value;
}

/** The first line of the learner's own source in a stack trace (frames in the harness or elsewhere are skipped). */
export function lineInUserSource(stack: string, fileName: string, userLines: number): number | undefined {
  for (const frame of stack.split('\n')) {
    const at = frame.lastIndexOf(`${fileName}:`);
    if (at < 0) continue;
    const match = /^(\d+):\d+/.exec(frame.slice(at + fileName.length + 1));
    const line = match ? Number(match[1]) : undefined;
    if (line !== undefined && line <= userLines) return line;
  }
  return undefined;
}

function whyNotRun(run: HarnessRunResult, first: boolean): string {
  switch (run.status) {
    case 'timeout':
      return first
        ? l10n.t('did not finish: stopped at the time limit (setting mlInterview.run.timeoutSeconds)')
        : l10n.t('not run: an earlier case did not finish');
    case 'error': {
      const failure = run.message ?? l10n.t('unknown error');
      return run.line !== undefined
        ? l10n.t('not run: the program failed first: {0} (line {1})', failure, run.line)
        : l10n.t('not run: the program failed first: {0}', failure);
    }
    case 'memory':
      return l10n.t('not run: the program ran out of memory');
    case 'exit':
      // The runner's message completes "the program …", e.g. "exited with code 2".
      return l10n.t('not run: the program {0} before this case', run.message ?? l10n.t('exited'));
    case 'cancelled':
      return l10n.t('not run: the check was stopped');
    case 'ok':
      return l10n.t('not run: the check printed no result for it');
  }
}

/** Reads the marker lines of the run's output back into one CaseRun per case, in case order. */
export function parseHarnessOutput(output: string, harness: Harness, run: HarnessRunResult, fileName: string): CaseRun[] {
  const lines = new Map<number, CaseLine>();
  for (const text of output.split('\n')) {
    const start = text.indexOf(harness.marker);
    if (start < 0) continue;
    try {
      const parsed = JSON.parse(text.slice(start + harness.marker.length), reviveNumbers) as CaseLine;
      if (Number.isInteger(parsed.index) && !lines.has(parsed.index)) lines.set(parsed.index, parsed);
    } catch {
      // A line cut by the output limit: the case counts as not run.
    }
  }
  let firstMissing = true;
  return harness.cases.map((c, index): CaseRun => {
    const line = lines.get(index);
    if (!line) {
      const failure = whyNotRun(run, firstMissing);
      firstMissing = false;
      return { name: c.name, checks: [], failure };
    }
    if (line.error !== undefined) {
      const at = line.stack ? lineInUserSource(line.stack, fileName, harness.userLines) : undefined;
      return { name: c.name, checks: [], error: at !== undefined ? l10n.t('{0} (line {1})', line.error, at) : line.error };
    }
    const outputs = line.outputs ?? {};
    return { name: c.name, checks: c.expected.map((expected) => ({ label: expected.label, actual: outputs[expected.label], expected: expected.value })) };
  });
}

/** Parses and grades in one step, with the exercise tolerance. */
export function gradeHarnessRun(output: string, harness: Harness, run: HarnessRunResult, fileName: string): CodeGrade {
  return gradeCodeCases(parseHarnessOutput(output, harness, run, fileName), EXERCISE_TOLERANCE);
}
