// Times one workload's op on one tfjs backend within a budget; a backend likely to lose is scouted at a fraction of the size.
import type { BackendProbe, CalibrationTiming, Workload } from '../protocol/backend';
import { HOPELESS_RATIO, median } from './backendChoice';
import { type CalibrationOp, type CalibrationScout, calibrationOp, calibrationScout } from './calibrationOps';

/** Per backend and workload: stop repeating once this much time was spent. */
export const CALIBRATION_BUDGET_MS = 4_000;
const SOFTWARE_WARMUP_TIMEOUT_MS = 30_000;

export class TimeoutError extends Error {}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** What `calibrate` runs: the real tfjs ops and backend switch, or stand-ins in tests. */
export interface CalibrationDeps {
  activate(backend: BackendProbe['backend']): Promise<void>;
  op(workload: Workload): CalibrationOp;
  scout(workload: Workload): CalibrationScout | null;
}

/**
 * ms per full op extrapolated from a scout (a warm-up run, then one timed run, × scale), or null where the scout says
 * nothing: it is not hopeless, so the full op is timed as usual.
 */
async function scoutHopeless(scout: CalibrationScout, fastestMs: number, limitMs: number, what: string) {
  const op = scout.make();
  try {
    await withTimeout(op.run(), limitMs, `${what} scout warm-up`);
    const t = performance.now();
    await withTimeout(op.run(), limitMs, `${what} scout`);
    const estimate = (performance.now() - t) * scout.scale;
    return estimate > HOPELESS_RATIO * fastestMs ? estimate : null;
  } finally {
    op.dispose();
  }
}

/**
 * Median ms per repetition of a workload's op on one backend, within a time budget. After a faster backend was
 * timed (`fastestMs`), the workload's scout runs first: where it shows the backend HOPELESS_RATIO× slower, its
 * extrapolated time is reported and the full op never runs. A first full run already that much slower is not
 * repeated either.
 */
export async function calibrate(
  workload: Workload,
  probe: Pick<BackendProbe, 'backend' | 'software' | 'note'>,
  fastestMs: number | null,
  deps: CalibrationDeps,
): Promise<CalibrationTiming> {
  const base = {
    backend: probe.backend,
    software: probe.software,
    ...(probe.software ? { note: probe.note } : {}),
  };
  // Software GPUs compile shaders slowly; give their first run longer, they are measured for the report only.
  const warmupLimit = probe.software ? SOFTWARE_WARMUP_TIMEOUT_MS : CALIBRATION_BUDGET_MS * 2;
  try {
    await deps.activate(probe.backend);
    const scout = fastestMs !== null ? deps.scout(workload) : null;
    if (scout && fastestMs !== null) {
      const estimate = await scoutHopeless(scout, fastestMs, warmupLimit, workload);
      if (estimate !== null) return { ...base, ms: estimate, firstRunOnly: true, scaledFrom: scout.scale };
    }
    const op = deps.op(workload);
    try {
      const start = performance.now();
      await withTimeout(op.run(), warmupLimit, `${workload} warm-up`);
      const warm = performance.now() - start;
      const hopeless = fastestMs !== null && warm > HOPELESS_RATIO * fastestMs;
      if (warm > CALIBRATION_BUDGET_MS || hopeless) return { ...base, ms: warm, firstRunOnly: true };
      const times: number[] = [];
      while (times.length < op.repetitions && performance.now() - start < CALIBRATION_BUDGET_MS) {
        const t = performance.now();
        await withTimeout(op.run(), CALIBRATION_BUDGET_MS * 2, `${workload} run`);
        times.push(performance.now() - t);
      }
      return times.length > 0 ? { ...base, ms: median(times) } : { ...base, ms: warm, firstRunOnly: true };
    } finally {
      op.dispose();
    }
  } catch (e) {
    return { ...base, ms: null, error: errorText(e) };
  }
}

/** The real ops, on the real tfjs backends (activate: backendSelect's activateBackend). */
export const tfjsCalibrationDeps = (activate: CalibrationDeps['activate']): CalibrationDeps => ({
  activate,
  op: calibrationOp,
  scout: calibrationScout,
});
