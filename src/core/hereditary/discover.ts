// Hereditary geometry discovery (ALGORITHM.md §7): per-task fits, align, joint fit, decision, normalisation.
import { radToDeg } from '../angles';
import { immediate, runToEnd, type Yielding } from '../cooperative';
import type { RewardSamples } from '../explorationData';
import { compactness, type Generator, generatorAngleError, normalizeCompact, normalizeUnit } from '../lie';
import { symmetricEigen } from '../linalg';
import { type AlignOptions, alignTaskLogsSteps } from './alignLogs';
import { weightedLoss } from './alignmentLoss';
import { selectBaseAnchors } from './baseAnchors';
import { type BaseSymmetry, discoverBaseSymmetry } from './baseSymmetry';
import { fitJointGeneratorSteps } from './jointFit';
import { defaultStarts, fitTaskActionSteps, type PerTaskFit } from './perTaskFit';
import { GriddedRewardField, type RewardField } from './rewardField';
import {
  compareResiduals,
  decideVerdict,
  type HereditaryVerdict,
  type NullCalibration,
  replicateWorstRatioSteps,
  VERDICT_THRESHOLD,
} from './verdict';

export type HereditaryStage = 'fields' | 'baseSymmetry' | 'perTask' | 'align' | 'joint' | 'verdict' | 'done';

export interface HereditaryProgress {
  stage: HereditaryStage;
  /** 0..1 within the whole run. */
  fraction: number;
  message: string;
}

export interface HereditaryOptions {
  seed: number;
  /** Base anchor points, drawn from base samples in [−w, w]². */
  anchors: number;
  anchorHalfWidth: number;
  /** Local-regression bandwidth of the gradient frames and value fields. */
  bandwidth: number;
  gridSpacing: number;
  /** Multi-start lattice spacing of rotation centres over [−2, 2]², refined starts, LM iterations. */
  startSpacing: number;
  refineStarts: number;
  perTaskIterations: number;
  priorValueWeight: number;
  align: AlignOptions;
  jointIterations: number;
  /** Without a calibration: hereditary when Σ joint loss / Σ per-task loss ≤ threshold (the earlier verdict). */
  threshold: number;
  compactTolerance: number;
  /** With a calibration: exactly hereditary replicates that measure the verdict's noise floor (verdict.ts). */
  nullReplicates: number;
  /** With a calibration: hereditary when the worst task's ratio over its floor is at most this. */
  verdictThreshold: number;
}

export interface HereditaryRunOptions extends HereditaryOptions {
  /** Another frame source (e.g. kernel frames) may replace the gridded local regression. */
  fieldFactory?: (samples: RewardSamples) => RewardField;
  onProgress?: (p: HereditaryProgress) => void;
  /**
   * Fresh base-task exploration for the verdict's noise floor (verdict.ts); without it the verdict is the earlier
   * Σ-ratio against `threshold`.
   */
  calibration?: NullCalibration;
  /** Ground truth used ONLY to score the result (errorDeg); never read by the learner. */
  truthForScoring?: { generator: Generator; baseSymmetry?: Generator };
}

export const HEREDITARY_QUICK: HereditaryOptions = {
  seed: 1,
  anchors: 400,
  anchorHalfWidth: 2.5,
  bandwidth: 0.1,
  gridSpacing: 0.05,
  startSpacing: 1,
  refineStarts: 3,
  perTaskIterations: 30,
  priorValueWeight: 100,
  align: { gridSize: 96, restarts: 8, sweeps: 4 },
  jointIterations: 40,
  threshold: 4,
  compactTolerance: 0.05,
  nullReplicates: 1,
  verdictThreshold: VERDICT_THRESHOLD,
};

export const HEREDITARY_FULL: HereditaryOptions = {
  ...HEREDITARY_QUICK,
  anchors: 1000,
  gridSpacing: 0.04,
  startSpacing: 0.5,
  refineStarts: 6,
  perTaskIterations: 60,
  align: { gridSize: 180, restarts: 16, sweeps: 6 },
  jointIterations: 80,
  nullReplicates: 2,
};

export interface HereditaryResult {
  /** The shared generator: period-2π normalised when compact, else unit norm. */
  generator: Generator;
  /** θ_i with L_i = exp(θ_i X) for tasks 1..N (in [0, 2π) when compact). */
  thetas: number[];
  /** Per task: weighted per-task and joint losses on the same anchors (each term over its floor). */
  perTaskLoss: number[];
  jointLoss: number[];
  /** Σ joint / Σ per-task. */
  relativeResidual: number;
  threshold: number;
  isHereditary: boolean;
  compact: boolean;
  ambiguous: boolean;
  reason: string;
  /** The calibrated verdict (absent without a calibration, and in older files). */
  verdict?: HereditaryVerdict;
  baseSymmetry: BaseSymmetry;
  /** Per task: anchors the joint map sends outside the task's data (zero weight). */
  droppedPoints: number[];
  anchorCount: number;
  /** Σ_{k≥2} σ_k² of the normalised logs before / after the align step. */
  collinearity: { unaligned: number; aligned: number };
  timingsMs: Record<HereditaryStage | 'total', number>;
  /** Levenberg–Marquardt iterations of the per-task and joint fits (absent in older files). */
  lmIterations?: number;
  /** Only with truthForScoring: sign-free angle errors in degrees. */
  errorDeg?: number;
  diagnosticsDeg?: { naiveSvd: number; aligned: number; joint: number; baseSymmetry?: number };
}

