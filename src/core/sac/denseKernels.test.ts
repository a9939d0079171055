import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { createDenseKernels, type DenseKernels, wasmSimdAvailable } from './denseKernels';
import {
  denseBackward,
  denseForward,
  HeapLayout,
  mlpShape,
  pad4,
  readMlp,
  refreshTransposes,
  writeMlp,
} from './fusedMlp';
import type { MlpWeights } from './mlp';

const fill = (h: Float32Array, at: number, n: number, rng: Rng) => {
  for (let i = 0; i < n; i++) h[at + i] = rng.uniform(-1, 1);
};

describe('dense kernels', () => {
  it('WebAssembly SIMD is available in Node (the fused path runs on it)', () => {
    expect(wasmSimdAvailable()).toBe(true);
  });

  it('wasm gemm equals the plain-JS gemm: remainders, strided A, bias, ReLU, mask, column sums', () => {
    const kernels = [createDenseKernels(1 << 16), createDenseKernels(1 << 16, 'js')];
    expect(kernels.map((k) => k.kind)).toEqual(['wasm-simd', 'js']);
    const cases = [
      // M, N, K, transposedA, bias, relu, mask
      [37, 12, 9, false, true, true, false],
      [5, 4, 70, true, false, false, false],
      [64, 64, 64, false, true, false, true],
      [3, 8, 1, false, false, true, true],
      [1, 20, 33, 'ones', false, false, false],
    ] as const;
    for (const [M, N, K, tA, bias, relu, mask] of cases) {
      const outs = kernels.map((k) => {
        const rng = new Rng(M * 1000 + N * 10 + K);
        const h = k.heap;
        const [a, b, bi, mk, c] = [16, 8192, 16384, 20480, 32768];
        fill(h, a, M * K, rng);
        fill(h, b, K * N, rng);
        fill(h, bi, N, rng);
        fill(h, mk, M * N, rng);
        h.fill(7, c, c + M * N);
        const [aAt, aRow, aCol] = tA === 'ones' ? [0, 0, 0] : tA ? [a, 1, M] : [a, K, 1];
        k.gemm(M, N, K, aAt, aRow, aCol, b, N, c, N, bias ? bi : 0, relu ? 1 : 0, mask ? mk : 0);
        return { out: h.slice(c, c + M * N), h };
      });
      const [w, j] = outs;
      for (let i = 0; i < M * N; i++) expect(w.out[i]).toBeCloseTo(j.out[i], 4);
      // and against a direct float64 sum for one entry
      const i = M - 1;
      const col = N - 1;
      const h = j.h;
      let s = bias ? h[16384 + col] : 0;
      for (let p = 0; p < K; p++) {
        const x = tA === 'ones' ? 1 : tA ? h[16 + i + p * M] : h[16 + i * K + p];
        s += x * h[8192 + p * N + col];
      }
      if (relu) s = Math.max(s, 0);
      if (mask && !(h[20480 + i * N + col] > 0)) s = 0;
      expect(j.out[i * N + col]).toBeCloseTo(s, 4);
    }
  });

  it('adam and polyak kernels agree between wasm and JS', () => {
    const ks = [createDenseKernels(4096), createDenseKernels(4096, 'js')];
    const res = ks.map((k) => {
      const rng = new Rng(3);
      fill(k.heap, 16, 64, rng); // p
      fill(k.heap, 80, 64, rng); // g
      for (let t = 0; t < 3; t++)
        k.adam(16, 80, 144, 208, 64, 0.9, 0.999, 0.1, 0.001, -1e-3, 0.1, 0.001, 1e-7);
      fill(k.heap, 272, 64, rng);
      k.polyak(272, 16, 64, 0.995, 0.005);
      return k.heap.slice(16, 336);
    });
    for (let i = 0; i < res[0].length; i++) expect(res[0][i]).toBe(res[1][i]);
  });
});

