// ReLU MLPs laid out in one Float32 heap: forward, hand-written backward, transposes, and MlpWeights import/export.
import type { DenseKernels } from './denseKernels';
import type { MlpWeights } from './mlp';

/*
 * Layer l: Y = act(X·W + b), W row-major k×n with n = outDim rounded up to 4 (the kernel's vector width) and
 * k = the previous layer's n (its padded width; layer 0: the true input width). Padded rows, columns and bias
 * entries are zero and stay zero (their gradients are zero, so Adam leaves them). Backward, with dZ_L given:
 *   dW_l = X_lᵀ·dZ_l,  db_l = 1ᵀ·dZ_l,  dZ_{l−1} = (dZ_l·W_lᵀ) ⊙ [X_l > 0]   (X_l = ReLU output of layer l − 1)
 * using a transposed copy Wᵀ (n × k, k rounded up to 4) so every product streams rows.
 */

export const pad4 = (n: number): number => (n + 3) & ~3;

export interface DenseLayerShape {
  inDim: number;
  outDim: number;
  /** Rows of W (layer 0: inDim; later: the previous layer's padded width). */
  k: number;
  /** Padded width of the output (a multiple of 4). */
  n: number;
  /** Offsets of W and b inside a net's parameter block. */
  w: number;
  b: number;
  /** Offset of Wᵀ (n × pad4(k)) inside the net's transpose block. */
  wt: number;
}

export interface MlpShape {
  dims: readonly number[];
  layers: DenseLayerShape[];
  /** Floats in one parameter block (and one gradient / Adam moment block). */
  size: number;
  /** Floats in one transpose block. */
  transposeSize: number;
}

export function mlpShape(dims: readonly number[]): MlpShape {
  const layers: DenseLayerShape[] = [];
  let size = 0;
  let transposeSize = 0;
  for (let l = 0; l + 1 < dims.length; l++) {
    const k = l === 0 ? dims[0] : layers[l - 1].n;
    const n = pad4(dims[l + 1]);
    const w = size;
    const b = pad4(w + k * n);
    size = b + n;
    layers.push({ inDim: dims[l], outDim: dims[l + 1], k, n, w, b, wt: transposeSize });
    transposeSize += n * pad4(k);
  }
  return { dims, layers, size, transposeSize };
}

/** Activations and deltas of one pass of `rows` rows: acts[l] and deltas[l] are rows × n_l; dInput rows × pad4(k_0). */
export interface DenseWorkspace {
  rows: number;
  acts: number[];
  deltas: number[];
  dInput: number;
}

/** Bump allocator of heap offsets (in floats, 16-byte aligned); offsets 0–3 are the kernels' constants. */
export class HeapLayout {
  size = 4;
  alloc(floats: number): number {
    const at = this.size;
    this.size += pad4(Math.max(floats, 1));
    return at;
  }
  workspace(shape: MlpShape, rows: number): DenseWorkspace {
    return {
      rows,
      acts: shape.layers.map((l) => this.alloc(rows * l.n)),
      deltas: shape.layers.map((l) => this.alloc(rows * l.n)),
      dInput: this.alloc(rows * pad4(shape.layers[0].k)),
    };
  }
}

/** Y = MLP(X) for `rows` rows of X (row stride k_0) at `input`; leaves every layer's output in ws.acts. */
export function denseForward(
  kern: DenseKernels,
  shape: MlpShape,
  params: number,
  input: number,
  rows: number,
  ws: DenseWorkspace,
): number {
  const last = shape.layers.length - 1;
  for (let l = 0; l <= last; l++) {
    const L = shape.layers[l];
    const x = l === 0 ? input : ws.acts[l - 1];
    const relu = l < last ? 1 : 0;
    kern.gemm(rows, L.n, L.k, x, L.k, 1, params + L.w, L.n, ws.acts[l], L.n, params + L.b, relu, 0);
  }
  return ws.acts[last];
}

/**
 * Backward from ws.deltas[last] (dLoss/dY, rows × n_L) after denseForward on the same input. Writes
 * dLoss/dθ into the gradient block at `grads` when grads ≠ 0, and dLoss/dX into ws.dInput when `inputGrad`.
 */
