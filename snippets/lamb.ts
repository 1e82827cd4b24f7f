/**
 * One AdamW step and one LAMB step, side by side, for a single layer's parameters.
 *
 * Both start from Adam's bias-corrected moments (t = step number, from 1):
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ)               v̂ = v / (1 − β₂ᵗ)
 *   r = m̂ / (√v̂ + ε)                u = r + λ·w      (λ = weight decay, decoupled)
 * AdamW:  w ← w − lr · u
 * LAMB:   w ← w − lr · (‖w‖ / ‖u‖) · u   per layer; the trust ratio ‖w‖/‖u‖ is 1
 *         when either norm is 0 (You et al. 2019, arXiv 1904.00962, with φ = identity).
 *
 * Why LAMB: with very large batches one global learning rate is too big for some
 * layers and too small for others. Scaling each layer's step by ‖w‖/‖u‖ makes the
 * step a fixed fraction of the layer's own weight norm. That made BERT-large trainable
 * at very large batches without losing accuracy (You et al. 2020, Table 1): 76.19 min
 * on 1,024 TPUv3 chips with batch 64K at length 128, then 32K at length 512, 8,599
 * steps; a fixed 32K batch took 15,625 steps and 101.2 min; the baseline (batch 512,
 * 1M steps) took 81.4 h on 16 TPUs. Most of that speed-up is the 64x larger
 * hardware; LAMB is what let the batch grow to use it.
 *
 * A layer's parameters are a flat number[]: flatten a [out][in] weight with w.flat().
 * PyTorch: torch.optim.AdamW(params, lr, betas=(β₁, β₂), eps, weight_decay=λ) for AdamW;
 * PyTorch has no LAMB (scripts/golden/generate.py writes one with torch ops).
 */

export interface OptimizerOptions {
  /** Learning rate. */
  lr: number;
  /** β₁, decay of the gradient mean; default 0.9. */
  beta1?: number;
  /** β₂, decay of the squared-gradient mean; default 0.999. */
  beta2?: number;
  /** ε added to √v̂ so a zero gradient does not divide by zero; default 1e-8 (torch's AdamW). */
  eps?: number;
  /** λ, decoupled weight decay; default 0.01 (torch's AdamW). */
  weightDecay?: number;
}

/** Adam's per-parameter state for one layer. */
export interface AdamState {
  /** Steps taken so far (0 before the first step). */
  step: number;
  /** First moment m (running mean of gradients). */
  m: number[];
  /** Second moment v (running mean of squared gradients). */
  v: number[];
}

export function initialAdamState(size: number): AdamState {
  return { step: 0, m: new Array<number>(size).fill(0), v: new Array<number>(size).fill(0) };
}

/** Advances the moments and returns u = r + λw, the direction both optimizers step along. */
export function adamUpdateDirection(
  weights: number[],
  grads: number[],
  state: AdamState,
  options: OptimizerOptions,
): { direction: number[]; state: AdamState } {
  const { beta1, beta2, eps, weightDecay } = checkInputs(weights, grads, state, options);
  const step = state.step + 1;
  const m = state.m.map((mi, i) => beta1 * mi + (1 - beta1) * grads[i]);
  const v = state.v.map((vi, i) => beta2 * vi + (1 - beta2) * grads[i] ** 2);
  const mCorrection = 1 - beta1 ** step; // undoes the bias towards m's zero start
  const vCorrection = 1 - beta2 ** step;
  const direction = weights.map((w, i) => {
    const r = m[i] / mCorrection / (Math.sqrt(v[i] / vCorrection) + eps);
    return r + weightDecay * w;
  });
  return { direction, state: { step, m, v } };
}

/** AdamW: w ← w − lr · u. Matches torch.optim.AdamW. */
export function adamWStep(
  weights: number[],
  grads: number[],
  state: AdamState,
  options: OptimizerOptions,
): { weights: number[]; state: AdamState } {
  const { direction, state: next } = adamUpdateDirection(weights, grads, state, options);
  return { weights: weights.map((w, i) => w - options.lr * direction[i]), state: next };
}

