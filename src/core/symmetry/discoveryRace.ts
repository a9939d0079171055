// Differential vs functional symmetry discovery of one reward (ALGORITHM.md §6): same Adam, batch, seed, init.
import { degToRad, radToDeg } from '../angles';
import { applyToPoint, flow, generatorAngleError, generatorFromVector, normalizeUnit } from '../lie';
import { Rng } from '../rng';
import { YIELD_EVERY, yieldToEventLoop } from '../yieldToEventLoop';
import { closedFormGenerator } from './closedForm';
import { heldOutObjectives } from './heldOutObjective';
import { arrivalSteps, LR_ARRIVAL_BAND, pickLrEndObjective, pickLrOracle, pickLrTruthFree } from './lrRule';
import { describeSetting, makeContext, type RaceContext } from './raceContext';
import { type RaceBatch, sideStepper } from './raceSteppers';
import type {
  CurvePoint,
  LrSweepResult,
  RaceOptions,
  RaceResult,
  RaceSide,
  SideRun,
  SideSummary,
} from './raceTypes';
import { settleStep } from './settling';

export type * from './raceTypes';

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
};

function initialGenerator(seed: number): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: 6 }, () => rng.normal());
}

function thinCurve(curve: CurvePoint[], max = 200): CurvePoint[] {
  if (curve.length <= max) return curve;
  const stride = Math.ceil(curve.length / max);
  const out = curve.filter((_, i) => i % stride === 0);
  if (out[out.length - 1] !== curve[curve.length - 1]) out[out.length - 1] = curve[curve.length - 1];
  return out;
}

/**
 * One side, all seeds together: Adam on the stacked generators [S, 6] from each seed's initial X, each
 * seed drawing its own batches from its own stream. Summing the per-seed losses keeps the seeds
 * independent (row s's gradient is seed s's alone and Adam is elementwise), so each run is what it
 * would be alone; stacking only saves the per-step cost of dispatching tiny ops S times.
 */
/** The lr rule's trace: every TRACE_EVERY steps, on TRACE_SAMPLES held-out samples (a fraction of a step's cost). */
export const TRACE_EVERY = 10;
const TRACE_SAMPLES = 256;

/** Each seed's held-out objective at steps 0, every, 2·every, …, T (the last entry at the end of the budget). */
function heldOutTraces(
  ctx: RaceContext,
  side: RaceSide,
  histories: Float32Array[],
  steps: number,
): number[][] {
  const checkpoints = Array.from({ length: Math.floor(steps / TRACE_EVERY) + 1 }, (_, c) => c * TRACE_EVERY);
  if (checkpoints[checkpoints.length - 1] !== steps) checkpoints.push(steps);
  const traces = histories.map(() => [] as number[]);
  for (const t of checkpoints) {
    const at = histories.map((h) => Array.from(h.subarray(6 * t, 6 * t + 6)));
    heldOutObjectives(ctx, side, at, TRACE_SAMPLES).forEach((v, s) => {
      traces[s].push(v);
    });
  }
  return traces;
}

