// Yielding computations: how often the exploration, the fields' grids and Levenberg–Marquardt yield, and that
// yielding changes no number.
import { describe, expect, it } from 'vitest';
import { runToEnd, runYielding, type Yielding } from './cooperative';
import { DEFAULT_ENV, euclideanTask } from './env';
import { collectExploration, collectExplorationSteps, EXPLORATION_YIELD_EVERY } from './explorationData';
import {
  LM_YIELD_ENTRIES,
  levenbergMarquardt,
  levenbergMarquardtSteps,
} from './hereditary/levenbergMarquardt';
import { FIELD_YIELD_NODES, fieldGridSteps } from './hereditary/rewardField';

/** Drive `work` with a hook that records `counter()` at every yield; the result and the readings. */
async function readingsAtYields<T>(
  work: Yielding<T>,
  counter: () => number,
): Promise<{ value: T; at: number[] }> {
  const at: number[] = [];
  const value = await runYielding(work, async () => {
    at.push(counter());
  });
  return { value, at };
}

/** The largest difference between consecutive readings, the start (0) and the end included. */
const longestStretch = (at: readonly number[], end: number): number =>
  Math.max(...[...at, end].map((v, i) => v - (i ? at[i - 1] : 0)));

describe('yielding computations', () => {
  it('exploration yields every EXPLORATION_YIELD_EVERY transitions and collects the same samples', async () => {
    const task = euclideanTask([0.5, -0.3]);
    const opts = { transitions: 10_000, seed: 3 };
    const { value, at } = await readingsAtYields(collectExplorationSteps(DEFAULT_ENV, task, opts), () => 0);
    expect(at.length).toBe(Math.ceil(opts.transitions / EXPLORATION_YIELD_EVERY) - 1);
    const plain = collectExploration(DEFAULT_ENV, task, opts);
    expect(value.points).toEqual(plain.points);
    expect(value.values).toEqual(plain.values);
  });

  it('Levenberg–Marquardt yields at least every LM_YIELD_ENTRIES residual entries (plus one iteration), same fit', async () => {
    const ts = Array.from({ length: 5000 }, (_, k) => k / 1000);
    const ys = ts.map((t) => 2 * Math.exp(-1.3 * t) + 0.01 * Math.sin(40 * t));
    let evaluations = 0;
    const fn = (p: readonly number[]) => {
      evaluations++;
      return Float64Array.from(ts.map((t, k) => p[0] * Math.exp(-p[1] * t) + p[2] * t - ys[k]));
    };
    const opts = { maxIterations: 60, fdStep: 1e-6, minValidFraction: 0.5, tolerance: 0 };
    const { value, at } = await readingsAtYields(
      levenbergMarquardtSteps(fn, [1, 0.5, 0], opts),
      () => evaluations,
    );
    const total = evaluations;
    // One iteration evaluates the p Jacobian columns and at most 12 trials.
    const perIteration = 3 + 12;
    expect(at.length).toBeGreaterThan(0);
    expect(longestStretch(at, total) * ts.length).toBeLessThanOrEqual(
      LM_YIELD_ENTRIES + perIteration * ts.length,
    );
    expect(value).toEqual(levenbergMarquardt(fn, [1, 0.5, 0], opts));
  });

  it('a field grid yields every FIELD_YIELD_NODES nodes or so, and is the same grid', async () => {
    const samples = collectExploration(DEFAULT_ENV, euclideanTask([0.7, 0.7]), {
      transitions: 4000,
      seed: 8,
    });
    const opts = { bandwidth: 0.1, spacing: 0.05, minNeighbours: 12 };
    const { value, at } = await readingsAtYields(fieldGridSteps(samples, opts), () => 0);
    const rows = Math.ceil(FIELD_YIELD_NODES / value.nx);
    expect(at.length).toBe(Math.ceil(value.ny / rows) - 1);
    expect(value).toEqual(runToEnd(fieldGridSteps(samples, opts)));
  });
});
