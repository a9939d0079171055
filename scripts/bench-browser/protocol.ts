// Messages between the browser-benchmark page and its worker (one tfjs backend per worker).

export type BenchRequest =
  | { kind: 'setup'; backend: string }
  | { kind: 'sac'; updates: number; warmup: number }
  /** The fused SAC step (what training uses): WebAssembly SIMD, or its plain-JS fallback. */
  | { kind: 'sac-fused'; updates: number; warmup: number; kernels: 'wasm-simd' | 'js' }
  /** One Adam step of each race loss in plain JS (what the race runs), batch 128. */
  | { kind: 'race-js' }
  /** Steps of the baseline's encoder training: fused, or tfjs on the worker's backend. */
  | { kind: 'encoder'; impl: 'fused' | 'tfjs'; steps: number }
  | { kind: 'frames-plain'; n: number }
  | { kind: 'frames-tf'; n: number }
  | { kind: 'discovery' };

/** ms figures of one request, or why it failed. `backend` is what tfjs reports as active. */
export type BenchReply =
  | { ok: true; backend: string; ms: Record<string, number>; note?: string }
  | { ok: false; error: string };
