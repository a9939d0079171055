// The shipped run's first screen precomputed (public/pretrained/first-screen.json): the update at the default goal.
import { agentArtifactsOf, baselineAgentFrom, hereditaryAgentFrom } from '../testTime/agents';
import { computeGoalRollouts, type GoalSettings, type GoalUpdate } from '../testTime/goalRollouts';
import type { PipelineArtifacts } from './artifacts';

export const FIRST_SCREEN_FORMAT = 'hereditary-first-screen/1';
/** Next to the pretrained file (site root relative, like PRETRAINED_PATH). */
export const FIRST_SCREEN_PATH = 'pretrained/first-screen.json';

/** Which shipped run the update belongs to: the pretrained file's day and seed, and its learned generator. */
export interface RunFingerprint {
  generated_at: string;
  seed: number;
  generator: number[];
}

/**
 * The agents' update at the page's default goal settings, computed by the same function the agents worker runs,
 * so the page can draw it without waiting for the worker (it is used only when run and settings both match).
 */
export interface FirstScreenFile {
  format: typeof FIRST_SCREEN_FORMAT;
  run: RunFingerprint;
  settings: GoalSettings;
  update: GoalUpdate;
}

export const fingerprintOf = (artifacts: PipelineArtifacts, generatedAt: string): RunFingerprint => ({
  generated_at: generatedAt,
  seed: artifacts.config.seed,
  generator: [...artifacts.hereditary.result.generator],
});

/** Settings as a canonical string (keys sorted at every level): equal strings, equal settings. */
export function settingsKey(settings: GoalSettings): string {
  const canonical = (x: unknown): unknown =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, canonical((x as Record<string, unknown>)[k])]),
        )
      : x;
  return JSON.stringify(canonical(settings));
}

export function firstScreenFile(
  artifacts: PipelineArtifacts,
  generatedAt: string,
  settings: GoalSettings,
): FirstScreenFile {
  const agents = agentArtifactsOf(artifacts);
  const update = computeGoalRollouts({
    ...settings,
    hereditary: hereditaryAgentFrom(agents, settings.env),
    baseline: baselineAgentFrom(agents),
  });
  return { format: FIRST_SCREEN_FORMAT, run: fingerprintOf(artifacts, generatedAt), settings, update };
}

/** The update when `json` is a first-screen file of this run (day, seed and generator match), else null. */
export function firstScreenUpdateFor(
  json: unknown,
  artifacts: PipelineArtifacts,
  generatedAt: string | null,
): { settings: GoalSettings; update: GoalUpdate } | null {
  if (typeof json !== 'object' || json === null || generatedAt === null) return null;
  const f = json as Partial<FirstScreenFile>;
  if (f.format !== FIRST_SCREEN_FORMAT || !f.run || !f.settings || !f.update) return null;
  const want = fingerprintOf(artifacts, generatedAt);
  if (JSON.stringify(f.run) !== JSON.stringify(want)) return null;
  return { settings: f.settings, update: f.update };
}