export function discoverHereditaryGeometry(
  taskSamples: readonly RewardSamples[],
  opts: HereditaryRunOptions,
): HereditaryResult {
  return runToEnd(discoverHereditarySteps(taskSamples, opts));
}

/**
 * discoverHereditaryGeometry as a Yielding computation: it yields every few milliseconds of work (inside the fields'
 * grids, the multi-starts, every Levenberg–Marquardt fit and the align search), so a worker can pause it, step it
 * one chunk at a time or cancel it. Driven straight through it is the same computation, with the same result.
 */
export function* discoverHereditarySteps(
  taskSamples: readonly RewardSamples[],
  opts: HereditaryRunOptions,
): Yielding<HereditaryResult> {
  if (taskSamples.length < 2)
    throw new Error('hereditary discovery needs the base task and at least one other');
  const t0 = performance.now();
  const timings = {
    fields: 0,
    baseSymmetry: 0,
    perTask: 0,
    align: 0,
    joint: 0,
    verdict: 0,
    done: 0,
    total: 0,
  };
  const progress = (stage: HereditaryStage, fraction: number, message: string) =>
    opts.onProgress?.({ stage, fraction, message });
  let t = performance.now();
  const lap = (stage: HereditaryStage) => {
    const now = performance.now();
    timings[stage] = now - t;
    t = now;
  };

  progress('fields', 0, 'fitting reward fields and gradient frames');
  const custom = opts.fieldFactory;
  const make = (s: RewardSamples): Yielding<RewardField> =>
    custom
      ? immediate(custom(s))
      : GriddedRewardField.build(s, {
          bandwidth: opts.bandwidth,
          spacing: opts.gridSpacing,
          minNeighbours: 12,
        });
  const fields: RewardField[] = [];
  for (const s of taskSamples.slice(1)) {
    fields.push(yield* make(s));
    yield;
  }
  const anchors = selectBaseAnchors(taskSamples[0], {
    count: opts.anchors,
    halfWidth: opts.anchorHalfWidth,
    bandwidth: opts.bandwidth,
    seed: opts.seed,
  });
  lap('fields');
  yield;

  progress('baseSymmetry', 0.15, 'closed-form symmetry of the base reward');
  const baseSymmetry = discoverBaseSymmetry(anchors);
  lap('baseSymmetry');

  const perTaskOptions = {
    ...defaultStarts(opts.startSpacing, 2),
    refine: opts.refineStarts,
    priorValueWeight: opts.priorValueWeight,
    iterations: opts.perTaskIterations,
  };
  const perTask: PerTaskFit[] = [];
  for (const [i, f] of fields.entries()) {
    progress('perTask', 0.2 + (0.5 * i) / fields.length, `per-task left action ${i + 1}/${fields.length}`);
    perTask.push(yield* fitTaskActionSteps(anchors, f, perTaskOptions));
  }
  lap('perTask');
  const n = fields.length;
  const naive = leadingDirection(perTask.map((p) => p.log));

  if (n === 1) {
    lap('align');
    lap('joint');
    lap('verdict');
    timings.total = performance.now() - t0;
    progress('done', 1, 'ambiguous');
    const candidate =
      normalizeCompact(perTask[0].log, opts.compactTolerance) ?? normalizeUnit(perTask[0].log);
    return {
      generator: candidate,
      // θ with exp(θ X) = L₁⁰ for the candidate X (a projection; X is only one of many that fit).
      thetas: [
        candidate.slice(0, 6).reduce((acc, v, k) => acc + v * perTask[0].log[k], 0) /
          candidate.slice(0, 6).reduce((acc, v) => acc + v * v, 0),
      ],
      perTaskLoss: [weightedLoss(perTask[0].terms, perTask[0].weights)],
      jointLoss: [weightedLoss(perTask[0].terms, perTask[0].weights)],
      relativeResidual: Number.NaN,
      threshold: opts.threshold,
      isHereditary: false,
      compact: compactness(candidate, opts.compactTolerance).compact,
      ambiguous: true,
      reason:
        'Ambiguous: with one task besides the base, every rotation about a point on the perpendicular bisector of the two goals (composed with the base symmetry) fits equally well; add a task.',
      baseSymmetry,
      droppedPoints: [perTask[0].terms.dropped],
      anchorCount: anchors.count,
      collinearity: { unaligned: 0, aligned: 0 },
      timingsMs: timings,
      lmIterations: perTask[0].iterations,
      ...scoring(opts, candidate, naive, candidate, baseSymmetry),
    };
  }

  progress('align', 0.7, 'aligning the per-task logs along the base symmetry');
  const aligned = yield* alignTaskLogsSteps(
    perTask.map((p) => p.action),
    baseSymmetry.generator,
    opts.align,
  );
  lap('align');

  progress('joint', 0.8, 'joint fit of one generator');
  const weights = perTask.map((p) => p.weights);
  const joint = yield* fitJointGeneratorSteps(
    anchors,
    fields,
    weights,
    aligned.generator,
    aligned.thetas,
    opts.jointIterations,
  );
  lap('joint');

  // Relative residual on the same anchors: those both maps keep inside the task's support.
  const cal = opts.calibration;
  progress('verdict', cal ? 0.85 : 0.95, 'verdict: the shared generator against free per-task maps');
  const comparison = compareResiduals(
    anchors,
    fields,
    perTask.map((p) => p.action),
    weights,
    joint.generator,
    joint.thetas,
  );
  const { perTaskLoss, jointLoss, droppedPoints } = comparison;
  const relativeResidual = comparison.ratio;
  const comp = compactness(joint.generator, opts.compactTolerance);
  const compactX = normalizeCompact(joint.generator, opts.compactTolerance);
  const generator = compactX ?? normalizeUnit(joint.generator);
  // Rescale θ so exp(θ_i X) is unchanged: X_out ≈ s · X_unit.
  const s = generator.slice(0, 6).reduce((acc, v, k) => acc + v * joint.generator[k], 0);
  const twoPi = 2 * Math.PI;
  const thetas = joint.thetas.map((th) => (compactX ? (((th / s) % twoPi) + twoPi) % twoPi : th / s));
  const replicates: number[] = [];
  if (cal) {
    yield;
    for (let r = 0; r < Math.max(1, opts.nullReplicates); r++)
      replicates.push(
        yield* replicateWorstRatioSteps(
          anchors,
          make,
          joint.generator,
          joint.thetas,
          cal,
          perTaskOptions,
          opts.jointIterations,
          opts.seed * 7919 + r,
        ),
      );
  }
  const verdict = cal
    ? decideVerdict(comparison, replicates, comp.compact, n, opts.verdictThreshold)
    : undefined;
  lap('verdict');
  const isHereditary = verdict ? verdict.hereditary : relativeResidual <= opts.threshold;
  const reason =
    verdict?.reason ??
    (isHereditary
      ? `Hereditary: one generator explains every task (joint/per-task loss ${relativeResidual.toFixed(2)} ≤ ${opts.threshold})${comp.compact ? ', and it is compact (period 2π).' : ', but it is not compact.'}`
      : `Not hereditary: the shared generator fits ${relativeResidual.toFixed(1)}× worse than the free per-task maps (threshold ${opts.threshold}).`);
  timings.total = performance.now() - t0;
  progress('done', 1, reason);
  return {
    generator,
    thetas,
    perTaskLoss,
    jointLoss,
    relativeResidual,
    threshold: opts.threshold,
    isHereditary,
    compact: comp.compact,
    ambiguous: false,
    reason,
    ...(verdict ? { verdict } : {}),
    baseSymmetry,
    droppedPoints,
    anchorCount: anchors.count,
    collinearity: { unaligned: aligned.scoreUnaligned, aligned: aligned.score },
    timingsMs: timings,
    lmIterations: perTask.reduce((n, p) => n + p.iterations, joint.iterations),
    ...scoring(opts, generator, naive, aligned.generator, baseSymmetry),
  };
}

