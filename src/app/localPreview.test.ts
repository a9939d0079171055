// The page's drag previews: the same update the agents worker would compute, from the same results.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ENV } from '../core/env';
import { PRETRAINED_PATH, parsePretrainedText } from '../core/pipeline/pretrainedFile';
import { agentArtifactsOf, agentCache } from '../core/testTime/agents';
import { computeGoalRollouts, type GoalSettings } from '../core/testTime/goalRollouts';
import { PagePreviews } from './localPreview';

const parsed = parsePretrainedText(readFileSync(join('public', PRETRAINED_PATH), 'utf8'));
if ('error' in parsed) throw new Error(parsed.error);
const artifacts = parsed.artifacts;

const settings = (angle: number, episodes = 8): GoalSettings => ({
  family: artifacts.config.family,
  env: DEFAULT_ENV,
  angle,
  contextSize: artifacts.config.context,
  episodes,
  seed: 3,
});

describe('PagePreviews', () => {
  it('computes nothing before any results are set (the worker previews then)', () => {
    expect(new PagePreviews().compute(settings(1))).toBeNull();
  });

  it("gives the worker's one-episode update: the same agents, the same code, the same numbers", () => {
    const previews = new PagePreviews();
    previews.setResults(artifacts);
    const agentsFor = agentCache(agentArtifactsOf(artifacts));
    for (const angle of [0.4, 2.5, 5.9]) {
      const here = previews.compute(settings(angle));
      expect(here?.fresh).toBe(true);
      expect(here?.end).toBeGreaterThanOrEqual(here?.start ?? Number.NaN);
      const worker = computeGoalRollouts({ ...settings(angle), episodes: 1, ...agentsFor(DEFAULT_ENV) });
      expect(here?.update).toEqual(worker);
      expect(here?.update.agents.hereditary?.path.length).toBeGreaterThan(2);
      // The preview's paths are the full set's first episode (what the final update draws).
      const full = computeGoalRollouts({ ...settings(angle), ...agentsFor(DEFAULT_ENV) });
      expect(here?.update.agents.hereditary?.path).toEqual(full.agents.hereditary?.path);
      expect(here?.update.agents.baseline?.path).toEqual(full.agents.baseline?.path);
    }
  });

  it('without results rolls out only the references, and says the agents are not fresh', () => {
    const previews = new PagePreviews();
    previews.setResults(null);
    const here = previews.compute(settings(1));
    expect(here?.fresh).toBe(false);
    expect(here?.update.agents).toEqual({ hereditary: null, baseline: null });
    expect(here?.update.reference.oracle.path.length).toBeGreaterThan(2);
  });

  it('warms up once idle, and not for results that were replaced meanwhile', () => {
    vi.useFakeTimers();
    try {
      const previews = new PagePreviews();
      const compute = vi.spyOn(previews, 'compute');
      previews.setResults(artifacts);
      previews.warm(settings(1));
      previews.setResults(artifacts);
      previews.warm(settings(2));
      vi.runAllTimers();
      // Only the newer results warm up: a few previews around their goal.
      expect(compute.mock.calls.length).toBeGreaterThan(1);
      expect(compute.mock.calls[0][0]).toEqual(settings(2));
      for (const [s] of compute.mock.calls) expect(Math.abs(s.angle - 2)).toBeLessThan(0.5);
    } finally {
      vi.useRealTimers();
    }
  });
});
