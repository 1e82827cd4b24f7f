/**
 * One Transformer encoder layer: self-attention, then a ReLU feed-forward
 * network, each wrapped in a residual connection and a LayerNorm.
 *
 *   Post-LN (original Transformer, BERT; normFirst = false):
 *     h = LN₁(x + MHA(x))
 *     y = LN₂(h + FFN(h))
 *   Pre-LN (GPT-2 and most large models; normFirst = true):
 *     h = x + MHA(LN₁(x))
 *     y = h + FFN(LN₂(h))
 *   FFN(h) = ReLU(h · W₁ᵀ + b₁) · W₂ᵀ + b₂,  W₁ [d_ff][d_model], W₂ [d_model][d_ff]
 *
 * Pre-LN keeps an un-normalized residual path from input to output, so its
 * gradients are well-behaved at initialization and deep stacks train stably with
 * little warm-up (Xiong et al. 2020 removed it in their experiments; large Pre-LN
 * models are still usually trained with a short learning-rate warm-up).
 * With causal: true the layer becomes a GPT-style decoder block (no cross-attention).
 *
 * PyTorch: torch.nn.TransformerEncoderLayer(d_model, numHeads, d_ff, dropout=0,
 * activation='relu', batch_first=True, norm_first=normFirst, layer_norm_eps=eps),
 * with self_attn set as in attention.ts, linear1 = (w1, b1), linear2 = (w2, b2),
 * norm1 = (ln1Gamma, ln1Beta), norm2 = (ln2Gamma, ln2Beta).
 */
import { multiHeadAttention, type MultiHeadAttentionParams } from './attention';
import { layerNorm } from './layernorm';
import { addMatrices, checkMatrix, checkShape, checkVector, linear, shapeOf, type Matrix } from './tensor';

/**
 * Attention projections wq, wk, wv, wo, each [d_model][d_model], and their biases
 * bq, bk, bv, bo, each [d_model] (all required here: PyTorch's layer always has them),
 * plus the feed-forward and LayerNorm parameters.
 */
export interface EncoderLayerParams extends Required<MultiHeadAttentionParams> {
  /** Feed-forward: w1 [d_ff][d_model], b1 [d_ff], w2 [d_model][d_ff], b2 [d_model]. */
  w1: Matrix;
  b1: number[];
  w2: Matrix;
  b2: number[];
  /** LayerNorm scales and shifts, each [d_model]. */
  ln1Gamma: number[];
  ln1Beta: number[];
  ln2Gamma: number[];
  ln2Beta: number[];
}

export interface EncoderLayerOptions {
  /** true: Pre-LN (normalize before each sublayer); false: Post-LN (after each residual add). */
  normFirst: boolean;
  /** LayerNorm ε, PyTorch's default 1e-5. */
  eps?: number;
  /** Causal self-attention (decoder-only / GPT block). Default false, like an encoder. */
  causal?: boolean;
}

/** x [n][d_model] → [n][d_model]. */
export function encoderLayer(x: Matrix, p: EncoderLayerParams, numHeads: number, options: EncoderLayerOptions): Matrix {
  const { cols: dModel } = checkMatrix('x', x);
  const { rows: dFF } = checkMatrix('w1', p.w1);
  checkShape('w1', p.w1, dFF, dModel, `[d_ff][d_model] for x ${shapeOf(x)}`);
  checkShape('w2', p.w2, dModel, dFF, `[d_model][d_ff] so the FFN output can be added back to x ${shapeOf(x)}`);
  const perFeature = `one per feature of x ${shapeOf(x)}`;
  checkVector('b1', p.b1, dFF, 'one per row of w1');
  checkVector('b2', p.b2, dModel, perFeature);
  checkVector('ln1Gamma', p.ln1Gamma, dModel, perFeature);
  checkVector('ln1Beta', p.ln1Beta, dModel, perFeature);
  checkVector('ln2Gamma', p.ln2Gamma, dModel, perFeature);
  checkVector('ln2Beta', p.ln2Beta, dModel, perFeature);
  const eps = options.eps ?? 1e-5;

  const selfAttention = (h: Matrix) => multiHeadAttention(h, p, numHeads, { causal: options.causal ?? false });
  const feedForward = (h: Matrix) => linear(relu(linear(h, p.w1, p.b1, 'w1')), p.w2, p.b2, 'w2');
  const norm1 = (h: Matrix) => layerNorm(h, p.ln1Gamma, p.ln1Beta, eps);
  const norm2 = (h: Matrix) => layerNorm(h, p.ln2Gamma, p.ln2Beta, eps);

  if (options.normFirst) {
    const h = addMatrices(x, selfAttention(norm1(x)));
    return addMatrices(h, feedForward(norm2(h)));
  }
  const h = norm1(addMatrices(x, selfAttention(x)));
  return norm2(addMatrices(h, feedForward(h)));
}

/** max(0, v) element-wise. */
function relu(m: Matrix): Matrix {
  return m.map((row) => row.map((v) => Math.max(0, v)));
}

if (require.main === module) {
  const dModel = 4;
  const dFF = 8;
  // Small deterministic weights so the demo prints the same numbers every run.
  const fill = (rows: number, cols: number, seed: number): Matrix =>
    Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => Math.sin(seed + 3 * i + j) / 2));
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const ones = (n: number) => new Array<number>(n).fill(1);
  const params: EncoderLayerParams = {
    wq: fill(dModel, dModel, 1),
    wk: fill(dModel, dModel, 2),
    wv: fill(dModel, dModel, 3),
    wo: fill(dModel, dModel, 4),
    bq: zeros(dModel),
    bk: zeros(dModel),
    bv: zeros(dModel),
    bo: zeros(dModel),
    w1: fill(dFF, dModel, 5),
    b1: zeros(dFF),
    w2: fill(dModel, dFF, 6),
    b2: zeros(dModel),
    ln1Gamma: ones(dModel),
    ln1Beta: zeros(dModel),
    ln2Gamma: ones(dModel),
    ln2Beta: zeros(dModel),
  };
  const x = fill(3, dModel, 7); // [n=3][d_model=4]
  const round = (m: Matrix) => m.map((row) => row.map((v) => Number(v.toFixed(4))));
  console.log('Post-LN output:', round(encoderLayer(x, params, 2, { normFirst: false })));
  console.log('Pre-LN output: ', round(encoderLayer(x, params, 2, { normFirst: true })));
}
