/**
 * Exercise: BatchNorm1d forward pass, matching torch.nn.BatchNorm1d(numFeatures, eps, momentum).
 *
 * x has shape [batch][numFeatures]; forward returns y with the same shape.
 * Check compares y, runningMean and runningVar with values PyTorch produced, in training and in eval mode.
 *
 * Think about before you start:
 *  - Over which axis are the statistics taken, and which variance (divide by B or by B − 1) normalizes x?
 *  - Which variance does PyTorch store in runningVar?
 *  - PyTorch's momentum weights the *new* batch: is that the same convention as Keras?
 *  - What should happen in eval mode, and what with a training batch of one sample?
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- the parameters are used once the TODO is implemented */
export class BatchNorm1d {
  /** Learnable scale γ, one per feature; starts at 1. */
  gamma: number[];
  /** Learnable shift β, one per feature; starts at 0. */
  beta: number[];
  /** Running mean used in eval mode; starts at 0. */
  runningMean: number[];
  /** Running variance used in eval mode; starts at 1. */
  runningVar: number[];
  /** true: use and update batch statistics; false: use the running ones. */
  training = true;
  readonly eps: number;
  readonly momentum: number;

  constructor(
    readonly numFeatures: number,
    options: { eps?: number; momentum?: number } = {},
  ) {
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.1;
    this.gamma = new Array<number>(numFeatures).fill(1);
    this.beta = new Array<number>(numFeatures).fill(0);
    this.runningMean = new Array<number>(numFeatures).fill(0);
    this.runningVar = new Array<number>(numFeatures).fill(1);
  }

  forward(x: number[][]): number[][] {
    // TODO: normalize x with batch statistics (training) or running statistics (eval),
    // scale by gamma, shift by beta, and in training update runningMean and runningVar.
    throw new Error('Not implemented yet');
  }
}
