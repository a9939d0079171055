// Kernels of the fused SAC step over one Float32 heap: WebAssembly SIMD (built at load time) or plain-JS twins.
import { gemmFunction } from './gemmWasm';
import { adamFunction, polyakFunction } from './optimWasm';
import { wasmModule } from './wasmAssembler';

/**
 * The one matrix product every dense forward and backward pass here is made of (offsets and strides in floats):
 *   C[c + i·ldc + j] = epi(bias[j] + Σ_{p<K} heap[a + i·aRow + p·aCol] · heap[b + p·ldb + j]),  i < M, j < N,
 * with epi = max(0, ·) when `relu`, and the result zeroed where heap[mask + i·ldc + j] ≤ 0 when mask ≠ 0.
 * bias = 0 means no bias. N must be a multiple of 4 (layer widths are padded). Strided A covers X·W (aRow = K,
 * aCol = 1), Xᵀ·dZ (aRow = 1, aCol = K) and column sums (A = the constant 1 at offset 0, aRow = aCol = 0).
 */
export type Gemm = (
  M: number,
  N: number,
  K: number,
  a: number,
  aRow: number,
  aCol: number,
  b: number,
  ldb: number,
  c: number,
  ldc: number,
  bias: number,
  relu: number,
  mask: number,
) => void;

/** One Adam step on n floats (n a multiple of 4) in tfjs's float32 operation order; see optimWasm.ts. */
export type AdamKernel = (
  p: number,
  g: number,
  m: number,
  v: number,
  n: number,
  beta1: number,
  beta2: number,
  oneMinusBeta1: number,
  oneMinusBeta2: number,
  negLr: number,
  biasCorrection1: number,
  biasCorrection2: number,
  epsilon: number,
) => void;

/** t ← t·keep + s·take on n floats (n a multiple of 4). */
export type PolyakKernel = (t: number, s: number, n: number, keep: number, take: number) => void;

export type KernelKind = 'wasm-simd' | 'js';

export interface DenseKernels {
  /** 'wasm-simd' or 'js' (where WebAssembly SIMD is unavailable). */
  readonly kind: KernelKind;
  /** The heap every offset refers to; heap[0] = 1 (the ones vector of column sums), heap[1..3] = 0. */
  readonly heap: Float32Array;
  readonly gemm: Gemm;
  readonly adam: AdamKernel;
  readonly polyak: PolyakKernel;
}

let simdModule: WebAssembly.Module | null | undefined;

/** The compiled SIMD module, or null where WebAssembly or its SIMD extension is missing. */
function compiledSimdModule(): WebAssembly.Module | null {
  if (simdModule !== undefined) return simdModule;
  try {
    const bytes = wasmModule([gemmFunction(), adamFunction(), polyakFunction()]);
    simdModule =
      typeof WebAssembly !== 'undefined' && WebAssembly.validate(bytes)
        ? new WebAssembly.Module(bytes)
        : null;
  } catch {
    simdModule = null;
  }
  return simdModule;
}

export const wasmSimdAvailable = (): boolean => compiledSimdModule() !== null;