/** Float64 reference: loss = Σ c ⊙ MLP(X) with ReLU hidden layers, over plain-number weights. */
function lossF64(net: MlpWeights, X: number[], rows: number, coef: number[]): number {
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let x = X.slice(r * net.layers[0].inDim, (r + 1) * net.layers[0].inDim);
    net.layers.forEach((L, l) => {
      const y = Array.from(L.b, Number);
      for (let i = 0; i < L.inDim; i++)
        for (let j = 0; j < L.outDim; j++) y[j] += x[i] * L.w[i * L.outDim + j];
      x = l < net.layers.length - 1 ? y.map((v) => Math.max(v, 0)) : y;
    });
    x.forEach((v, j) => {
      total += coef[r * x.length + j] * v;
    });
  }
  return total;
}

function checkAgainstFiniteDifferences(kern: DenseKernels): void {
  const dims = [3, 7, 5, 2]; // odd widths: padding is exercised everywhere
  const rows = 6;
  const shape = mlpShape(dims);
  const lay = new HeapLayout();
  const params = lay.alloc(shape.size);
  const grads = lay.alloc(shape.size);
  const wt = lay.alloc(shape.transposeSize);
  const input = lay.alloc(rows * dims[0]);
  const ws = lay.workspace(shape, rows);
  expect(lay.size).toBeLessThan(kern.heap.length);
  const rng = new Rng(11);
  const net: MlpWeights = {
    layers: dims.slice(1).map((out, l) => ({
      inDim: dims[l],
      outDim: out,
      w: Float32Array.from({ length: dims[l] * out }, () => rng.uniform(-1, 1)),
      b: Float32Array.from({ length: out }, () => rng.uniform(-0.5, 0.5)),
    })),
  };
  const X = Array.from({ length: rows * dims[0] }, () => Math.fround(rng.uniform(-2, 2)));
  const coef = Array.from({ length: rows * dims[3] }, () => rng.uniform(-1, 1));
  const h = kern.heap;
  writeMlp(h, shape, params, net);
  refreshTransposes(h, shape, params, wt);
  h.set(X, input);
  denseForward(kern, shape, params, input, rows, ws);
  const last = shape.layers[2];
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < last.n; j++)
      h[ws.deltas[2] + r * last.n + j] = j < dims[3] ? coef[r * dims[3] + j] : 0;
  denseBackward(kern, shape, wt, input, rows, ws, grads, true);
  const analytic = readMlp(h, shape, grads);
  const eps = 1e-5;
  /** Central difference of the float64 loss in one entry of a float64 array (weights or inputs). */
  const fd = (arr: number[], i: number): number => {
    const keep = arr[i];
    arr[i] = keep + eps;
    const plus = lossF64(net64, X, rows, coef);
    arr[i] = keep - eps;
    const minus = lossF64(net64, X, rows, coef);
    arr[i] = keep;
    return (plus - minus) / (2 * eps);
  };
  // A float64 copy of the weights so the perturbation is not rounded away.
  const net64 = {
    layers: net.layers.map((L) => ({ ...L, w: Array.from(L.w), b: Array.from(L.b) })),
  } as unknown as MlpWeights;
  const scale = (v: number) => Math.max(1, Math.abs(v));
  net64.layers.forEach((L, l) => {
    const w = L.w as unknown as number[];
    const b = L.b as unknown as number[];
    for (let i = 0; i < w.length; i++) {
      const g = fd(w, i);
      expect(Math.abs(analytic.layers[l].w[i] - g) / scale(g)).toBeLessThan(1e-4);
    }
    for (let j = 0; j < b.length; j++) {
      const g = fd(b, j);
      expect(Math.abs(analytic.layers[l].b[j] - g) / scale(g)).toBeLessThan(1e-4);
    }
  });
  const kt = pad4(dims[0]);
  for (let k = 0; k < X.length; k++) {
    const g = fd(X, k);
    const r = Math.floor(k / dims[0]);
    const col = k % dims[0];
    expect(Math.abs(h[ws.dInput + r * kt + col] - g) / scale(g)).toBeLessThan(1e-4);
  }
}

describe('hand-written dense backward', () => {
  it('matches central finite differences of a float64 forward (wasm kernels)', () => {
    checkAgainstFiniteDifferences(createDenseKernels(1 << 14));
  });
  it('matches central finite differences of a float64 forward (plain-JS kernels)', () => {
    checkAgainstFiniteDifferences(createDenseKernels(1 << 14, 'js'));
  });
});
