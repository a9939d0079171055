// Plain-JS multilayer perceptron: weight type, fast batched forward pass, JSON-safe (base64) serialisation.

/** One dense layer: y = x·W + b with W row-major inDim×outDim. */
export interface MlpLayer {
  inDim: number;
  outDim: number;
  w: Float32Array;
  b: Float32Array;
}

/** A ReLU MLP: ReLU after every layer except the last, which is linear. */
export interface MlpWeights {
  layers: MlpLayer[];
}

/** Hidden activations above this many numbers get their own array (small batches reuse two module buffers). */
const SCRATCH_LIMIT = 1 << 16;
const scratch: Float64Array[] = [new Float64Array(256), new Float64Array(256)];

/**
 * Buffer `k` (0 or 1) of at least `size` numbers for a hidden layer's output. Consecutive layers alternate, so a
 * layer never reads the buffer it writes; nothing re-enters the forward pass. A per-step rollout thus allocates
 * nothing (a drag preview runs hundreds of single-row passes, and their garbage set the pace of the page's GC).
 */
function hiddenScratch(k: number, size: number): Float64Array {
  if (size > SCRATCH_LIMIT) return new Float64Array(size);
  if (scratch[k].length < size) scratch[k] = new Float64Array(Math.max(size, 2 * scratch[k].length));
  return scratch[k];
}

/**
 * Batched forward pass over n input rows (row-major n×inDim). Writes n×outDim into `out` (allocated
 * when absent) and returns it. Float64 accumulation; hidden activations are ReLU.
 */
export function mlpForward(
  weights: MlpWeights,
  input: Float32Array | Float64Array,
  n: number,
  out?: Float64Array,
): Float64Array {
  const layers = weights.layers;
  let x: Float32Array | Float64Array = input;
  for (let l = 0; l < layers.length; l++) {
    const { inDim, outDim, w, b } = layers[l];
    const last = l === layers.length - 1;
    const y = last
      ? out && out.length >= n * outDim
        ? out
        : new Float64Array(n * outDim)
      : hiddenScratch(l & 1, n * outDim);
    for (let r = 0; r < n; r++) {
      const xo = r * inDim;
      const yo = r * outDim;
      for (let j = 0; j < outDim; j++) y[yo + j] = b[j];
      for (let i = 0; i < inDim; i++) {
        const xi = x[xo + i];
        if (xi === 0) continue;
        const wo = i * outDim;
        for (let j = 0; j < outDim; j++) y[yo + j] += xi * w[wo + j];
      }
      if (!last) for (let j = 0; j < outDim; j++) if (y[yo + j] < 0) y[yo + j] = 0;
    }
    x = y;
  }
  return x as Float64Array;
}

/** JSON-safe form of an MLP: shapes plus base64 of the little-endian Float32 bytes. */
export interface SerializedMlp {
  layers: { inDim: number; outDim: number; w: string; b: string }[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Standard base64 of raw bytes (no Node Buffer, no btoa: works in Node, browsers and workers). */
export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    s += B64[v >> 18] + B64[(v >> 12) & 63] + B64[(v >> 6) & 63] + B64[v & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i] << 16;
    s += B64[v >> 18] + B64[(v >> 12) & 63] + '==';
  } else if (rest === 2) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    s += B64[v >> 18] + B64[(v >> 12) & 63] + B64[(v >> 6) & 63] + '=';
  }
  return s;
}

export function base64ToBytes(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const c = [0, 1, 2, 3].map((k) => (i + k < clean.length ? B64_INDEX[clean.charCodeAt(i + k)] : 0));
    if (c.some((v) => v < 0)) throw new Error('base64: invalid character');
    const v = (c[0] << 18) | (c[1] << 12) | (c[2] << 6) | c[3];
    if (o < out.length) out[o++] = (v >> 16) & 255;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}

/** Float32 values as base64 of their little-endian bytes (the byte order is fixed, not the host's). */
export function float32ToBase64(a: Float32Array): string {
  const bytes = new Uint8Array(a.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < a.length; i++) view.setFloat32(4 * i, a[i], true);
  return bytesToBase64(bytes);
}

export function base64ToFloat32(s: string): Float32Array {
  const bytes = base64ToBytes(s);
  if (bytes.length % 4 !== 0) throw new Error('base64ToFloat32: byte count is not a multiple of 4');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
  return out;
}

export function serializeMlp(weights: MlpWeights): SerializedMlp {
  return {
    layers: weights.layers.map((l) => ({
      inDim: l.inDim,
      outDim: l.outDim,
      w: float32ToBase64(l.w),
      b: float32ToBase64(l.b),
    })),
  };
}

export function deserializeMlp(s: SerializedMlp): MlpWeights {
  return {
    layers: s.layers.map((l) => {
      const w = base64ToFloat32(l.w);
      const b = base64ToFloat32(l.b);
      if (w.length !== l.inDim * l.outDim || b.length !== l.outDim)
        throw new Error(`deserializeMlp: layer ${l.inDim}×${l.outDim} has wrong sizes`);
      return { inDim: l.inDim, outDim: l.outDim, w, b };
    }),
  };
}

/** Input and output sizes of an MLP. */
export const mlpDims = (weights: MlpWeights): { inDim: number; outDim: number } => ({
  inDim: weights.layers[0].inDim,
  outDim: weights.layers[weights.layers.length - 1].outDim,
});