/** Plain-JS gemm with the same contract (the fallback, and the reference the wasm kernel is tested against). */
function jsGemm(h: Float32Array): Gemm {
  /** Epilogue of the 4 outputs C[i, j … j + 3]: ReLU, mask, store. */
  const store = (
    c: number,
    ldc: number,
    relu: number,
    mask: number,
    i: number,
    j: number,
    s0: number,
    s1: number,
    s2: number,
    s3: number,
  ) => {
    if (relu) {
      s0 = Math.max(s0, 0);
      s1 = Math.max(s1, 0);
      s2 = Math.max(s2, 0);
      s3 = Math.max(s3, 0);
    }
    if (mask) {
      const m = mask + i * ldc + j;
      if (!(h[m] > 0)) s0 = 0;
      if (!(h[m + 1] > 0)) s1 = 0;
      if (!(h[m + 2] > 0)) s2 = 0;
      if (!(h[m + 3] > 0)) s3 = 0;
    }
    const o = c + i * ldc + j;
    h[o] = s0;
    h[o + 1] = s1;
    h[o + 2] = s2;
    h[o + 3] = s3;
  };
  return (M, N, K, a, aRow, aCol, b, ldb, c, ldc, bias, relu, mask) => {
    // Tiles of 2 rows × 4 columns held in locals over the whole sum (about 2× a row at a time).
    let i = 0;
    for (; i + 1 < M; i += 2) {
      for (let j = 0; j < N; j += 4) {
        let s0 = bias ? h[bias + j] : 0;
        let s1 = bias ? h[bias + j + 1] : 0;
        let s2 = bias ? h[bias + j + 2] : 0;
        let s3 = bias ? h[bias + j + 3] : 0;
        let t0 = s0;
        let t1 = s1;
        let t2 = s2;
        let t3 = s3;
        for (let p = 0, ap = a + i * aRow, bp = b + j; p < K; p++, ap += aCol, bp += ldb) {
          const x = h[ap];
          const y = h[ap + aRow];
          const b0 = h[bp];
          const b1 = h[bp + 1];
          const b2 = h[bp + 2];
          const b3 = h[bp + 3];
          s0 += x * b0;
          s1 += x * b1;
          s2 += x * b2;
          s3 += x * b3;
          t0 += y * b0;
          t1 += y * b1;
          t2 += y * b2;
          t3 += y * b3;
        }
        store(c, ldc, relu, mask, i, j, s0, s1, s2, s3);
        store(c, ldc, relu, mask, i + 1, j, t0, t1, t2, t3);
      }
    }
    for (; i < M; i++) {
      for (let j = 0; j < N; j += 4) {
        let s0 = bias ? h[bias + j] : 0;
        let s1 = bias ? h[bias + j + 1] : 0;
        let s2 = bias ? h[bias + j + 2] : 0;
        let s3 = bias ? h[bias + j + 3] : 0;
        for (let p = 0, ap = a + i * aRow, bp = b + j; p < K; p++, ap += aCol, bp += ldb) {
          const x = h[ap];
          s0 += x * h[bp];
          s1 += x * h[bp + 1];
          s2 += x * h[bp + 2];
          s3 += x * h[bp + 3];
        }
        store(c, ldc, relu, mask, i, j, s0, s1, s2, s3);
      }
    }
  };
}

const f32 = Math.fround;

function jsAdam(h: Float32Array): AdamKernel {
  return (p, g, m, v, n, ...scalars) => {
    // The wasm function takes f32 arguments: round them the same way.
    const [b1, b2, ob1, ob2, negLr, c1, c2, eps] = scalars.map(f32);
    for (let i = 0; i < n; i++) {
      const gi = h[g + i];
      const mi = f32(f32(h[m + i] * b1) + f32(gi * ob1));
      const vi = f32(f32(h[v + i] * b2) + f32(f32(gi * gi) * ob2));
      h[m + i] = mi;
      h[v + i] = vi;
      const step = f32(f32(mi / c1) / f32(f32(Math.sqrt(f32(vi / c2))) + eps));
      h[p + i] = f32(step * negLr) + h[p + i];
    }
  };
}

function jsPolyak(h: Float32Array): PolyakKernel {
  return (t, s, n, keepArg, takeArg) => {
    const [keep, take] = [f32(keepArg), f32(takeArg)];
    for (let i = 0; i < n; i++) h[t + i] = f32(h[t + i] * keep) + f32(h[s + i] * take);
  };
}

/** Kernels over a fresh heap of at least `floats` floats (rounded up to whole 64 KiB pages). */
export function createDenseKernels(floats: number, prefer: KernelKind = 'wasm-simd'): DenseKernels {
  const pages = Math.max(1, Math.ceil((floats * 4) / 65536));
  const mod = prefer === 'wasm-simd' ? compiledSimdModule() : null;
  if (mod) {
    const memory = new WebAssembly.Memory({ initial: pages });
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    const heap = new Float32Array(memory.buffer);
    heap[0] = 1;
    const x = instance.exports;
    return {
      kind: 'wasm-simd',
      heap,
      gemm: x.gemm as unknown as Gemm,
      adam: x.adam as unknown as AdamKernel,
      polyak: x.polyak as unknown as PolyakKernel,
    };
  }
  const heap = new Float32Array(pages * 16384);
  heap[0] = 1;
  return { kind: 'js', heap, gemm: jsGemm(heap), adam: jsAdam(heap), polyak: jsPolyak(heap) };
}
