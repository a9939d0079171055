// Test-time inference of the group element (ALGORITHM.md §8): θ* = argmin_θ Σ_k (r_k − f̂₀(exp(−θX) s'_k))².
import { expm3, type Generator } from '../lie';
import { scale3 } from '../linalg';
import { goldenSection } from './alignLogs';
import type { ContextTransition } from './context';

/** Anything that predicts the base reward at a state (NaN outside its data). */
export interface BaseRewardPredictor {
  value(x: number, y: number): number;
}

export interface InferenceOptions {
  /** Grid over [0, 2π) (compact generator, period 2π). */
  gridSize: number;
  refineIterations: number;
  /** Squared-error charge for a context state mapped outside the model's data. */
  missingPenalty: number;
}

export const DEFAULT_INFERENCE: InferenceOptions = { gridSize: 256, refineIterations: 30, missingPenalty: 1 };

export interface GroupElementEstimate {
  theta: number;
  loss: number;
  /** The loss curve over the grid (for the UI). */
  gridThetas: number[];
  gridLosses: number[];
}

/** exp(−θ_k X) at the grid angles θ_k = 2πk/gridSize, computed once per generator (a drag re-infers θ many times with one X). */
const gridFlowCache = new WeakMap<Generator, Map<number, number[][]>>();

export function gridInverseFlows(generator: Generator, gridSize: number): number[][] {
  let byGrid = gridFlowCache.get(generator);
  if (!byGrid) gridFlowCache.set(generator, (byGrid = new Map()));
  let flows = byGrid.get(gridSize);
  if (!flows) {
    flows = Array.from({ length: gridSize }, (_, k) =>
      expm3(scale3(generator, (-2 * Math.PI * k) / gridSize)),
    );
    byGrid.set(gridSize, flows);
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

function contextLossAt(
  context: readonly ContextTransition[],
  inv: readonly number[],
  model: BaseRewardPredictor,
  missingPenalty: number,
): number {
  let loss = 0;
  for (const c of context) {
    const x = inv[0] * c.next[0] + inv[1] * c.next[1] + inv[2];
    const y = inv[3] * c.next[0] + inv[4] * c.next[1] + inv[5];
    const f = model.value(x, y);
    loss += Number.isFinite(f) ? (c.reward - f) ** 2 : missingPenalty;
  }
  return loss;
}

/** Grid search over [0, 2π) then golden-section refinement within one grid step of the best node. */
export function inferGroupElement(
  context: readonly ContextTransition[],
  generator: Generator,
  model: BaseRewardPredictor,
  opts: InferenceOptions = DEFAULT_INFERENCE,
): GroupElementEstimate {
  const gridThetas = Array.from({ length: opts.gridSize }, (_, k) => (2 * Math.PI * k) / opts.gridSize);
  const flows = gridInverseFlows(generator, opts.gridSize);
  const gridLosses = flows.map((inv) => contextLossAt(context, inv, model, opts.missingPenalty));
  let best = 0;
  for (let k = 1; k < gridLosses.length; k++) if (gridLosses[k] < gridLosses[best]) best = k;
  const step = (2 * Math.PI) / opts.gridSize;
  const f = (t: number) => contextLoss(context, generator, model, t, opts.missingPenalty);
  let theta = goldenSection(f, gridThetas[best] - step, gridThetas[best] + step, opts.refineIterations);
  let loss = f(theta);
  if (loss > gridLosses[best]) [theta, loss] = [gridThetas[best], gridLosses[best]];
  theta = ((theta % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  return { theta, loss, gridThetas, gridLosses };
}
