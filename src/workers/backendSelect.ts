// Worker-side backend selection: probe webgpu → webgl → wasm → cpu, spot software GPUs, calibrate per workload.
import * as tf from '@tensorflow/tfjs';
import { wasmSimdAvailable } from '../core/sac/denseKernels';
import {
  type BackendName,
  type BackendProbe,
  type BackendReport,
  type CalibrationTiming,
  type SacPath,
  WORKLOADS,
  type Workload,
  type WorkloadChoice,
} from '../protocol/backend';
import {
  type AdapterDescription,
  bestAvailable,
  chooseForWorkload,
  describeAdapter,
  fallbackChoice,
  isSoftwareAdapter,
  probeOrder,
} from './backendChoice';
import { calibrate, errorText, tfjsCalibrationDeps, withTimeout } from './calibrate';
import { calibrateSac } from './sacCalibration';
// tfjs-wasm, registered with our binaries' paths as this module loads.
import './wasmPaths';

const SET_BACKEND_TIMEOUT_MS = 15_000;
const SELF_TEST_TIMEOUT_MS = 10_000;

/**
 * The GPU backends' code (≈ 1 MB of the compute worker's 2.1 MB) loads only for a backend that is about to start: a
 * hardware adapter, or a software one that a link names. Where there is none, no worker parses it.
 */
const GPU_BACKEND_MODULES: Partial<Record<BackendName, () => Promise<unknown>>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
};

interface GpuLike {
  requestAdapter(): Promise<{ info?: AdapterDescription; isFallbackAdapter?: boolean } | null>;
}

/** Ask WebGPU for an adapter ourselves, to name it and tell software ones apart. */
async function describeWebGpuAdapter(): Promise<{ found: boolean; info: AdapterDescription }> {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu) return { found: false, info: {} };
  const adapter = await withTimeout(gpu.requestAdapter(), SET_BACKEND_TIMEOUT_MS, 'requestAdapter');
  if (!adapter) return { found: false, info: {} };
  const i = adapter.info ?? {};
  return {
    found: true,
    info: {
      vendor: i.vendor,
      architecture: i.architecture,
      device: i.device,
      description: i.description,
      isFallbackAdapter: Boolean(i.isFallbackAdapter ?? adapter.isFallbackAdapter),
    },
  };
}

/** The WebGL renderer string as seen from an OffscreenCanvas in this worker. */
function describeWebGlRenderer(): AdapterDescription {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return {};
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    return { description: typeof renderer === 'string' ? renderer : undefined };
  } catch {
    return {};
  }
}

/** Why a software adapter found while probing is not started (see BackendProbe.notStarted). */
const SOFTWARE_NOT_STARTED =
  'software adapter: not started (never chosen for speed; name it in the link’s backend= to use it)';

/**
 * setBackend + a tiny op read back: the backend is available only if all of it works. A software adapter is only
 * named, not started, unless `startSoftware` (the link names backends).
 */
async function probeBackend(backend: BackendName, startSoftware: boolean): Promise<BackendProbe> {
  const t0 = performance.now();
  const result = (available: boolean, note: string, software = false): BackendProbe => ({
    backend,
    available,
    note,
    software,
    probeMs: performance.now() - t0,
  });
  try {
    let note = '';
    let software = false;
    if (backend === 'webgpu') {
      const adapter = await describeWebGpuAdapter();
      if (!adapter.found) return result(false, 'no WebGPU adapter');
      software = isSoftwareAdapter(adapter.info);
      note = describeAdapter(adapter.info);
    } else if (backend === 'webgl') {
      const info = describeWebGlRenderer();
      software = isSoftwareAdapter(info);
      note = info.description ?? '';
    }
    if (software && !startSoftware) return { ...result(true, note, true), notStarted: SOFTWARE_NOT_STARTED };
    await GPU_BACKEND_MODULES[backend]?.();
    const ok = await withTimeout(tf.setBackend(backend), SET_BACKEND_TIMEOUT_MS, `setBackend(${backend})`);
    if (!ok) return result(false, 'setBackend returned false', software);
    await tf.ready();
    const sum = tf.tidy(() => tf.matMul(tf.ones([4, 4]), tf.ones([4, 4])).sum());
    const data = await withTimeout(sum.data(), SELF_TEST_TIMEOUT_MS, `${backend} self-test`);
    sum.dispose();
    if (data[0] !== 64) return result(false, `self-test gave ${data[0]} instead of 64`, software);
    return result(true, note, software);
  } catch (e) {
    return result(false, errorText(e));
  }
}