/** Leading direction of stacked normalised logs: the naive (unaligned) SVD estimate. */
function leadingDirection(logs: readonly Generator[]): Generator {
  const g = new Array<number>(36).fill(0);
  for (const y of logs) {
    const v = y.slice(0, 6);
    const nrm = Math.hypot(...v) || 1;
    for (let a = 0; a < 6; a++) for (let b = 0; b < 6; b++) g[a * 6 + b] += (v[a] * v[b]) / (nrm * nrm);
  }
  return [...symmetricEigen(g, 6).vectors[5], 0, 0, 0];
}

function scoring(
  opts: HereditaryRunOptions,
  joint: Generator,
  naive: Generator,
  aligned: Generator,
  base: BaseSymmetry,
): Pick<HereditaryResult, 'errorDeg' | 'diagnosticsDeg'> {
  const truth = opts.truthForScoring;
  if (!truth) return {};
  const err = (x: Generator) => radToDeg(generatorAngleError(x, truth.generator));
  return {
    errorDeg: err(joint),
    diagnosticsDeg: {
      naiveSvd: err(naive),
      aligned: err(aligned),
      joint: err(joint),
      ...(truth.baseSymmetry
        ? { baseSymmetry: radToDeg(generatorAngleError(base.generator, truth.baseSymmetry)) }
        : {}),
    },
  };
}
