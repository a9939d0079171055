// The compute worker: receives typed commands, picks backends, runs core stages, posts typed events.
import type { UnitCosts } from '../core/pipeline/liveSchedule';
import { wasmSimdAvailable } from '../core/sac/denseKernels';
import type { SacImpl } from '../core/sac/sacTrainer';
import { setYieldGate } from '../core/yieldToEventLoop';
import type { BackendName, BackendReport, SacPath, Workload } from '../protocol/backend';
import type { JobId, RunStageCommand, WorkerCommand, WorkerEvent } from '../protocol/messages';
import { STAGE_WORKLOAD, type StageName } from '../protocol/stages';
import { activateBackend, type BackendSelection, selectBackends, selectionFromReport } from './backendSelect';
import { RunGate } from './runGate';
import { sacImplOf } from './sacCalibration';
import { STAGE_HANDLERS, type StageContext, type StageHandler } from './stageHandlers';
import { measureUnitCosts } from './unitCosts';

const post = (event: WorkerEvent): void => self.postMessage(event);

/** Cancellation flags of jobs that were received and have not finished yet. */
const cancelled = new Map<JobId, boolean>();

/** Play, pause, step, slow motion and the drag hold, applied at every yield of every training loop. */
const runGate = new RunGate();
setYieldGate(() => runGate.gate(() => [...cancelled.values()].some(Boolean)));
let selection: Promise<BackendSelection> | null = null;
/** tfjs work runs one job at a time (one global backend); plain-JS stages skip this queue. */
let tfQueue: Promise<unknown> = Promise.resolve();

function recalibrate(override: BackendName[] | null, shouldStop: () => boolean): Promise<BackendReport> {
  const next = selectBackends(override, (report) => post({ type: 'backend-report', report }), shouldStop);
  selection = next;
  return next.then((s) => s.report);
}

/**
 * Time the unit costs on the calibrated backends and post the report with them. The page asks once its first
 * screen is complete, so the timings are not slowed by its own start-up work.
 */
async function measureCosts(shouldStop: () => boolean): Promise<UnitCosts | null> {
  const chosen = await (selection ?? recalibrate(null, () => false).then(() => selection!));
  const unitCosts = await measureUnitCosts(chosen, shouldStop);
  if (shouldStop()) return null;
  chosen.report = { ...chosen.report, unitCosts };
  post({ type: 'backend-report', report: chosen.report });
  return unitCosts;
}

/**
 * A SAC-training stage's config with the measured SAC path filled in, and the path that will really run (a config
 * that names an implementation keeps it).
 */
function withSacPath<C>(config: C, measured: SacPath): { config: C; path: SacPath } {
  const c = config as { experiment?: { sacImpl?: SacImpl } };
  const named = c.experiment?.sacImpl;
  if (!c.experiment) return { config, path: measured };
  if (named === undefined)
    return {
      config: { ...c, experiment: { ...c.experiment, sacImpl: sacImplOf(measured) } } as C,
      path: measured,
    };
  const fused: SacPath = wasmSimdAvailable() ? 'fused-wasm-simd' : 'fused-js';
  return { config, path: named === 'tfjs' ? 'tfjs' : fused };
}

function runJob(command: RunStageCommand): Promise<void> {
  const { job, stage } = command;
  const shouldStop = () => cancelled.get(job) === true;
  const workload = STAGE_WORKLOAD[stage];
  const ctx: StageContext = {
    progress: (step, total, extra) => post({ type: 'progress', job, stage, step, total, ...extra }),
    preview: (preview) => post({ type: 'preview', job, stage, preview }),
    shouldStop,
    recalibrate: (override) => recalibrate(override, shouldStop),
    measureUnitCosts: () => measureCosts(shouldStop),
  };
  const execute = async (): Promise<void> => {
    if (shouldStop()) {
      post({ type: 'cancelled', job });
      return;
    }
    // The union of handlers is indexed by the command's own stage, so config and handler always match.
    const handler = STAGE_HANDLERS[stage] as StageHandler<StageName>;
    let payload: Awaited<ReturnType<typeof handler>>;
    for (;;) {
      let backend: BackendName | null = null;
      let sel: BackendSelection | null = null;
      let config = command.config;
      let sac: SacPath | undefined;
      if (workload !== 'none') {
        const current: BackendSelection = await (selection ??
          recalibrate(null, () => false).then(() => selection!));
        sel = current;
        backend = current.backendFor(workload);
        await activateBackend(backend);
        if (workload === 'rl') ({ config, path: sac } = withSacPath(command.config, current.sacPath()));
      }
      post({ type: 'started', job, stage, backend, ...(sac ? { sac } : {}) });
      try {
        payload = await handler(config as never, ctx);
        break;
      } catch (e) {
        // A GPU backend that breaks mid-work (e.g. a lost WebGPU device) is dropped and the stage reruns on
        // the next choice: stages are seeded, so the rerun computes the same thing on the CPU path.
        if (shouldStop() || !sel || (backend !== 'webgpu' && backend !== 'webgl')) throw e;
        const why = e instanceof Error ? e.message : String(e);
        post({ type: 'backend-report', report: sel.markFailed(backend, why) });
        ctx.progress(0, 1, {
          message: `${backend} failed (${why}); rerunning on ${sel.backendFor(workload as Workload)}`,
        });
      }
    }
    if (shouldStop()) post({ type: 'cancelled', job });
    else post({ type: 'result', job, stage, payload } as WorkerEvent);
  };
  // Calibration and the unit-cost timing use tfjs too, so they queue like the tfjs stages.
  const queued = workload !== 'none' || stage === 'calibrate' || stage === 'unit-costs';
  const run = queued ? (tfQueue = tfQueue.then(execute, execute)) : execute();
  return run
    .catch((e: unknown) => {
      if (shouldStop()) post({ type: 'cancelled', job });
      else post({ type: 'error', job, message: e instanceof Error ? e.message : String(e) });
    })
    .finally(() => cancelled.delete(job));
}

self.onmessage = (e: MessageEvent<WorkerCommand>) => {
  const command = e.data;
  switch (command.type) {
    case 'run-stage':
      cancelled.set(command.job, false);
      void runJob(command);
      break;
    case 'cancel':
      if (cancelled.has(command.job)) cancelled.set(command.job, true);
      // A paused loop must reach its flag.
      runGate.wake();
      break;
    case 'run-control':
      runGate.set(command.control);
      if (command.step) runGate.step();
      break;
    case 'adopt-backends':
      selection = Promise.resolve(selectionFromReport(command.report));
      break;
    case 'yield-to-page':
      runGate.hold(command.ms);
      break;
  }
};