export interface BackendSelection {
  report: BackendReport;
  /** Backend to activate before running a stage of this workload. */
  backendFor(workload: Workload): BackendName;
  /** How SAC updates run (measured in calibration; the fused step where no report says otherwise). */
  sacPath(): SacPath;
  /** `backend` broke during work: move every workload on it elsewhere; returns the updated report. */
  markFailed(backend: BackendName, why: string): BackendReport;
}

/**
 * Probe availability in order (or the override's order), report, then calibrate every available
 * backend per workload and pick the fastest non-software one. `onReport` sees each phase.
 */
export async function selectBackends(
  override: BackendName[] | null,
  onReport: (report: BackendReport) => void,
  shouldStop: () => boolean = () => false,
): Promise<BackendSelection> {
  const order = probeOrder(override);
  const report: BackendReport = {
    phase: 'probing',
    order,
    overridden: override !== null && override.length > 0,
    probes: [],
    best: null,
    adapter: null,
    choices: [],
  };
  onReport({ ...report });
  for (const backend of order) {
    const probe = await probeBackend(backend, report.overridden);
    report.probes.push(probe);
    if (backend === 'webgpu' && probe.available) report.adapter = probe.note;
  }
  report.best = bestAvailable(report.probes) ?? 'cpu';
  report.phase = 'calibrating';
  onReport({ ...report, probes: [...report.probes] });
  // Hardware and CPU backends first, so a software GPU still busy with a timed-out op cannot slow them.
  const available = report.probes
    .filter((p) => p.available)
    .sort((a, b) => Number(a.software) - Number(b.software));
  // A software adapter is never chosen while anything else works, and timing one costs seconds of both
  // cores (shader compilation): time it only when a link names backends or nothing else is available.
  const timeSoftware = report.overridden || available.every((p) => p.software);
  const choices: WorkloadChoice[] = [];
  const deps = tfjsCalibrationDeps(activateBackend);
  for (const workload of WORKLOADS) {
    const timings: CalibrationTiming[] = [];
    for (const probe of available) {
      if (shouldStop()) break;
      if (probe.software && !timeSoftware) {
        timings.push({
          backend: probe.backend,
          ms: null,
          software: true,
          note: probe.note,
          skipped: 'never chosen for speed; name it in the link’s backend= to time it',
        });
        continue;
      }
      const measured = timings.flatMap((t) => (t.ms !== null && !t.software ? [t.ms] : []));
      timings.push(await calibrate(workload, probe, measured.length ? Math.min(...measured) : null, deps));
    }
    choices.push(chooseForWorkload(workload, timings, report.best));
  }
  report.choices = choices;
  // The SAC learner's own path (fused step or tfjs), timed as real updates once the 'rl' backend is known.
  if (!shouldStop()) {
    onReport({ ...report, probes: [...report.probes], choices: [...choices] });
    const rl = choices.find((c) => c.workload === 'rl')?.backend ?? report.best;
    await activateBackend(rl);
    report.sac = calibrateSac(rl, shouldStop);
  }
  report.phase = 'done';
  const final: BackendReport = { ...report, probes: [...report.probes] };
  onReport(final);
  return selectionFromReport(final);
}

/**
 * The selection a finished report describes. A helper worker adopts the main worker's report this way
 * instead of probing and calibrating again (same machine, same answer, seconds saved).
 */
export function selectionFromReport(final: BackendReport): BackendSelection {
  const pick = new Map(final.choices.map((c) => [c.workload, c.backend]));
  const selection: BackendSelection = {
    report: final,
    backendFor: (w) => pick.get(w) ?? final.best ?? 'cpu',
    sacPath: () => selection.report.sac?.path ?? (wasmSimdAvailable() ? 'fused-wasm-simd' : 'fused-js'),
    markFailed(backend, why) {
      const updated = selection.report.choices.map((c) =>
        c.backend === backend ? fallbackChoice(c, backend, why) : c,
      );
      for (const c of updated) pick.set(c.workload, c.backend);
      selection.report = { ...selection.report, choices: updated };
      return selection.report;
    },
  };
  return selection;
}

/** Make `backend` the active tfjs backend (it was initialised during probing). */
export async function activateBackend(backend: BackendName): Promise<void> {
  if (tf.getBackend() === backend) return;
  if (!(await tf.setBackend(backend))) throw new Error(`could not activate backend ${backend}`);
  await tf.ready();
}
