/** Per-row absmax int8 quantisation → { q, scales, dequantized }. */
export function int8Quantize(x: number[][]): { q: number[][]; scales: number[]; dequantized: number[][] } {
  const scales = x.map((row) => {
    const absMax = Math.max(...row.map(Math.abs));
    return absMax > 0 ? absMax / 127 : 1;
  });
  const q = x.map((row, i) => row.map((value) => Math.min(127, Math.max(-127, roundHalfEven(value / scales[i])))));
  const dequantized = q.map((row, i) => row.map((value) => value * scales[i]));
  return { q, scales, dequantized };
}

/** Rounds to the nearest integer, halves to the even neighbour (as torch.round / np.round). */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
