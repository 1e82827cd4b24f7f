/**
 * Rotary position embedding, rotate-half layout (Hugging Face LLaMA).
 *
 * @param x one vector per position, shape (T, d), d even; row p is position p (0-based)
 * @param base θ_i = base^(−2i/d), usually 10000
 * @returns the rotated vectors, shape (T, d)
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function rope(x: number[][], base: number): number[][] {
  throw new Error('Not implemented yet');
}
