/** F.conv2d for one image. x: (C, H, W), w: (O, C, kh, kw), b: (O) → (O, H_out, W_out). */
export function conv2d(x: number[][][], w: number[][][][], b: number[], stride: number, padding: number): number[][][] {
  const [C, H, W] = [x.length, x[0].length, x[0][0].length];
  const [kh, kw] = [w[0][0].length, w[0][0][0].length];
  const hOut = Math.floor((H + 2 * padding - kh) / stride) + 1;
  const wOut = Math.floor((W + 2 * padding - kw) / stride) + 1;
  return w.map((kernel, o) =>
    Array.from({ length: hOut }, (_, i) =>
      Array.from({ length: wOut }, (_, j) => {
        let sum = b[o];
        for (let c = 0; c < C; c++) {
          for (let u = 0; u < kh; u++) {
            const row = i * stride - padding + u;
            if (row < 0 || row >= H) continue; // zero padding
            for (let v = 0; v < kw; v++) {
              const col = j * stride - padding + v;
              if (col >= 0 && col < W) sum += kernel[c][u][v] * x[c][row][col];
            }
          }
        }
        return sum;
      }),
    ),
  );
}
