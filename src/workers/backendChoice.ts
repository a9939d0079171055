// Pure backend-choice rules: software-adapter detection, link-override order, fastest per workload, the SAC path.
import {
  BACKEND_ORDER,
  type BackendName,
  type BackendProbe,
  type CalibrationTiming,
  type SacChoice,
  type SacPathTiming,
  sacPathLabel,
  type Workload,
  type WorkloadChoice,
} from '../protocol/backend';

/** Fields of GPUAdapterInfo (or a WebGL renderer string) that name the device. */
export interface AdapterDescription {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

const SOFTWARE_PATTERN = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render driver/i;

/** A software (CPU-emulated) GPU: SwiftShader & co. by name, or WebGPU's fallback adapter flag. */
export function isSoftwareAdapter(info: AdapterDescription): boolean {
  if (info.isFallbackAdapter) return true;
  return [info.vendor, info.architecture, info.device, info.description].some(
    (s) => typeof s === 'string' && SOFTWARE_PATTERN.test(s),
  );
}

export function describeAdapter(info: AdapterDescription): string {
  const parts = [info.vendor, info.architecture, info.device, info.description].filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
  const name = parts.length > 0 ? parts.join(' / ') : 'unnamed adapter';
  return info.isFallbackAdapter ? `${name} (fallback adapter)` : name;
}

/** Probe order: the override (deduplicated, cpu appended as a last resort) or the default order. */
export function probeOrder(override: readonly BackendName[] | null): BackendName[] {
  if (!override || override.length === 0) return [...BACKEND_ORDER];
  const order = [...new Set(override)];
  if (!order.includes('cpu')) order.push('cpu');
  return order;
}

/** First available backend in probe order. */
export function bestAvailable(probes: readonly BackendProbe[]): BackendName | null {
  return probes.find((p) => p.available)?.backend ?? null;
}

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toPrecision(2)) + ' ms';
const fmtTiming = (t: CalibrationTiming & { ms: number }): string =>
  fmtMs(t.ms) +
  (t.scaledFrom
    ? ` (extrapolated from a 1/${t.scaledFrom}-size run)`
    : t.firstRunOnly
      ? ' (first run only)'
      : '');

/** A later backend whose first run is this many times slower than the fastest so far is not repeated. */
export const HOPELESS_RATIO = 5;

/**
 * The fastest hardware (non-software) backend for a workload. A software adapter is never chosen for
 * speed; only when nothing else was measured does the fastest software one win, and the reason says so.
 */
export function chooseForWorkload(
  workload: Workload,
  timings: readonly CalibrationTiming[],
  fallback: BackendName,
): WorkloadChoice {
  const measured = timings.filter((t): t is CalibrationTiming & { ms: number } => t.ms !== null);
  const hardware = measured.filter((t) => !t.software).sort((a, b) => a.ms - b.ms);
  const software = measured.filter((t) => t.software).sort((a, b) => a.ms - b.ms);
  const failed = timings.filter((t) => t.ms === null && !t.skipped);
  const skipped = timings.filter((t) => t.skipped);
  const notes: string[] = [];
  let backend: BackendName;
  if (hardware.length > 0) {
    backend = hardware[0].backend;
    const others = hardware.slice(1).map((t) => `${t.backend} ${fmtTiming(t)}`);
    notes.push(
      others.length > 0
        ? `${backend} fastest: ${fmtMs(hardware[0].ms)} vs ${others.join(', ')}`
        : `${backend} ${fmtMs(hardware[0].ms)} (only measured hardware/CPU backend)`,
    );
  } else if (software.length > 0) {
    backend = software[0].backend;
    notes.push(`only software backends measured; ${backend} ${fmtMs(software[0].ms)}`);
  } else {
    backend = fallback;
    notes.push(`no calibration succeeded; using ${fallback}`);
  }
  const softwareName = (t: CalibrationTiming) =>
    `${t.backend} available but software adapter${t.note ? ` (${t.note})` : ''}`;
  for (const t of software) {
    if (t.backend !== backend) notes.push(`${softwareName(t)}: ${fmtTiming(t)}, never chosen for speed`);
  }
  for (const t of skipped) notes.push(`${softwareName(t)}: not timed (${t.skipped})`);
  for (const t of failed) notes.push(`${t.backend} failed: ${t.error ?? 'unknown error'}`);
  return { workload, backend, reason: notes.join('; '), timings: [...timings] };
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * After `failed` broke during a stage (e.g. a lost WebGPU device), choose again for the workload without it:
 * the fastest remaining measured backend, else the first available CPU path (wasm, then cpu).
 */
export function fallbackChoice(choice: WorkloadChoice, failed: BackendName, why: string): WorkloadChoice {
  const timings = choice.timings.map((t) =>
    t.backend === failed ? { ...t, ms: null, error: `failed during work: ${why}` } : t,
  );
  const rest = timings.filter((t) => t.backend !== failed);
  const next = chooseForWorkload(choice.workload, rest, failed === 'wasm' ? 'cpu' : 'wasm');
  return {
    ...next,
    timings,
    reason: `${failed} failed during work (${why}); fell back to ${next.backend}. ${next.reason}`,
  };
}

const describeTiming = (t: SacPathTiming): string =>
  `${sacPathLabel(t.path, t.backend)} ${t.msPerUpdate === null ? 'failed' : `${fmtMs(t.msPerUpdate)}/update`}`;

/**
 * The SAC path the training stages use: the fastest measured update. A fused path wins only where it measured
 * faster than tfjs on the 'rl' backend; when nothing was measured, the tfjs reference (it needs no WebAssembly).
 */
export function chooseSacPath(timings: readonly SacPathTiming[]): SacChoice {
  const measured = timings
    .filter((t): t is SacPathTiming & { msPerUpdate: number } => t.msPerUpdate !== null)
    .sort((a, b) => a.msPerUpdate - b.msPerUpdate);
  const failed = timings
    .filter((t) => t.msPerUpdate === null)
    .map((t) => `${sacPathLabel(t.path, t.backend)} failed: ${t.error ?? 'unknown error'}`);
  if (measured.length === 0)
    return {
      path: 'tfjs',
      reason: ['no SAC timing succeeded; using the tfjs reference', ...failed].join('; '),
      timings: [...timings],
    };
  const [best, ...rest] = measured;
  const vs = rest.map(
    (t) => `${describeTiming(t)} (${(t.msPerUpdate / best.msPerUpdate).toFixed(1)}× slower)`,
  );
  const head = `${describeTiming(best)} fastest`;
  return {
    path: best.path,
    reason: [vs.length > 0 ? `${head} vs ${vs.join(', ')}` : `${head} (only path measured)`, ...failed].join(
      '; ',
    ),
    timings: [...timings],
  };
}
