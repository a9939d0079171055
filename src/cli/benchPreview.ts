// Benchmark of a drag's one-episode preview (context, θ*, the four rollouts) with the shipped pretrained agents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ENV } from '../core/env';
import { PRETRAINED_PATH, parsePretrainedText } from '../core/pipeline/pretrainedFile';
import { agentArtifactsOf, agentCache } from '../core/testTime/agents';
import { computeGoalRollouts } from '../core/testTime/goalRollouts';
import { type Quantiles, quantiles } from './benchTable';

/** Previews round the family after a warm-up (the page warms its copy too): quantiles of ms per preview. */
export function benchDragPreview(file = join('public', PRETRAINED_PATH), count = 720): Quantiles {
  const parsed = parsePretrainedText(readFileSync(file, 'utf8'));
  if ('error' in parsed) throw new Error(`bench: ${file}: ${parsed.error}`);
  const a = parsed.artifacts;
  const agents = agentCache(agentArtifactsOf(a))(DEFAULT_ENV);
  const at = (angle: number) =>
    computeGoalRollouts({
      family: a.config.family,
      env: DEFAULT_ENV,
      angle,
      contextSize: a.config.context,
      episodes: 1,
      seed: 0,
      ...agents,
    });
  for (let i = 0; i < 300; i++) at(i * 0.021);
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    at((2 * Math.PI * i) / count);
    ms.push(performance.now() - t);
  }
  return quantiles(ms);
}
