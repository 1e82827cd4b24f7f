/**
 * Logistic regression by full-batch gradient descent on the mean binary cross-entropy, from w = 0, b = 0.
 *
 * @param X features, shape (n, d) @param y labels in {0, 1}, length n
 * @param lr step size @param steps exact number of updates
 * @returns { w: (d), b: number }
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function logisticRegressionGD(X: number[][], y: number[], lr: number, steps: number): { w: number[]; b: number } {
  throw new Error('Not implemented yet');
}
