import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProblems, type Problem } from '../../../src/problems/core/problemLoader';
import { builtInProblems, casesOf, checkPy, checkTs, failures, PROBLEMS_DIR } from './helpers';

/** Topic ids of the built-in decks that a problem may name in `topics:`. */
const TOPIC_IDS = new Set(
  `bn-vs-ln self-attention bert-pretraining pre-norm-vs-post-norm gpt-vs-bert speeding-up-bert tokenization
  positional-encoding attention-variants kv-cache flash-attention decoding ffn-activations mixture-of-experts scaling-laws
  model-families long-context speculative-decoding optimizers mixed-precision distributed-training training-memory peft-lora
  rlhf-ppo dpo grpo-reasoning quantization llm-serving rag llm-evaluation hallucination backpropagation initialization
  regularization cnn-basics rnn-lstm loss-functions bias-variance linear-logistic-regression trees-ensembles clustering
  pca-svd evaluation-metrics`.split(/\s+/),
);

/** The problems issue 13 names, with their function names. */
const REQUIRED: Record<string, [string, string]> = {
  softmax: ['softmax', 'softmax'],
  'cross-entropy': ['crossEntropy', 'cross_entropy'],
  rmsnorm: ['rmsNorm', 'rms_norm'],
  rope: ['rope', 'rope'],
  gqa: ['groupedQueryAttention', 'grouped_query_attention'],
  'kv-cache': ['decodeWithKvCache', 'decode_with_kv_cache'],
  'top-p': ['topPFilter', 'top_p_filter'],
  adamw: ['adamWStep', 'adamw_step'],
  'layernorm-backward': ['layerNormBackward', 'layer_norm_backward'],
  'dpo-loss': ['dpoLoss', 'dpo_loss'],
  conv2d: ['conv2d', 'conv2d'],
  'sinusoidal-pe': ['sinusoidalPositionalEncoding', 'sinusoidal_positional_encoding'],
  swiglu: ['swigluFfn', 'swiglu_ffn'],
  kmeans: ['kMeans', 'k_means'],
  'logistic-regression': ['logisticRegressionGD', 'logistic_regression_gd'],
};

const folders = fs.readdirSync(PROBLEMS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('built-in practice problems', function () {
  this.timeout(120000);
  let problems: Problem[];
  before(async () => {
    problems = await builtInProblems();
  });
  const byId = (id: string) => {
    const problem = problems.find((p) => p.id === id);
    assert.ok(problem, `problem ${id} did not load`);
    return problem;
  };

  it('all load without diagnostics, at least 30 of them, the 15 of issue 13 among them with their names', async () => {
    const set = await loadProblems(PROBLEMS_DIR, { trusted: true });
    assert.deepEqual(set.diagnostics, []);
    assert.deepEqual(set.problems.map((p) => p.id).sort(), folders);
    assert.ok(set.problems.length >= 30, `${set.problems.length} problems`);
    for (const [id, [ts, py]] of Object.entries(REQUIRED)) {
      const problem = set.problems.find((p) => p.id === id);
      assert.ok(problem, `missing ${id}`);
      assert.deepEqual(problem.entry, { ts, py }, id);
    }
  });

  it('name only known topics, and have both languages with three hints each', () => {
    for (const problem of problems) {
      for (const topic of problem.topics) assert.ok(TOPIC_IDS.has(topic), `${problem.id}: unknown topic ${topic}`);
      assert.ok(problem.title.en && problem.title['zh-cn'], `${problem.id}: title in both languages`);
      assert.equal(problem.hints.en?.length, 3, problem.id);
      assert.equal(problem.hints['zh-cn']?.length, 3, problem.id);
      assert.ok(problem.body.en?.statement && problem.body.en.explanation, `${problem.id}: English statement`);
      assert.ok(problem.body['zh-cn']?.statement && problem.body['zh-cn'].explanation, `${problem.id}: Chinese statement`);
      assert.ok(problem.topics.length > 0, `${problem.id}: related topics`);
    }
  });

  it('have self-contained code files: no imports in TypeScript, NumPy and the standard library math and collections only in Python, the entry in each', () => {
    for (const problem of problems) {
      for (const file of [problem.files.starterTs, problem.files.solutionTs]) {
        const text = fs.readFileSync(file, 'utf8');
        assert.doesNotMatch(text, /^\s*import\s/m, `${file} imports`);
        assert.match(text, new RegExp(`export function ${problem.entry.ts}\\(`), file);
      }
      for (const file of [problem.files.starterPy, problem.files.solutionPy]) {
        const text = fs.readFileSync(file, 'utf8');
        const imports = [...text.matchAll(/^\s*(?:import|from)\s+(\w+)/gm)].map((m) => m[1]);
        assert.deepEqual([...new Set(imports)].filter((name) => !['numpy', 'math', 'collections'].includes(name)), [], `${file} imports`);
        assert.match(text, new RegExp(`^def ${problem.entry.py}\\(`, 'm'), file);
      }
      assert.match(fs.readFileSync(problem.files.starterTs, 'utf8'), /throw new Error\('Not implemented yet'\);/, problem.id);
      assert.match(fs.readFileSync(problem.files.starterPy, 'utf8'), /raise NotImplementedError/, problem.id);
      assert.ok(fs.existsSync(path.join(problem.folder, 'golden.py')), `${problem.id}: golden.py`);
    }
  });

  for (const id of folders) {
    describe(id, () => {
      it('has 4 to 8 cases', async () => {
        const cases = await casesOf(byId(id));
        assert.ok(cases.length >= 4 && cases.length <= 8, `${cases.length} cases`);
      });

      it('TypeScript: the reference solution passes every case', async () => {
        const problem = byId(id);
        const cases = await casesOf(problem);
        const report = await checkTs(problem, cases, problem.files.solutionTs);
        assert.equal(report.passed, cases.length, failures(report));
      });

      it('Python: the reference solution passes every case', async () => {
        const problem = byId(id);
        const cases = await casesOf(problem);
        const report = await checkPy(problem, cases, problem.files.solutionPy);
        assert.equal(report.passed, cases.length, failures(report));
      });

      it('the starters fail every case with "not implemented"', async () => {
        const problem = byId(id);
        const cases = await casesOf(problem);
        const ts = await checkTs(problem, cases, problem.files.starterTs);
        assert.equal(ts.cases.length, cases.length);
        for (const c of ts.cases) {
          assert.equal(c.status, 'error', c.message);
          assert.match(c.message, /^Error: Not implemented yet \(line \d+\)$/);
        }
        const py = await checkPy(problem, cases, problem.files.starterPy);
        assert.equal(py.cases.length, cases.length);
        for (const c of py.cases) {
          assert.equal(c.status, 'error', c.message);
          assert.equal(c.errorType, 'NotImplementedError');
          assert.match(c.message, /^NotImplementedError \(line \d+\)$/);
        }
      });
    });
  }
});
