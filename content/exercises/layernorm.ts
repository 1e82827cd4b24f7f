/**
 * Exercise: layer normalization, matching torch.nn.LayerNorm(features, eps) applied to x [batch][features].
 *
 * gamma and beta have one value per feature; the result has the shape of x.
 * Check compares your output with values PyTorch produced.
 *
 * Think about before you start:
 *  - Over which axis are the mean and variance taken (compare with BatchNorm)?
 *  - Biased or unbiased variance?
 *  - Does anything change between training and inference?
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- the parameters are used once the TODO is implemented */
export function layerNorm(x: number[][], gamma: number[], beta: number[], eps = 1e-5): number[][] {
  // TODO: normalize each row of x over its features, then scale by gamma and shift by beta.
  throw new Error('Not implemented yet');
}
