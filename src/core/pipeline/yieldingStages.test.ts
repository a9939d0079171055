// The plain-JS stages with a yield hook (how a worker pauses them): hooks called often, the same numbers, cancel heard.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig, resolvedTrainingAngles } from '../experimentConfig';
import { EXPLORATION_YIELD_EVERY } from '../explorationData';
import { LM_YIELD_ENTRIES } from '../hereditary/levenbergMarquardt';
import { FIELD_YIELD_NODES, GriddedRewardField } from '../hereditary/rewardField';
import { LocalLinearModel } from '../localRegression';
import { StageCancelled } from './artifacts';
import { STAGE_BUDGETS } from './budgets';
import { exploreStage, hereditaryStage } from './stages';

const config: ExperimentConfig = { ...DEFAULT_CONFIG, budget: 'smoke', seed: 3 };

/** A hook that counts its calls. */
function counter() {
  const c = { calls: 0, hook: async () => void c.calls++ };
  return c;
}

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