async function runSide(
  ctx: RaceContext,
  side: RaceSide,
  seeds: number[],
  lr: number,
  trace: boolean,
): Promise<SideRun[]> {
  const { opts, batch } = ctx;
  const S = seeds.length;
  const target = degToRad(opts.targetDeg ?? 2);
  const current = seeds.map(initialGenerator);
  const stepper = sideStepper(ctx, side, current, lr);
  const rngs = seeds.map((seed) => new Rng(seed).fork(side === 'differential' ? 1 : 2));
  const data: RaceBatch = {
    points: new Float32Array(2 * batch * S),
    normals: new Float32Array(2 * batch * S),
    thetas: new Float32Array(batch * S),
    before: new Float32Array(batch * S),
    weights: new Float32Array(batch * S).fill(1),
  };
  const { points: pts, normals: aux, thetas, before, weights } = data;
  const losses = new Float64Array(S);
  const stepsTo2deg: (number | null)[] = seeds.map(() => null);
  const dropped = new Array<number>(S).fill(0);
  const curves: CurvePoint[][] = seeds.map(() => []);
  // Every seed's X_0 … X_T, for the truth-free settling step.
  const histories = seeds.map((_, s) => {
    const h = new Float32Array(6 * (opts.steps + 1));
    h.set(current[s]);
    return h;
  });
  const { samples, frames } = opts;
  try {
    for (let step = 1; step <= opts.steps; step++) {
      for (let s = 0; s < S; s++) {
        const rng = rngs[s];
        const o = s * batch;
        if (side === 'differential') {
          for (let b = o; b < o + batch; b++) {
            const k = ctx.frameIdx[rng.int(ctx.frameIdx.length)];
            pts[2 * b] = frames.anchors[2 * k];
            pts[2 * b + 1] = frames.anchors[2 * k + 1];
            aux[2 * b] = frames.normals[2 * k];
            aux[2 * b + 1] = frames.normals[2 * k + 1];
          }
          continue;
        }
        const xn = Math.hypot(...current[s]) || 1;
        const unit = generatorFromVector(current[s].map((v) => v / xn));
        for (let b = o; b < o + batch; b++) {
          const i = ctx.sampleIdx[rng.int(ctx.sampleIdx.length)];
          pts[2 * b] = samples.points[2 * i];
          pts[2 * b + 1] = samples.points[2 * i + 1];
          before[b] = ctx.rewardAtSamples[i];
          thetas[b] = rng.uniform(ctx.theta[0], ctx.theta[1]);
          if (ctx.support) {
            const [qx, qy] = applyToPoint(flow(unit, thetas[b]), [pts[2 * b], pts[2 * b + 1]]);
            let inside = false;
            ctx.support.forEachWithin(qx, qy, ctx.maskRadius, () => {
              inside = true;
            });
            weights[b] = inside ? 1 : 0;
            if (!inside) dropped[s]++;
          }
        }
      }
      stepper.step(data, losses);
      const x = stepper.current();
      const errors: number[] = [];
      for (let s = 0; s < S; s++) {
        current[s] = Array.from({ length: 6 }, (_, k) => x[6 * s + k]);
        histories[s].set(current[s], 6 * step);
        const err = generatorAngleError(generatorFromVector(current[s]), opts.truthForScoring);
        if (stepsTo2deg[s] === null && err < target) stepsTo2deg[s] = step;
        curves[s].push({ step, loss: Math.fround(losses[s]), errorDeg: radToDeg(err) });
        errors.push(radToDeg(err));
      }
      if (opts.onProgress && (step % 10 === 0 || step === opts.steps))
        opts.onProgress({
          side,
          seeds: S,
          step,
          steps: opts.steps,
          errorDeg: median(errors),
          loss: median(Array.from(losses)),
          generator: [...current[0]],
        });
      // Hand the thread back now and then: a worker then hears pause, step and cancel between steps.
      if (step % YIELD_EVERY === 0) await yieldToEventLoop();
    }
  } finally {
    stepper.dispose();
  }
  const heldOut = heldOutObjectives(ctx, side, current);
  const traces = trace ? heldOutTraces(ctx, side, histories, opts.steps) : null;
  return seeds.map((seed, s) => ({
    seed,
    stepsTo2deg: stepsTo2deg[s],
    finalError: curves[s][curves[s].length - 1]?.errorDeg ?? Number.NaN,
    generator: normalizeUnit(generatorFromVector(current[s])),
    curve: thinCurve(curves[s]),
    maskedFraction: side === 'functional' ? dropped[s] / (opts.steps * batch) : 0,
    heldOutObjective: heldOut[s],
    settleStep: settleStep(histories[s]),
    ...(traces ? { heldOutTrace: traces[s] } : {}),
  }));
}

