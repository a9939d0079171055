// The §5 accuracy table: frame and closed-form generator errors per estimator and sample size (truth only scores).
import { radToDeg } from '../angles';
import { DEFAULT_ENV, euclideanTask } from '../env';
import { collectExploration, type RewardSamples } from '../explorationData';
import { generatorAngleError, rotationGenerator } from '../lie';
import { Rng } from '../rng';
import { closedFormGenerator } from '../symmetry/closedForm';
import type { Vec2 } from '../vec';
import { estimateKernelFrames, type FrameEstimator, frameAngleErrors } from './kernelFrames';

export type FrameDataSource = 'disk' | 'exploration';

export interface FrameAccuracyRow {
  source: FrameDataSource;
  samples: number;
  estimator: FrameEstimator;
  radius: number;
  delta: number | null;
  medianDeg: number;
  p90Deg: number;
  /** Fraction of anchors with a frame. */
  covered: number;
  /** Closed-form generator vs rotation about the goal. */
  generatorErrorDeg: number;
  symmetryCount: number;
  /** λ₁/λ₂ of the closed-form spectrum. */
  gapRatio: number;
  /** Wall time of the frame estimate, for information only. */
  frameMs: number;
}

export interface FrameAccuracyOptions {
  sizes?: number[];
  sources?: FrameDataSource[];
  goal?: Vec2;
  seed?: number;
  /** ε of the gradient estimator per size (default 0.2 below 5k samples, else 0.1). */
  gradientRadius?: (samples: number) => number;
  levelsetRadius?: number;
  levelsetDelta?: number;
}

/** Exact rewards −‖p − g‖ at points uniform in a disk of radius `diskRadius` about the origin. */
export function diskRewardSamples(count: number, goal: Vec2, seed: number, diskRadius = 2.5): RewardSamples {
  const rng = new Rng(seed);
  const points = new Float64Array(2 * count);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const r = diskRadius * Math.sqrt(rng.next());
    const a = rng.uniform(0, 2 * Math.PI);
    const x = r * Math.cos(a);
    const y = r * Math.sin(a);
    points[2 * i] = x;
    points[2 * i + 1] = y;
    values[i] = -Math.hypot(x - goal[0], y - goal[1]);
  }
  return { points, values, count };
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Rows of ALGORITHM.md §5's table, measured: both estimators × sizes × data sources. */
export function frameAccuracyTable(opts: FrameAccuracyOptions = {}): FrameAccuracyRow[] {
  const sizes = opts.sizes ?? [2000, 10000, 50000];
  const sources = opts.sources ?? ['disk', 'exploration'];
  const goal = opts.goal ?? ([-0.70506, 0.70915] as const);
  const seed = opts.seed ?? 1;
  const gradRadius = opts.gradientRadius ?? ((n: number) => (n < 5000 ? 0.2 : 0.1));
  const lsRadius = opts.levelsetRadius ?? 0.1;
  const lsDelta = opts.levelsetDelta ?? 0.005;
  const truth = rotationGenerator(goal);
  const trueNormal = (x: number, y: number): [number, number] => [x - goal[0], y - goal[1]];
  const rows: FrameAccuracyRow[] = [];
  for (const source of sources) {
    for (const n of sizes) {
      const samples =
        source === 'disk'
          ? diskRewardSamples(n, goal, seed)
          : collectExploration(DEFAULT_ENV, euclideanTask(goal), { transitions: n, seed });
      for (const estimator of ['gradient', 'levelset'] as const) {
        const radius = estimator === 'gradient' ? gradRadius(n) : lsRadius;
        const t0 = now();
        const frames = estimateKernelFrames(samples, { estimator, radius, delta: lsDelta });
        const frameMs = now() - t0;
        const errs = frameAngleErrors(frames, trueNormal).filter((e) => !Number.isNaN(e));
        errs.sort();
        const cf = closedFormGenerator(frames);
        rows.push({
          source,
          samples: n,
          estimator,
          radius,
          delta: estimator === 'levelset' ? lsDelta : null,
          medianDeg: radToDeg(quantile(errs, 0.5)),
          p90Deg: radToDeg(quantile(errs, 0.9)),
          covered: frames.covered,
          generatorErrorDeg: radToDeg(generatorAngleError(cf.generator, truth)),
          symmetryCount: cf.symmetryCount,
          gapRatio: cf.gapRatio,
          frameMs,
        });
      }
    }
  }
  return rows;
}

/** The rows as a Markdown table (for the CLI bench and reports). */
export function formatFrameAccuracyTable(rows: readonly FrameAccuracyRow[]): string {
  const head =
    '| data | samples | estimator | ε | δ | median | p90 | covered | generator err | symmetries | λ₁/λ₂ | ms |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|---|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.source} | ${r.samples} | ${r.estimator} | ${r.radius} | ${r.delta ?? '–'} | ${r.medianDeg.toFixed(3)}° | ` +
      `${r.p90Deg.toFixed(3)}° | ${(100 * r.covered).toFixed(0)}% | ${r.generatorErrorDeg.toFixed(3)}° | ` +
      `${r.symmetryCount} | ${r.gapRatio.toExponential(1)} | ${r.frameMs.toFixed(0)} |`,
  );
  return [head, sep, ...lines].join('\n');
}
