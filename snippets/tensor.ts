/**
 * Tensor helpers shared by the other snippets: shape checks, matrix product,
 * transpose, and a Linear layer in PyTorch's weight layout.
 *
 * A matrix is a row-major `number[][]`: `m[row][col]`, shape written `[rows][cols]`.
 *
 *   matmul:    C[i][j] = Σ_k A[i][k] · B[k][j]          (torch.matmul / A @ B)
 *   transpose: Aᵀ[j][i] = A[i][j]                         (A.T)
 *   linear:    y = x · Wᵀ + b, W is [out][in]            (torch.nn.functional.linear)
 *
 * Every function throws an Error that names the shapes at fault instead of
 * returning NaN or a silently wrong shape.
 */

/** Row-major matrix: `m[row][col]`. */
export type Matrix = number[][];

/** Formats a matrix shape as `[rows][cols]` for error messages. */
export function shapeOf(m: Matrix): string {
  return `[${m.length}][${m.length > 0 ? m[0].length : 0}]`;
}

/**
 * Checks that `m` is a non-empty rectangular matrix of finite numbers and
 * returns its shape. `name` is what the caller calls it (e.g. 'x', 'wq').
 */
export function checkMatrix(name: string, m: Matrix): { rows: number; cols: number } {
  if (!Array.isArray(m) || m.length === 0 || !Array.isArray(m[0]) || m[0].length === 0) {
    throw new Error(`${name} must be a non-empty matrix [rows][cols], got ${describe(m)}`);
  }
  const cols = m[0].length;
  m.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) {
      const got = Array.isArray(row) ? `${row.length} columns` : describe(row);
      throw new Error(`${name} is ragged: row 0 has ${cols} columns but row ${i} has ${got}`);
    }
    row.forEach((value, j) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`${name}[${i}][${j}] must be a finite number, got ${String(value)}`);
      }
    });
  });
  return { rows: m.length, cols };
}

/** Checks that `m` has exactly the shape [rows][cols]; `why` explains the expectation. */
export function checkShape(name: string, m: Matrix, rows: number, cols: number, why: string): void {
  const shape = checkMatrix(name, m);
  if (shape.rows !== rows || shape.cols !== cols) {
    throw new Error(`${name} must be [${rows}][${cols}] (${why}), got ${shapeOf(m)}`);
  }
}

/** Checks that `v` is a vector of `length` finite numbers; `why` explains the expectation. */
export function checkVector(name: string, v: number[], length: number, why: string): void {
  if (!Array.isArray(v) || v.length !== length) {
    throw new Error(`${name} must have length ${length} (${why}), got ${describe(v)}`);
  }
  v.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`${name}[${i}] must be a finite number, got ${String(value)}`);
    }
  });
}

/** C = A · B for A [n][k] and B [k][m]; C is [n][m]. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  const { rows: n, cols: k } = checkMatrix('matmul A', a);
  const { rows: bRows, cols: m } = checkMatrix('matmul B', b);
  if (bRows !== k) {
    throw new Error(`matmul: inner dimensions differ, A is ${shapeOf(a)} and B is ${shapeOf(b)}`);
  }
  const c: Matrix = [];
  for (let i = 0; i < n; i++) {
    c.push(new Array<number>(m).fill(0));
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let t = 0; t < k; t++) sum += a[i][t] * b[t][j];
      c[i][j] = sum;
    }
  }
  return c;
}

/** Aᵀ: [rows][cols] → [cols][rows]. */
export function transpose(a: Matrix): Matrix {
  const { rows, cols } = checkMatrix('transpose input', a);
  const t: Matrix = [];
  for (let j = 0; j < cols; j++) {
    t.push([]);
    for (let i = 0; i < rows; i++) t[j].push(a[i][j]);
  }
  return t;
}

/**
 * y = x · Wᵀ + b, exactly torch.nn.Linear: x [n][in], W [out][in], b [out] → y [n][out].
 * `name` labels the layer in error messages (e.g. 'wq', 'w1').
 */
export function linear(x: Matrix, weight: Matrix, bias: number[] | undefined, name: string): Matrix {
  const { rows: n, cols: inFeatures } = checkMatrix('x', x);
  const { rows: outFeatures, cols: weightIn } = checkMatrix(name, weight);
  if (weightIn !== inFeatures) {
    throw new Error(
      `${name} is ${shapeOf(weight)} (torch layout [out][in]) but x is ${shapeOf(x)}: ` +
        `${name} needs ${inFeatures} columns`,
    );
  }
  if (bias !== undefined) checkVector(`bias of ${name}`, bias, outFeatures, `one per output row of ${name}`);
  const y: Matrix = [];
  for (let i = 0; i < n; i++) {
    y.push([]);
    for (let o = 0; o < outFeatures; o++) {
      let sum = bias === undefined ? 0 : bias[o];
      for (let t = 0; t < inFeatures; t++) sum += x[i][t] * weight[o][t];
      y[i].push(sum);
    }
  }
  return y;
}

/** Element-wise A + B (used for residual connections); both must have the same shape. */
export function addMatrices(a: Matrix, b: Matrix): Matrix {
  checkMatrix('A', a);
  checkMatrix('B', b);
  if (a.length !== b.length || a[0].length !== b[0].length) {
    throw new Error(`cannot add matrices of shapes ${shapeOf(a)} and ${shapeOf(b)}`);
  }
  return a.map((row, i) => row.map((value, j) => value + b[i][j]));
}

/** Short description of a value of the wrong kind, for error messages. */
function describe(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty array';
    if (Array.isArray(value[0])) return `shape [${value.length}][${value[0].length}]`;
    return `an array of length ${value.length}`;
  }
  return value === null ? 'null' : typeof value;
}

if (require.main === module) {
  const x = [
    [1, 2, 3],
    [4, 5, 6],
  ]; // [2][3]
  const w = [
    [1, 0, 0],
    [0, 1, 1],
  ]; // [out=2][in=3]
  console.log('x shape', shapeOf(x));
  console.log('xᵀ =', transpose(x));
  console.log('x · xᵀ =', matmul(x, transpose(x)));
  console.log('linear(x, W, b=[10, 20]) =', linear(x, w, [10, 20], 'W'));
}
