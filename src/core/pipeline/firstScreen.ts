// The shipped run's first screen (public/pretrained/first-screen.json): the run less what only the stories read, and
// the agents' update at the default goal, so the page draws its first screen before the whole file is parsed.
import { agentArtifactsOf, baselineAgentFrom, hereditaryAgentFrom } from '../testTime/agents';
import { computeGoalRollouts, type GoalSettings, type GoalUpdate } from '../testTime/goalRollouts';
import type { PipelineArtifacts } from './artifacts';
import { PRETRAINED_FORMAT, parsePretrained } from './pretrainedFile';
import { compactRaceCurves } from './raceCurves';

export const FIRST_SCREEN_FORMAT = 'hereditary-first-screen/3';
/** Next to the pretrained file (site root relative, like PRETRAINED_PATH). */
export const FIRST_SCREEN_PATH = 'pretrained/first-screen.json';

/** Which shipped run the update belongs to: the pretrained file's day and seed, and its learned generator. */
export interface RunFingerprint {
  generated_at: string;
  seed: number;
  generator: number[];
}

/**
 * The shipped run without the optional parts only the stories below the first screen read (the other race
 * settings, the dense control, the other action set: half the pretrained file), and the agents' update at the
 * page's default goal settings, computed by the same function the agents worker runs, so the page can draw it
 * without waiting for the worker (it is used only when run and settings both match).
 */
export interface FirstScreenFile {
  format: typeof FIRST_SCREEN_FORMAT;
  run: RunFingerprint;
  /** The run less `DeferredArtifacts`: still a complete PipelineArtifacts (those fields are optional). */
  artifacts: PipelineArtifacts;
  settings: GoalSettings;
  update: GoalUpdate;
}

/**
 * The parts of a run the first screen does not read, loaded from the whole pretrained file after it. The primary
 * race is required by the run's type, so the first screen carries it with each curve thinned to its first and last
 * point (the curves were 42 % of the file); the whole file's curves replace them.
 */
export interface DeferredArtifacts {
  race: PipelineArtifacts['rewardSymmetry']['race'];
  raceSettings: PipelineArtifacts['rewardSymmetry']['raceSettings'];
  baselineControl: PipelineArtifacts['baselineControl'];
  hereditaryOtherConstraint: PipelineArtifacts['hereditaryOtherConstraint'];
}

/** The run without its deferred parts, its race curves thinned (the rest is shared, not copied). */
export function firstScreenArtifactsOf(artifacts: PipelineArtifacts): PipelineArtifacts {
  const { baselineControl: _control, hereditaryOtherConstraint: _other, ...rest } = artifacts;
  const { raceSettings: _settings, ...rewardSymmetry } = artifacts.rewardSymmetry;
  // At most one point per stride of the whole curve, and always its last: each curve's first and last point.
  const race = compactRaceCurves(rewardSymmetry.race, 1);
  return { ...rest, rewardSymmetry: { ...rewardSymmetry, race } };
}

/**
 * The first screen's run completed with the whole file's deferred parts: every other object stays the one already
 * shown (the agents are the same objects, so they are not rolled out again).
 */
export function withDeferredArtifacts(shown: PipelineArtifacts, whole: PipelineArtifacts): PipelineArtifacts {
  const { race, raceSettings } = whole.rewardSymmetry;
  const { baselineControl, hereditaryOtherConstraint } = whole;
  return {
    ...shown,
    rewardSymmetry: { ...shown.rewardSymmetry, race, ...(raceSettings ? { raceSettings } : {}) },
    ...(baselineControl ? { baselineControl } : {}),
    ...(hereditaryOtherConstraint ? { hereditaryOtherConstraint } : {}),
  };
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
  return {
    format: FIRST_SCREEN_FORMAT,
    run: fingerprintOf(artifacts, generatedAt),
    artifacts: firstScreenArtifactsOf(artifacts),
    settings,
    update,
  };
}

/** A first-screen file as the page reads it: its run (checked like the pretrained file), day and update. */
export interface FirstScreen {
  artifacts: PipelineArtifacts;
  run: RunFingerprint;
  settings: GoalSettings;
  update: GoalUpdate;
}

/** The first screen in `json`, or null when it is not a usable first-screen file (the page then waits for the whole). */
export function readFirstScreen(json: unknown): FirstScreen | null {
  if (typeof json !== 'object' || json === null) return null;
  const f = json as Partial<FirstScreenFile>;
  if (f.format !== FIRST_SCREEN_FORMAT || !f.run || !f.settings || !f.update) return null;
  const parsed = parsePretrained({ format: PRETRAINED_FORMAT, artifacts: f.artifacts });
  if ('error' in parsed) return null;
  // The fingerprint must be the one of the run it carries (a file stitched from two runs is refused).
  if (JSON.stringify(f.run) !== JSON.stringify(fingerprintOf(parsed.artifacts, f.run.generated_at)))
    return null;
  return { artifacts: parsed.artifacts, run: f.run, settings: f.settings, update: f.update };
}

/** Whether a first screen belongs to this run of the whole pretrained file (day, seed and generator match). */
export const firstScreenBelongsTo = (
  first: FirstScreen,
  artifacts: PipelineArtifacts,
  generatedAt: string | null,
): boolean =>
  generatedAt !== null && JSON.stringify(first.run) === JSON.stringify(fingerprintOf(artifacts, generatedAt));
