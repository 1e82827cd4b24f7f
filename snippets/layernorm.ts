/**
 * Layer normalization: each sample (row) is normalized over its own features.
 *
 *   μᵢ  = (1/F) Σⱼ x[i][j]
 *   σ²ᵢ = (1/F) Σⱼ (x[i][j] − μᵢ)²          (biased variance, divide by F)
 *   y[i][j] = γⱼ · (x[i][j] − μᵢ) / √(σ²ᵢ + ε) + βⱼ
 *
 * Unlike BatchNorm there are no running statistics: training and inference
 * compute the same thing, and a batch of one sample is fine.
 *
 * PyTorch: torch.nn.LayerNorm(F, eps) with weight = γ, bias = β, applied to x [batch][F].
 */
import { checkMatrix, checkVector, shapeOf, type Matrix } from './tensor';

/** x [batch][features], gamma and beta [features] → y [batch][features]. */
export function layerNorm(x: Matrix, gamma: number[], beta: number[], eps = 1e-5): Matrix {
  const { cols: features } = checkMatrix('x', x);
  checkVector('gamma', gamma, features, `one per feature of x ${shapeOf(x)}`);
  checkVector('beta', beta, features, `one per feature of x ${shapeOf(x)}`);
  if (!(eps > 0)) throw new Error(`eps must be a positive number, got ${eps}`);

  return x.map((row) => {
    const mean = row.reduce((sum, value) => sum + value, 0) / features;
    const variance = row.reduce((sum, value) => sum + (value - mean) ** 2, 0) / features;
    const invStd = 1 / Math.sqrt(variance + eps);
    return row.map((value, j) => gamma[j] * (value - mean) * invStd + beta[j]);
  });
}

if (require.main === module) {
  const x = [
    [1, 2, 3, 4],
    [10, 10, 10, 14],
  ]; // [batch=2][features=4]
  const y = layerNorm(x, [1, 1, 1, 1], [0, 0, 0, 0]);
  console.log('x =', x);
  console.log('layerNorm(x) =', y.map((row) => row.map((v) => Number(v.toFixed(4)))));
  console.log('each row now has mean ≈ 0 and variance ≈ 1 (minus the ε effect)');
}
