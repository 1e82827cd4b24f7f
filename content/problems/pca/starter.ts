/**
 * Top-k PCA of the centred data by SVD; each component's largest-|value| entry made positive.
 *
 * @param X (n, d) @param k number of components
 * @returns { components: (k, d), explainedVariance: (k) = σ² / (n − 1), projection: (n, k) = Xc · componentsᵀ }
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function pca(X: number[][], k: number): { components: number[][]; explainedVariance: number[]; projection: number[][] } {
  throw new Error('Not implemented yet');
}
