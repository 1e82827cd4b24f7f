/**
 * Gradients of mean((relu(x W1ᵀ + b1) W2ᵀ + b2 − y)²) (F.mse_loss) with respect to the four parameters.
 *
 * @param x (N, D) @param y targets, (N, O)
 * @param w1 (H, D) @param b1 (H) @param w2 (O, H) @param b2 (O)
 * @returns { dW1: (H, D), db1: (H), dW2: (O, H), db2: (O) }
 */
export function mlpBackward(
  x: number[][],
  y: number[][],
  w1: number[][],
  b1: number[],
  w2: number[][],
  b2: number[],
): { dW1: number[][]; db1: number[]; dW2: number[][]; db2: number[] } {
  void [x, y, w1, b1, w2, b2];
  throw new Error('Not implemented yet');
}
