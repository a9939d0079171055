// Live previews: the race streamed step by step, and the base policy's path so far, ending with the trained actor's own.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, envFor, resolvedTrainingAngles } from '../experimentConfig';
import { taskAt } from '../families';
import { rollout } from '../rollout';
import { actorPolicy } from '../sac/actorPolicy';
import { deserializeMlp } from '../sac/mlp';
import type { BaselinePreview, BasePreview, RacePreview } from './artifacts';
import { baselineStage, exploreStage, rewardSymmetryStage, trainBaseStage } from './stages';

describe('stage previews', () => {
  it('posts the path so far every 250 updates and after the last, the last one from the trained actor', async () => {
    const config = { ...DEFAULT_CONFIG, budget: 'smoke' as const };
    const previews: BasePreview[] = [];
    const base = await trainBaseStage(config, { onPreview: (p) => p.stage === 'base' && previews.push(p) });
    expect(previews.map((p) => p.update)).toEqual([250, 300]);
    expect(previews.every((p) => p.total === 300 && p.path.length >= 4 && p.path.length % 2 === 0)).toBe(
      true,
    );
    const env = envFor(config);
    const task = taskAt(config.family, resolvedTrainingAngles(config)[0]);
    const ep = rollout(env, task, actorPolicy(deserializeMlp(base.actor), env.maxAction), {
      episodes: 1,
      seed: 1,
      record: true,
    });
    expect(previews[1].path).toEqual(Array.from(ep.paths?.[0] ?? []));
    expect(previews[1].episodeReturn).toBeCloseTo(ep.returns[0], 9);
  });

  it("streams the race: each side every 10 steps, ending at its runs' median final error", async () => {
    const config = { ...DEFAULT_CONFIG, budget: 'smoke' as const };
    const points: RacePreview[] = [];
    const artifact = await rewardSymmetryStage(config, (await exploreStage(config))[0], {
      onPreview: (p) => p.stage === 'race' && points.push(p),
    });
    for (const side of ['differential', 'functional'] as const) {
      const mine = points.filter((p) => p.side === side);
      const steps = mine[0].steps;
      expect(mine.map((p) => p.step)).toEqual(Array.from({ length: steps / 10 }, (_, i) => 10 * (i + 1)));
      const finals = artifact.race[side].runs.map((r) => r.finalError).sort((a, b) => a - b);
      const mid =
        finals.length % 2
          ? finals[(finals.length - 1) / 2]
          : (finals[finals.length / 2 - 1] + finals[finals.length / 2]) / 2;
      expect(mine.at(-1)?.errorDeg).toBeCloseTo(mid, 6);
      expect(mine.every((p) => p.setting === 'paper' && Number.isFinite(p.loss))).toBe(true);
      // The first seed's X_t travels with each point, and the last one is that run's final generator (up to scale).
      expect(mine.every((p) => p.generator.length === 6 && p.generator.every(Number.isFinite))).toBe(true);
      const last = mine.at(-1)?.generator ?? [];
      const final = artifact.race[side].runs[0].generator.slice(0, 6);
      const cos =
        last.reduce((a, v, k) => a + v * final[k], 0) / (Math.hypot(...last) * Math.hypot(...final));
      expect(Math.abs(cos)).toBeCloseTo(1, 9);
    }
  });

  it('snapshots the baseline every 250 policy updates and after the last, the last one the trained model', async () => {
    const config = { ...DEFAULT_CONFIG, budget: 'smoke' as const };
    const previews: BaselinePreview[] = [];
    const artifact = await baselineStage(config, {
      onPreview: (p) => p.stage === 'baseline' && previews.push(p),
    });
    expect(previews.length).toBeGreaterThanOrEqual(1);
    expect(previews.at(-1)?.update).toBe(artifact.updates);
    expect(
      previews.every((p, i) => p.update === (i + 1 === previews.length ? artifact.updates : 250 * (i + 1))),
    ).toBe(true);
    expect(previews.at(-1)?.model).toEqual(artifact.model);
  });
});
