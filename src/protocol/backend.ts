// Backend names, workloads, the SAC paths and the backend report the compute worker sends to the page.
import type { UnitCosts } from '../core/pipeline/liveSchedule';

/** tfjs backends in the order in which availability is probed. */
export const BACKEND_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_ORDER)[number];

export const isBackendName = (s: string): s is BackendName =>
  (BACKEND_ORDER as readonly string[]).includes(s);

/**
 * Kinds of tfjs work, each calibrated separately: 'rl' = tiny SAC-like nets (batch 256, 2×64),
 * 'bulk' = large batched ops (frames, discovery). 'none' = the stage activates no backend itself (calibration, which times them).
 */
export const WORKLOADS = ['rl', 'bulk'] as const;
export type Workload = (typeof WORKLOADS)[number];
export type StageWorkload = Workload | 'none';

/** Outcome of the availability self-test of one backend. */
export interface BackendProbe {
  backend: BackendName;
  available: boolean;
  /** Why it is unavailable, or a note (e.g. the adapter's name). */
  note: string;
  /** True for software renderers (SwiftShader, llvmpipe, fallback adapter): never chosen for speed. */
  software: boolean;
  /** Wall time of the probe in ms. */
  probeMs: number;
  /**
   * Why the backend was found but not started (tfjs not initialised, no self-test): a software adapter nobody named
   * in the link. It is never chosen for speed, and starting one costs seconds of both cores (shader compilation).
   */
  notStarted?: string;
}

/** One calibration measurement: median ms per repetition, or why it failed. */
export interface CalibrationTiming {
  backend: BackendName;
  /** Median milliseconds per repetition; null when the measurement failed or timed out. */
  ms: number | null;
  software: boolean;
  /** For software adapters: the adapter's name (e.g. "google / swiftshader"). */
  note?: string;
  /**
   * True when only the first run was timed: it (shader compilation included) filled the time budget, or it
   * was already far slower than the fastest backend measured before it, so repeating could not change the pick.
   */
  firstRunOnly?: boolean;
  /**
   * Set when `ms` was extrapolated from a run of 1/scaledFrom of the op (the scout's second run × scaledFrom): that
   * was already HOPELESS_RATIO× slower than the fastest backend timed before, so the full op was not run.
   */
  scaledFrom?: number;
  /** Why the backend was not timed at all (a software adapter nobody asked for: it is never chosen anyway). */
  skipped?: string;
  error?: string;
}

/** The backend chosen for one workload, and why. */
export interface WorkloadChoice {
  workload: Workload;
  backend: BackendName;
  /** Human-readable reason, e.g. "webgpu is a software adapter (SwiftShader): wasm 16 ms vs webgpu 520 ms". */
  reason: string;
  timings: CalibrationTiming[];
}

/**
 * How a SAC update runs: the fused step on WebAssembly SIMD (src/core/sac/fusedSac.ts), the same step on its
 * plain-JS kernels (where SIMD does not compile), or the tfjs reference on the 'rl' backend.
 */
export const SAC_PATHS = ['fused-wasm-simd', 'fused-js', 'tfjs'] as const;
export type SacPath = (typeof SAC_PATHS)[number];

/** A SAC path as the page names it: "fused wasm-simd", "fused js (no WebAssembly SIMD)", "tfjs wasm". */
export function sacPathLabel(path: SacPath, backend?: BackendName): string {
  if (path === 'fused-wasm-simd') return 'fused wasm-simd';
  if (path === 'fused-js') return 'fused js (no WebAssembly SIMD)';
  return backend ? `tfjs ${backend}` : 'tfjs';
}

/** One SAC path timed in the worker: a real update (batch 256, 2×64 nets) and a sampled action. */
export interface SacPathTiming {
  path: SacPath;
  /** For 'tfjs': the backend it ran on (the 'rl' choice). The fused paths need none. */
  backend?: BackendName;
  /** Median ms per update; null when the timing failed. */
  msPerUpdate: number | null;
  /** Median ms per sampled action. */
  msPerAction?: number;
  error?: string;
}

/** The SAC path the training stages use, picked by measurement, and why. */
export interface SacChoice {
  path: SacPath;
  reason: string;
  timings: SacPathTiming[];
}

export type BackendReportPhase = 'probing' | 'calibrating' | 'done';

export interface BackendReport {
  phase: BackendReportPhase;
  /** The order that was probed (the link override, or the default order). */
  order: BackendName[];
  /** True when the order came from a `backend=` link override. */
  overridden: boolean;
  probes: BackendProbe[];
  /** Best available backend by order (webgpu whenever an adapter exists), or null before probing ends. */
  best: BackendName | null;
  /** WebGPU adapter description when one was found. */
  adapter: string | null;
  /** Per-workload choices; empty until calibration is done. */
  choices: WorkloadChoice[];
  /** How SAC updates run (fused or tfjs), timed after the choices; absent until then (and in older reports). */
  sac?: SacChoice;
  /**
   * This machine's unit costs on the chosen backends (SAC update and action, env step, race step), timed right
   * after the choices: absent until then, null when timing them failed. Budget durations derive from them.
   */
  unitCosts?: UnitCosts | null;
}