function summarise(runs: SideRun[], lr: number, cap: number): SideSummary {
  const steps = runs.map((r) => r.stepsTo2deg ?? cap);
  return {
    lr,
    runs,
    medianSteps: median(steps),
    minSteps: Math.min(...steps),
    maxSteps: Math.max(...steps),
    reached: runs.filter((r) => r.stepsTo2deg !== null).length,
    medianFinalErrorDeg: median(runs.map((r) => r.finalError)),
    heldOutObjective: median(runs.map((r) => r.heldOutObjective)),
    medianSettleSteps: median(runs.map((r) => r.settleStep ?? cap)),
  };
}

async function runSeeds(ctx: RaceContext, side: RaceSide, lr: number, trace = false): Promise<SideSummary> {
  const shared = side === 'differential' ? ctx.opts.differentialRuns : undefined;
  const known = shared?.get(lr);
  if (known && (!trace || known.medianStepsToBand !== undefined || known.runs.every((r) => r.heldOutTrace)))
    return known;
  const first = ctx.opts.firstSeed ?? 1;
  const seeds = Array.from({ length: ctx.opts.seeds }, (_, s) => first + s);
  const summary = summarise(await runSide(ctx, side, seeds, lr, trace), lr, ctx.opts.steps);
  shared?.set(lr, summary);
  return summary;
}

function raceResult(
  ctx: RaceContext,
  rmse: number | null,
  differential: SideSummary,
  functional: SideSummary,
): RaceResult {
  const cf = closedFormGenerator(ctx.opts.frames);
  return {
    setting: describeSetting(ctx, rmse),
    differential,
    functional,
    speedup: functional.medianSteps / Math.max(1, differential.medianSteps),
    closedForm: {
      generator: cf.generator,
      errorDeg: radToDeg(generatorAngleError(cf.generator, ctx.opts.truthForScoring)),
      symmetryCount: cf.symmetryCount,
      eigenvalues: cf.eigenvalues,
    },
  };
}

/**
 * Each cell's median step into the arrival band of fraction `band` (LR_RULE), without touching the cells. Per seed
 * (same seed = same initial X and batches at every lr, so the comparison is paired) the band is the lowest end
 * value over the grid plus `band` × the descent from the start to it.
 */
function arrivalByCell(
  cells: readonly SideSummary[],
  band: number,
): { median: number | null; steps: (number | null)[] }[] {
  const seeds = cells[0]?.runs.length ?? 0;
  const end = (c: SideSummary, s: number) => c.runs[s].heldOutTrace?.at(-1) ?? Number.POSITIVE_INFINITY;
  const thresholds = Array.from({ length: seeds }, (_, s) => {
    const best = Math.min(...cells.map((c) => end(c, s)).filter(Number.isFinite));
    const start = cells[0].runs[s].heldOutTrace?.[0] ?? Number.NaN;
    if (!Number.isFinite(best)) return Number.NEGATIVE_INFINITY;
    return best + band * Math.max(0, Number.isFinite(start) ? start - best : 0);
  });
  return cells.map((c) => {
    const steps = c.runs.map((r, s) => arrivalSteps([r.heldOutTrace ?? []], TRACE_EVERY, thresholds[s])[0]);
    const m = median(steps.map((v) => v ?? Number.POSITIVE_INFINITY));
    return { median: Number.isFinite(m) ? m : null, steps };
  });
}

/** The rule's picks at other band fractions (reported: how much the pick depends on the band). */
export const LR_BAND_SENSITIVITY: readonly number[] = [1e-2, 1e-3, 1e-4];

/**
 * Annotates each cell with its arrival at LR_ARRIVAL_BAND and at LR_BAND_SENSITIVITY's bands, then drops the traces
 * (big, and nothing else reads them). Cells annotated before (the differential side's, shared between settings)
 * keep their figures.
 */
