// The plain-JS stages with a yield hook (how a worker pauses them): hooks called often, the same numbers, cancel heard.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig, resolvedTrainingAngles } from '../experimentConfig';
import { EXPLORATION_YIELD_EVERY } from '../explorationData';
import { estimateKernelFrames, FRAME_YIELD_WORK, type KernelFrames } from '../frames/kernelFrames';
import { LM_YIELD_ENTRIES } from '../hereditary/levenbergMarquardt';
import { FIELD_YIELD_NODES, GriddedRewardField } from '../hereditary/rewardField';
import { LocalLinearModel } from '../localRegression';
import { SpatialGrid } from '../spatialGrid';
import { StageCancelled } from './artifacts';
import { STAGE_BUDGETS } from './budgets';
import { baseRewardFrames, exploreStage, hereditaryStage, rewardSymmetryStage } from './stages';

const config: ExperimentConfig = { ...DEFAULT_CONFIG, budget: 'smoke', seed: 3 };

/** A hook that counts its calls. */
function counter() {
  const c = { calls: 0, hook: async () => void c.calls++ };
  return c;
}

/** Frames with every typed array as its bytes (base64, quick to compare): equal only if bit-identical. */
const bits = (f: KernelFrames) =>
  Object.fromEntries(
    Object.entries(f).map(([k, v]) => [
      k,
      ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') : v,
    ]),
  );

/** The result without its wall-clock timings (the only field that differs between two runs). */
const numbers = (a: Awaited<ReturnType<typeof hereditaryStage>>) => ({
  ...a,
  result: { ...a.result, timingsMs: null },
});

describe('the plain-JS stages yield to a hook', () => {
  it('exploration: at least every EXPLORATION_YIELD_EVERY transitions, the same samples', async () => {
    const c = counter();
    const withHook = await exploreStage(config, { yieldHook: c.hook });
    const tasks = resolvedTrainingAngles(config).length;
    const n = STAGE_BUDGETS[config.budget].explorationTransitions;
    expect(c.calls).toBeGreaterThanOrEqual(tasks * Math.floor(n / EXPLORATION_YIELD_EVERY));
    expect(withHook).toEqual(await exploreStage(config));
  });

  it('the hereditary fit (fields, multi-starts, LM, align, the verdict replicates): often, and bit-identical', async () => {
    const samples = await exploreStage(config);
    // Work between yields, counted where the fit spends it: field lookups (every residual) and local regressions
    // (every grid node and anchor).
    const work = { lookups: 0, regressions: 0 };
    const lookup = GriddedRewardField.prototype.lookup;
    const fit = LocalLinearModel.prototype.fit;
    GriddedRewardField.prototype.lookup = function (...a) {
      work.lookups++;
      return lookup.apply(this, a);
    };
    LocalLinearModel.prototype.fit = function (...a) {
      work.regressions++;
      return fit.apply(this, a);
    };
    const at: (typeof work)[] = [];
    let withHook: Awaited<ReturnType<typeof hereditaryStage>>;
    try {
      withHook = await hereditaryStage(config, samples, { yieldHook: async () => void at.push({ ...work }) });
    } finally {
      GriddedRewardField.prototype.lookup = lookup;
      LocalLinearModel.prototype.fit = fit;
    }
    const stretch = (k: keyof typeof work) =>
      Math.max(...[...at, work].map((w, i) => w[k] - (i ? at[i - 1][k] : 0)));
    // Bounded stretches: LM yields past LM_YIELD_ENTRIES entries (one lookup per entry), plus one iteration (the
    // joint's, ≤ 21 residual vectors); a grid past FIELD_YIELD_NODES nodes, plus one row (< 500 nodes).
    console.info(
      `[yields] ${at.length}; longest stretch ${stretch('lookups')} of ${work.lookups} field lookups, ` +
        `${stretch('regressions')} of ${work.regressions} local regressions`,
    );
    expect(stretch('lookups')).toBeLessThanOrEqual(3 * LM_YIELD_ENTRIES);
    expect(stretch('regressions')).toBeLessThanOrEqual(FIELD_YIELD_NODES + 500);
    const plain = await hereditaryStage(config, samples);
    expect(numbers(withHook)).toEqual(numbers(plain));
    // A per-task LM iteration evaluates ≥ 7 residual vectors of 2 entries per anchor: a yield at least every K
    // iterations (the joint's and the replicates' iterations, the grids and the multi-starts yield besides).
    const { lmIterations = 0, anchorCount } = plain.result;
    const k = Math.ceil(LM_YIELD_ENTRIES / (7 * 2 * anchorCount));
    expect(lmIterations).toBeGreaterThan(0);
    expect(at.length).toBeGreaterThanOrEqual(Math.floor(lmIterations / k));
  });

  it("the reward-symmetry stage's frames: every FRAME_YIELD_WORK anchors + neighbours, bit-identical", async () => {
    const samples = (await exploreStage(config))[0];
    // Work between yields, counted where the frames spend it: neighbourhood queries (one per anchor) and the
    // neighbours they visit.
    let work = 0;
    let anchorMax = 0;
    const query = SpatialGrid.prototype.forEachWithin;
    SpatialGrid.prototype.forEachWithin = function (x, y, r, visit) {
      let visits = 0;
      query.call(this, x, y, r, (i, d2) => {
        visits++;
        visit(i, d2);
      });
      work += 1 + visits;
      anchorMax = Math.max(anchorMax, 1 + visits);
    };
    const at: number[] = [];
    let withHook: KernelFrames;
    try {
      withHook = await baseRewardFrames(config, samples, { yieldHook: async () => void at.push(work) });
    } finally {
      SpatialGrid.prototype.forEachWithin = query;
    }
    const stretches = [...at, work].map((w, i) => w - (i ? at[i - 1] : 0));
    console.info(`[yields] frames: ${at.length}; longest stretch ${Math.max(...stretches)} of ${work} work`);
    // A chunk stops once it reaches FRAME_YIELD_WORK: at most one anchor's neighbourhood past it.
    expect(Math.max(...stretches)).toBeLessThan(FRAME_YIELD_WORK + anchorMax);
    expect(at.length).toBeGreaterThanOrEqual(Math.floor(work / (FRAME_YIELD_WORK + anchorMax)));
    expect(at.length).toBeGreaterThan(1);
    const plain = await baseRewardFrames(config, samples);
    expect(bits(withHook)).toEqual(bits(plain));
    // The synchronous estimator (CLI, tests) runs the same generator straight through.
    const sync = estimateKernelFrames(samples, {
      estimator: 'gradient',
      radius: STAGE_BUDGETS[config.budget].frameRadius,
    });
    expect(bits(sync)).toEqual(bits(plain));
  });

  it('a cancelled reward-symmetry stage stops in its frames, before the race', async () => {
    const samples = (await exploreStage(config))[0];
    let calls = 0;
    const run = rewardSymmetryStage(config, samples, {
      yieldHook: async () => void calls++,
      shouldStop: () => calls >= 2,
    });
    await expect(run).rejects.toBeInstanceOf(StageCancelled);
    expect(calls).toBe(2);
  });

  it('a cancelled fit stops at its next yield', async () => {
    const samples = await exploreStage(config);
    let calls = 0;
    const run = hereditaryStage(config, samples, {
      yieldHook: async () => void calls++,
      shouldStop: () => calls >= 3,
    });
    await expect(run).rejects.toBeInstanceOf(StageCancelled);
    expect(calls).toBe(3);
  });
});
