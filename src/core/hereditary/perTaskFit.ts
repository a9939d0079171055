// Step 1 of §7: each task's own left action L_i⁰ = exp(Y_i), right only up to the base symmetry exp(αS).
import type { Yielding } from '../cooperative';
import { expm3, type Generator, generatorFromVector, rotationGenerator } from '../lie';
import type { Mat3 } from '../linalg';
import type { Vec2 } from '../vec';
import {
  type AlignmentTerms,
  alignmentTerms,
  type TermWeights,
  writeAlignmentResiduals,
} from './alignmentLoss';
import type { BaseAnchors } from './baseAnchors';
import { DEFAULT_LM, LM_YIELD_ENTRIES, levenbergMarquardtSteps, meanSquare } from './levenbergMarquardt';
import type { RewardField } from './rewardField';

export interface PerTaskOptions {
  /** Multi-start: rotations about each centre by each angle. */
  centres: Vec2[];
  angles: number[];
  /** Further starts given as 6-vectors Y (L = exp(Y)), e.g. a known map to refit from. */
  extraStarts?: readonly (readonly number[])[];
  /** How many of the best starts are refined. */
  refine: number;
  /** Value weight before the noise floors are known (frame weight 1). */
  priorValueWeight: number;
  iterations: number;
}

export interface PerTaskFit {
  /** Y_i with L_i⁰ = exp(Y_i). */
  log: Generator;
  action: Mat3;
  /** 1 / per-task noise floors, measured at this task's own optimum. */
  weights: TermWeights;
  terms: AlignmentTerms;
  /** Weighted loss at the optimum (≈ 2 by construction of the floors). */
  loss: number;
  startsTried: number;
  /** Levenberg–Marquardt iterations over all refined starts and the weighted refit. */
  iterations: number;
}

/** The fixed multi-start grid: centres on a lattice over the central arena, 12 angles. */
export function defaultStarts(spacing = 1, extent = 2): { centres: Vec2[]; angles: number[] } {
  const centres: Vec2[] = [];
  for (let y = -extent; y <= extent + 1e-9; y += spacing)
    for (let x = -extent; x <= extent + 1e-9; x += spacing) centres.push([x, y]);
  const angles = Array.from({ length: 12 }, (_, k) => (k * Math.PI) / 6);
  return { centres, angles };
}

function residualFn(anchors: BaseAnchors, field: RewardField, w: TermWeights) {
  return (params: readonly number[]): Float64Array => {
    const out = new Float64Array(2 * anchors.count);
    writeAlignmentResiduals(anchors, field, expm3(generatorFromVector(params)), w, out);
    return out;
  };
}

/** One task's left action: multi-start, refine the best, refit over its noise floors (yields between starts and in LM). */
export function* fitTaskActionSteps(
  anchors: BaseAnchors,
  field: RewardField,
  opts: PerTaskOptions,
): Yielding<PerTaskFit> {
  const prior: TermWeights = { frame: 1, value: opts.priorValueWeight };
  const fnA = residualFn(anchors, field, prior);
  const starts: { params: number[]; loss: number }[] = [];
  // The multi-start scoring yields on the same measure as the fits: residual entries computed.
  let entries = 0;
  for (const c of opts.centres) {
    const xc = rotationGenerator(c).slice(0, 6);
    for (const a of opts.angles) {
      if (a === 0 && starts.length > 0) continue;
      const params = xc.map((v) => v * a);
      starts.push({ params, loss: meanSquare(fnA(params), 0.5).loss });
      entries += 2 * anchors.count;
    }
    if (entries >= LM_YIELD_ENTRIES) {
      entries = 0;
      yield;
    }
  }
  yield;
  for (const y of opts.extraStarts ?? []) {
    const params = y.slice(0, 6);
    starts.push({ params, loss: meanSquare(fnA(params), 0.5).loss });
  }
  starts.sort((a, b) => a.loss - b.loss);
  const lm = { ...DEFAULT_LM, maxIterations: opts.iterations };
  let best = { params: starts[0].params, loss: Number.POSITIVE_INFINITY };
  let iterations = 0;
  for (const s of starts.slice(0, opts.refine)) {
    const r = yield* levenbergMarquardtSteps(fnA, s.params, lm);
    iterations += r.iterations;
    if (r.loss < best.loss) best = r;
    yield;
  }
  // Noise floors at this task's own optimum, then refit with each term divided by its floor.
  const floors = alignmentTerms(anchors, field, expm3(generatorFromVector(best.params)));
  const weights: TermWeights = {
    frame: 1 / Math.max(floors.frame, 1e-12),
    value: 1 / Math.max(floors.value, 1e-12),
  };
  const refined = yield* levenbergMarquardtSteps(residualFn(anchors, field, weights), best.params, lm);
  const log = generatorFromVector(refined.params);
  const action = expm3(log);
  return {
    log,
    action,
    weights,
    terms: alignmentTerms(anchors, field, action),
    loss: refined.loss,
    startsTried: starts.length,
    iterations: iterations + refined.iterations,
  };
}