function annotateArrival(cells: SideSummary[]): void {
  if (cells.every((c) => c.medianStepsToBand !== undefined)) return;
  arrivalByCell(cells, LR_ARRIVAL_BAND).forEach((a, i) => {
    cells[i].medianStepsToBand = a.median;
    cells[i].stepsToBand = a.steps;
  });
  const byBand = LR_BAND_SENSITIVITY.map((band) => arrivalByCell(cells, band));
  cells.forEach((c, i) => {
    c.medianStepsToBandSensitivity = byBand.map((a) => a[i].median);
  });
  for (const c of cells) for (const r of c.runs) delete r.heldOutTrace;
}

/** The rule's pick when the band is LR_BAND_SENSITIVITY[k]. */
const pickAtBand = (cells: readonly SideSummary[], k: number): number =>
  pickLrTruthFree(
    cells.map((c) => ({ ...c, medianStepsToBand: c.medianStepsToBandSensitivity?.[k] ?? null })),
  );

/** The race: both sides over the same seeds (same initial X per seed), plus the closed-form answer. */
export async function runDiscoveryRace(opts: RaceOptions): Promise<RaceResult> {
  const { ctx, owned, rmse } = makeContext(opts);
  try {
    const differential = await runSeeds(ctx, 'differential', opts.lrDifferential);
    const functional = await runSeeds(ctx, 'functional', opts.lrFunctional);
    return raceResult(ctx, rmse, differential, functional);
  } finally {
    owned?.dispose();
  }
}

/**
 * Both sides over one lr grid with the same seeds, batch, initialisations and step budget. Each side's lr is
 * picked by the truth-free rule (lrRule.ts: lowest held-out objective); the oracle's pick is returned beside it,
 * for reporting only. The race at the picks is made of the sweep's own cells.
 */
export async function lrSweep(
  opts: Omit<RaceOptions, 'lrDifferential' | 'lrFunctional'> & {
    lrsDifferential: readonly number[];
    lrsFunctional: readonly number[];
  },
): Promise<LrSweepResult> {
  const { ctx, owned, rmse } = makeContext({ ...opts, lrDifferential: 0, lrFunctional: 0 });
  try {
    if (ctx.heldOutSampleIdx.length === 0 || ctx.heldOutFrameIdx.length === 0)
      throw new Error('lrSweep: the truth-free rule needs held-out samples (holdOut.fraction > 0)');
    const differential: SideSummary[] = [];
    for (const lr of opts.lrsDifferential) differential.push(await runSeeds(ctx, 'differential', lr, true));
    const functional: SideSummary[] = [];
    for (const lr of opts.lrsFunctional) functional.push(await runSeeds(ctx, 'functional', lr, true));
    annotateArrival(differential);
    annotateArrival(functional);
    const picked = { differential: pickLrTruthFree(differential), functional: pickLrTruthFree(functional) };
    const endObjective = {
      differential: pickLrEndObjective(differential),
      functional: pickLrEndObjective(functional),
    };
    const at = (cells: SideSummary[], lr: number) => cells.find((c) => c.lr === lr)!;
    return {
      setting: describeSetting(ctx, rmse),
      differential,
      functional,
      picked,
      oracle: { differential: pickLrOracle(differential), functional: pickLrOracle(functional) },
      endObjective,
      bandSensitivity: LR_BAND_SENSITIVITY.map((band, k) => {
        const lrs = { differential: pickAtBand(differential, k), functional: pickAtBand(functional, k) };
        const speedup =
          at(functional, lrs.functional).medianSteps /
          Math.max(1, at(differential, lrs.differential).medianSteps);
        return { band, lrs, speedup };
      }),
      endObjectiveSpeedup:
        at(functional, endObjective.functional).medianSteps /
        Math.max(1, at(differential, endObjective.differential).medianSteps),
      race: raceResult(ctx, rmse, at(differential, picked.differential), at(functional, picked.functional)),
    };
  } finally {
    owned?.dispose();
  }
}