/** LAMB: w ← w − lr · trustRatio · u with trustRatio = ‖w‖ / ‖u‖ for this layer. */
export function lambStep(
  weights: number[],
  grads: number[],
  state: AdamState,
  options: OptimizerOptions,
): { weights: number[]; state: AdamState; trustRatio: number } {
  const { direction, state: next } = adamUpdateDirection(weights, grads, state, options);
  const ratio = trustRatio(weights, direction);
  return { weights: weights.map((w, i) => w - options.lr * ratio * direction[i]), state: next, trustRatio: ratio };
}

/** ‖w‖ / ‖u‖, or 1 when either norm is 0 (a fresh zero layer, or nothing to update). */
export function trustRatio(weights: number[], direction: number[]): number {
  const weightNorm = l2Norm(weights);
  const directionNorm = l2Norm(direction);
  return weightNorm > 0 && directionNorm > 0 ? weightNorm / directionNorm : 1;
}

function l2Norm(values: number[]): number {
  return Math.sqrt(values.reduce((sum, x) => sum + x * x, 0));
}

/** Validates shapes and hyperparameters and fills in the defaults. */
function checkInputs(
  weights: number[],
  grads: number[],
  state: AdamState,
  options: OptimizerOptions,
): Required<Omit<OptimizerOptions, 'lr'>> {
  if (!Array.isArray(weights) || weights.length === 0) throw new Error('weights must be a non-empty number[]');
  const lengths = { grads: grads.length, 'state.m': state.m.length, 'state.v': state.v.length };
  for (const [name, length] of Object.entries(lengths)) {
    if (length !== weights.length) {
      throw new Error(`${name} has length ${length} but weights has length ${weights.length}`);
    }
  }
  for (const [name, values] of Object.entries({ weights, grads })) {
    values.forEach((x, i) => {
      if (!Number.isFinite(x)) throw new Error(`${name}[${i}] must be a finite number, got ${x}`);
    });
  }
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const eps = options.eps ?? 1e-8;
  const weightDecay = options.weightDecay ?? 0.01;
  if (!(options.lr >= 0)) throw new Error(`lr must be a number ≥ 0, got ${options.lr}`);
  if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
    throw new Error(`beta1 and beta2 must be in [0, 1), got ${beta1} and ${beta2}`);
  }
  if (!(eps > 0)) throw new Error(`eps must be a positive number, got ${eps}`);
  if (!(weightDecay >= 0)) throw new Error(`weightDecay must be a number ≥ 0, got ${weightDecay}`);
  return { beta1, beta2, eps, weightDecay };
}

if (require.main === module) {
  // Two layers whose weights differ in scale by 100×, with gradients of similar size.
  const layers = [
    { name: 'embedding (large weights)', weights: [2.0, -1.5, 3.0, 0.5], grads: [0.01, -0.02, 0.03, 0.01] },
    { name: 'classifier (small weights)', weights: [0.02, -0.01, 0.03, 0.005], grads: [0.02, 0.01, -0.01, 0.02] },
  ];
  const options: OptimizerOptions = { lr: 0.01, weightDecay: 0.01 };
  for (const layer of layers) {
    const state = initialAdamState(layer.weights.length);
    const adamw = adamWStep(layer.weights, layer.grads, state, options);
    const lamb = lambStep(layer.weights, layer.grads, state, options);
    const change = (after: number[]) => l2Norm(after.map((w, i) => w - layer.weights[i])).toExponential(3);
    console.log(`${layer.name}: trust ratio ‖w‖/‖u‖ = ${lamb.trustRatio.toFixed(4)}`);
    console.log(`  AdamW step size ‖Δw‖ = ${change(adamw.weights)}, LAMB step size ‖Δw‖ = ${change(lamb.weights)}`);
  }
}
