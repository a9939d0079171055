// The base stage's live previews: paths of the actor so far at the base task, ending with the trained actor's own.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, envFor, resolvedTrainingAngles } from '../experimentConfig';
import { taskAt } from '../families';
import { rollout } from '../rollout';
import { actorPolicy } from '../sac/actorPolicy';
import { deserializeMlp } from '../sac/mlp';
import type { StagePreview } from './artifacts';
import { trainBaseStage } from './stages';

describe('base stage previews', () => {
  it('posts the path so far every 250 updates and after the last, the last one from the trained actor', async () => {
    const config = { ...DEFAULT_CONFIG, budget: 'smoke' as const };
    const previews: StagePreview[] = [];
    const base = await trainBaseStage(config, { onPreview: (p) => previews.push(p) });
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
});
