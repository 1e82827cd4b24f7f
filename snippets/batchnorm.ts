/**
 * Batch normalization over a mini-batch, feature by feature (column by column).
 *
 * Training (statistics of this batch, B samples):
 *   μⱼ  = (1/B) Σᵢ x[i][j]
 *   σ²ⱼ = (1/B) Σᵢ (x[i][j] − μⱼ)²                 (biased: used to normalize)
 *   y[i][j] = γⱼ · (x[i][j] − μⱼ) / √(σ²ⱼ + ε) + βⱼ
 *   runningMean ← (1 − momentum) · runningMean + momentum · μ
 *   runningVar  ← (1 − momentum) · runningVar  + momentum · σ²·B/(B − 1)   (unbiased)
 *
 * Eval: the same formula with runningMean / runningVar in place of μ / σ².
 *
 * Training needs B ≥ 2: one sample has no spread, so PyTorch refuses it and so do we.
 *
 * PyTorch: torch.nn.BatchNorm1d(F, eps, momentum) on x [batch][F];
 * gamma = weight, beta = bias, runningMean = running_mean, runningVar = running_var.
 */
import { checkMatrix, checkVector, shapeOf, type Matrix } from './tensor';

export class BatchNorm1d {
  /** Learnable scale γ [features], starts at 1. */
  gamma: number[];
  /** Learnable shift β [features], starts at 0. */
  beta: number[];
  /** Running estimate of each feature's mean, used in eval mode. Starts at 0. */
  runningMean: number[];
  /** Running estimate of each feature's (unbiased) variance, used in eval mode. Starts at 1. */
  runningVar: number[];
  /** How many training batches have updated the running statistics. */
  numBatchesTracked = 0;
  /** true: normalize with batch statistics and update running ones; false: use running ones. */
  training = true;

  readonly eps: number;
  /** Weight of the new batch in the running averages (PyTorch's default 0.1). */
  readonly momentum: number;

  constructor(
    readonly numFeatures: number,
    options: { eps?: number; momentum?: number } = {},
  ) {
    if (!Number.isInteger(numFeatures) || numFeatures < 1) {
      throw new Error(`numFeatures must be a positive integer, got ${numFeatures}`);
    }
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.1;
    if (!(this.eps > 0)) throw new Error(`eps must be a positive number, got ${this.eps}`);
    if (!(this.momentum >= 0 && this.momentum <= 1)) {
      throw new Error(`momentum must be in [0, 1], got ${this.momentum}`);
    }
    this.gamma = new Array<number>(numFeatures).fill(1);
    this.beta = new Array<number>(numFeatures).fill(0);
    this.runningMean = new Array<number>(numFeatures).fill(0);
    this.runningVar = new Array<number>(numFeatures).fill(1);
  }

  /** Like module.train(mode) in PyTorch. */
  train(mode = true): this {
    this.training = mode;
    return this;
  }

  /** Like module.eval() in PyTorch: use the running statistics from now on. */
  eval(): this {
    return this.train(false);
  }

  /** x [batch][numFeatures] → y [batch][numFeatures]. */
  forward(x: Matrix): Matrix {
    const { rows: batch, cols } = checkMatrix('x', x);
    if (cols !== this.numFeatures) {
      throw new Error(`BatchNorm1d(${this.numFeatures}) expects x of shape [batch][${this.numFeatures}], got ${shapeOf(x)}`);
    }
    checkVector('gamma', this.gamma, this.numFeatures, 'one per feature');
    checkVector('beta', this.beta, this.numFeatures, 'one per feature');

    let mean: number[];
    let variance: number[];
    if (this.training) {
      if (batch < 2) {
        throw new Error(
          `BatchNorm1d needs more than 1 sample per feature when training, got x of shape ${shapeOf(x)}`,
        );
      }
      mean = columnMeans(x);
      const sumOfSquares = columnSumsOfSquaredDeviations(x, mean);
      variance = sumOfSquares.map((s) => s / batch); // biased: normalizes this batch
      const unbiased = sumOfSquares.map((s) => s / (batch - 1)); // estimates the population
      const m = this.momentum;
      this.runningMean = this.runningMean.map((r, j) => (1 - m) * r + m * mean[j]);
      this.runningVar = this.runningVar.map((r, j) => (1 - m) * r + m * unbiased[j]);
      this.numBatchesTracked += 1;
    } else {
      mean = this.runningMean;
      variance = this.runningVar;
    }

    const invStd = variance.map((v) => 1 / Math.sqrt(v + this.eps));
    return x.map((row) => row.map((value, j) => this.gamma[j] * (value - mean[j]) * invStd[j] + this.beta[j]));
  }
}

/** μⱼ = mean of column j. */
function columnMeans(x: Matrix): number[] {
  const sums = new Array<number>(x[0].length).fill(0);
  for (const row of x) row.forEach((value, j) => (sums[j] += value));
  return sums.map((s) => s / x.length);
}

/** Σᵢ (x[i][j] − μⱼ)² for each column j. */
function columnSumsOfSquaredDeviations(x: Matrix, mean: number[]): number[] {
  const sums = new Array<number>(x[0].length).fill(0);
  for (const row of x) row.forEach((value, j) => (sums[j] += (value - mean[j]) ** 2));
  return sums;
}

if (require.main === module) {
  const bn = new BatchNorm1d(2);
  const batch = [
    [1, 100],
    [2, 200],
    [3, 300],
  ]; // [batch=3][features=2]
  console.log('train forward:', bn.forward(batch).map((row) => row.map((v) => Number(v.toFixed(4)))));
  console.log('runningMean:', bn.runningMean, 'runningVar (unbiased):', bn.runningVar);
  bn.eval();
  console.log('eval forward of [[2, 200]]:', bn.forward([[2, 200]]).map((row) => row.map((v) => Number(v.toFixed(4)))));
}
