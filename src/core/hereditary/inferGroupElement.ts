// Test-time inference of the group element (ALGORITHM.md §8): θ* = argmin_θ Σ_k (r_k − f̂₀(exp(−θX) s'_k))².
import { DEFAULT_ENV } from '../env';
import { compactness, expm3, type Generator } from '../lie';
import { scale3 } from '../linalg';
import { goldenSection } from './alignLogs';
import type { ContextTransition } from './context';

/** Anything that predicts the base reward at a state (NaN outside its data). */
export interface BaseRewardPredictor {
  value(x: number, y: number): number;
  /**
   * Optional batch form: out[i] = value(xs[i], ys[i]) for i < n, the same numbers. One call per θ instead of one
   * per context state keeps θ inference free of boxed numbers (a drag re-infers θ hundreds of times a second).
   */
  valuesInto?(xs: Float64Array, ys: Float64Array, n: number, out: Float64Array): void;
}

export interface InferenceOptions {
  /** Grid nodes over [0, 2π) (compact generator, period 2π) or over the real interval (non-compact). */
  gridSize: number;
  refineIterations: number;
  /** Squared-error charge for a context state mapped outside the model's data. */
  missingPenalty: number;
  /**
   * Whether θ lives on a circle: the discovered generator's compactness flag (HereditaryResult.compact). When absent
   * it is read from the generator with the same check discovery uses.
   */
  compact?: boolean;
  /** Half-width B of the arena [−B, B]² that bounds θ for a non-compact generator. */
  arenaBound?: number;
}

export const DEFAULT_INFERENCE: InferenceOptions = { gridSize: 256, refineIterations: 30, missingPenalty: 1 };

/** Where θ is searched: the circle [0, 2π) or a closed real interval [lo, hi] (no wrapping). */
export type ThetaDomain = { kind: 'circle' } | { kind: 'interval'; lo: number; hi: number };

export interface GroupElementEstimate {
  theta: number;
  loss: number;
  /** The loss curve over the grid (for the UI). */
  gridThetas: number[];
  gridLosses: number[];
  /** The domain searched (absent in files written before non-compact generators were searched). */
  domain?: ThetaDomain;
}

/**
 * The θ range of a non-compact generator: the largest interval around 0 on which exp(θX) still maps some point of the
 * arena into the arena (beyond it, every task the flow reaches has its goal outside). Sampled on the arena's
 * corners, centre and edge midpoints, marched in steps of 1/200 of the time the flow takes to cross the arena.
 * A unit-speed translation along d gets |θ| ≤ 2B / max(|d_x|, |d_y|).
 */
export function nonCompactThetaRange(generator: Generator, bound = DEFAULT_ENV.stateBound): [number, number] {
  const pts: [number, number][] = [];
  for (const x of [-bound, 0, bound]) for (const y of [-bound, 0, bound]) pts.push([x, y]);
  const speed = Math.max(
    ...pts.map(([x, y]) =>
      Math.hypot(
        generator[0] * x + generator[1] * y + generator[2],
        generator[3] * x + generator[4] * y + generator[5],
      ),
    ),
  );
  if (!(speed > 0)) return [0, 0];
  const step = (2 * bound) / speed / 200;
  const slack = 1e-9 * bound;
  const inside = (theta: number) => {
    const l = expm3(scale3(generator, theta));
    return pts.some(([x, y]) => {
      const u = l[0] * x + l[1] * y + l[2];
      const v = l[3] * x + l[4] * y + l[5];
      return Math.abs(u) <= bound + slack && Math.abs(v) <= bound + slack;
    });
  };
  const reach = (sign: number) => {
    let k = 0;
    while (k < 4000 && inside(sign * (k + 1) * step)) k++;
    return sign * k * step;
  };
  return [reach(-1), reach(1)];
}

/** The domain searched for a generator: the circle when compact, else the arena's θ range. */
export function thetaDomain(
  generator: Generator,
  opts: Pick<InferenceOptions, 'compact' | 'arenaBound'> = {},
): ThetaDomain {
  const compact = opts.compact ?? compactness(generator).compact;
  if (compact) return { kind: 'circle' };
  const [lo, hi] = nonCompactThetaRange(generator, opts.arenaBound);
  return { kind: 'interval', lo, hi };
}