export function denseBackward(
  kern: DenseKernels,
  shape: MlpShape,
  transposes: number,
  input: number,
  rows: number,
  ws: DenseWorkspace,
  grads: number,
  inputGrad: boolean,
): void {
  for (let l = shape.layers.length - 1; l >= 0; l--) {
    const L = shape.layers[l];
    const dz = ws.deltas[l];
    const x = l === 0 ? input : ws.acts[l - 1];
    if (grads) {
      kern.gemm(L.k, L.n, rows, x, 1, L.k, dz, L.n, grads + L.w, L.n, 0, 0, 0);
      kern.gemm(1, L.n, rows, 0, 0, 0, dz, L.n, grads + L.b, L.n, 0, 0, 0);
    }
    if (l > 0) kern.gemm(rows, L.k, L.n, dz, L.n, 1, transposes + L.wt, L.k, ws.deltas[l - 1], L.k, 0, 0, x);
    else if (inputGrad) {
      const kt = pad4(L.k);
      kern.gemm(rows, kt, L.n, dz, L.n, 1, transposes + L.wt, kt, ws.dInput, kt, 0, 0, 0);
    }
  }
}

/** Wᵀ of every layer from `fromLayer` on (layer 0's is needed only for input gradients). */
export function refreshTransposes(
  heap: Float32Array,
  shape: MlpShape,
  params: number,
  transposes: number,
  fromLayer = 0,
): void {
  for (let l = fromLayer; l < shape.layers.length; l++) {
    const { k, n, w, wt } = shape.layers[l];
    const kt = pad4(k);
    const src = params + w;
    const dst = transposes + wt;
    for (let i = 0; i < k; i++) {
      const row = src + i * n;
      for (let j = 0; j < n; j++) heap[dst + j * kt + i] = heap[row + j];
    }
  }
}

/** The net at `params` as plain MlpWeights (padding dropped). */
export function readMlp(heap: Float32Array, shape: MlpShape, params: number): MlpWeights {
  return {
    layers: shape.layers.map((L) => {
      const w = new Float32Array(L.inDim * L.outDim);
      for (let i = 0; i < L.inDim; i++)
        for (let j = 0; j < L.outDim; j++) w[i * L.outDim + j] = heap[params + L.w + i * L.n + j];
      return { inDim: L.inDim, outDim: L.outDim, w, b: heap.slice(params + L.b, params + L.b + L.outDim) };
    }),
  };
}

/** Write MlpWeights of exactly this shape into the block at `params` (padding zeroed). */
export function writeMlp(heap: Float32Array, shape: MlpShape, params: number, weights: MlpWeights): void {
  if (weights.layers.length !== shape.layers.length) throw new Error('writeMlp: depth differs');
  heap.fill(0, params, params + shape.size);
  shape.layers.forEach((L, l) => {
    const src = weights.layers[l];
    if (src.inDim !== L.inDim || src.outDim !== L.outDim)
      throw new Error(`writeMlp: layer ${l} is ${src.inDim}×${src.outDim}, expected ${L.inDim}×${L.outDim}`);
    for (let i = 0; i < L.inDim; i++)
      for (let j = 0; j < L.outDim; j++) heap[params + L.w + i * L.n + j] = src.w[i * L.outDim + j];
    heap.set(src.b, params + L.b);
  });
}

/** One row through the net in plain JS (float64 sums): for per-step action sampling, where a kernel call is overkill. */
export function forwardRow(
  heap: Float32Array,
  shape: MlpShape,
  params: number,
  x: ArrayLike<number>,
  scratch: readonly [Float64Array, Float64Array],
): Float64Array {
  let input: ArrayLike<number> = x;
  let out = scratch[0];
  const last = shape.layers.length - 1;
  shape.layers.forEach((L, l) => {
    out = scratch[l % 2]; // alternate buffers, each at least the widest n long
    for (let j = 0; j < L.n; j++) out[j] = heap[params + L.b + j];
    for (let i = 0; i < L.k; i++) {
      const xi = input[i];
      if (xi === 0) continue;
      const row = params + L.w + i * L.n;
      for (let j = 0; j < L.n; j++) out[j] += xi * heap[row + j];
    }
    if (l < last) for (let j = 0; j < L.n; j++) if (out[j] < 0) out[j] = 0;
    input = out;
  });
  return out;
}