/** The grid nodes of a domain: 2πk/m on the circle, m evenly spaced nodes from lo to hi (both ends) on an interval. */
export function domainGrid(domain: ThetaDomain, m: number): number[] {
  if (domain.kind === 'circle') return Array.from({ length: m }, (_, k) => (2 * Math.PI * k) / m);
  if (m === 1 || domain.hi === domain.lo) return [(domain.lo + domain.hi) / 2];
  return Array.from({ length: m }, (_, k) => domain.lo + ((domain.hi - domain.lo) * k) / (m - 1));
}

const domainKey = (d: ThetaDomain, m: number) => (d.kind === 'circle' ? `c${m}` : `i${m}|${d.lo}|${d.hi}`);

/** exp(−θ_k X) at a domain's grid nodes, computed once per generator (a drag re-infers θ many times with one X). */
const gridFlowCache = new WeakMap<Generator, Map<string, number[][]>>();

export function gridInverseFlows(
  generator: Generator,
  gridSize: number,
  domain: ThetaDomain = { kind: 'circle' },
): number[][] {
  let byGrid = gridFlowCache.get(generator);
  if (!byGrid) gridFlowCache.set(generator, (byGrid = new Map()));
  const key = domainKey(domain, gridSize);
  let flows = byGrid.get(key);
  if (!flows) {
    flows = domainGrid(domain, gridSize).map((t) => expm3(scale3(generator, -t)));
    byGrid.set(key, flows);
  }
  return flows;
}

/** Σ_k (r_k − f̂₀(exp(−θX) s'_k))² for one θ. */
export function contextLoss(
  context: readonly ContextTransition[],
  generator: Generator,
  model: BaseRewardPredictor,
  theta: number,
  missingPenalty = DEFAULT_INFERENCE.missingPenalty,
): number {
  return contextLossAt(context, expm3(scale3(generator, -theta)), model, missingPenalty);
}

/** Scratch for contextLossAt: the mapped context states and their predicted base rewards. */
let mappedX = new Float64Array(64);
let mappedY = new Float64Array(64);
let predicted = new Float64Array(64);

function contextLossAt(
  context: readonly ContextTransition[],
  inv: readonly number[],
  model: BaseRewardPredictor,
  missingPenalty: number,
): number {
  const n = context.length;
  if (mappedX.length < n) {
    mappedX = new Float64Array(2 * n);
    mappedY = new Float64Array(2 * n);
    predicted = new Float64Array(2 * n);
  }
  for (let k = 0; k < n; k++) {
    const s = context[k].next;
    mappedX[k] = inv[0] * s[0] + inv[1] * s[1] + inv[2];
    mappedY[k] = inv[3] * s[0] + inv[4] * s[1] + inv[5];
  }
  if (model.valuesInto) model.valuesInto(mappedX, mappedY, n, predicted);
  else for (let k = 0; k < n; k++) predicted[k] = model.value(mappedX[k], mappedY[k]);
  let loss = 0;
  for (let k = 0; k < n; k++) {
    const f = predicted[k];
    loss += Number.isFinite(f) ? (context[k].reward - f) ** 2 : missingPenalty;
  }
  return loss;
}

/**
 * Grid search over the domain then golden-section refinement within one grid step of the best node: on the circle
 * the result is wrapped to [0, 2π); on an interval it is a real number kept inside [lo, hi] (never wrapped).
 */
export function inferGroupElement(
  context: readonly ContextTransition[],
  generator: Generator,
  model: BaseRewardPredictor,
  opts: InferenceOptions = DEFAULT_INFERENCE,
): GroupElementEstimate {
  const domain = thetaDomain(generator, opts);
  const gridThetas = domainGrid(domain, opts.gridSize);
  const flows = gridInverseFlows(generator, opts.gridSize, domain);
  const gridLosses = flows.map((inv) => contextLossAt(context, inv, model, opts.missingPenalty));
  let best = 0;
  for (let k = 1; k < gridLosses.length; k++) if (gridLosses[k] < gridLosses[best]) best = k;
  const step = gridThetas.length > 1 ? gridThetas[1] - gridThetas[0] : 0;
  let lo = gridThetas[best] - step;
  let hi = gridThetas[best] + step;
  if (domain.kind === 'interval') [lo, hi] = [Math.max(lo, domain.lo), Math.min(hi, domain.hi)];
  const f = (t: number) => contextLoss(context, generator, model, t, opts.missingPenalty);
  let theta = goldenSection(f, lo, hi, opts.refineIterations);
  let loss = f(theta);
  if (loss > gridLosses[best]) [theta, loss] = [gridThetas[best], gridLosses[best]];
  if (domain.kind === 'circle') theta = ((theta % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  return { theta, loss, gridThetas, gridLosses, domain };
}
