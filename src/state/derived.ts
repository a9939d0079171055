// Pure conversions from the shareable settings to core types (family, env, angles in radians).

import { degToRad, wrapDegrees } from '../core/angles';
import { DEFAULT_ENV, type EnvConfig } from '../core/env';
import {
  baseTrainingEnv,
  DEFAULT_CONFIG,
  type ExperimentConfig,
  resolvedTrainingAngles,
} from '../core/experimentConfig';
import {
  familyCentre,
  familyShape,
  isPeriodicFamily,
  sameFamily,
  sameTrainingAngles,
  sameTrainingParameters,
  type TaskFamily,
} from '../core/families';
import { polylineOffsets } from '../core/pointsFamily';
import type { GoalSettings } from '../core/testTime/goalRollouts';
import type { UrlState } from './urlSchema';

/** The settings that define the task family. */
export const FAMILY_FIELDS = [
  'family',
  'cx',
  'cy',
  'radius',
  'alpha',
  'beta',
  'tilt',
  'reward',
  'ox',
  'oy',
  'dir',
  'pts',
] as const;
type FamilySettings = Pick<UrlState, (typeof FAMILY_FIELDS)[number]>;

/** The settings that define the task family: a fresh object each call (select it with zustand's useShallow). */
export function familySettingsOf(s: UrlState): FamilySettings {
  const out = {} as Record<string, unknown>;
  for (const f of FAMILY_FIELDS) out[f] = s[f];
  return out as FamilySettings;
}

export function familyFromSettings(s: FamilySettings): TaskFamily {
  if (s.family === 'circle') return { kind: 'circle', center: [s.cx, s.cy], radius: s.radius };
  if (s.family === 'line') return { kind: 'line', origin: [s.ox, s.oy], direction: degToRad(s.dir) };
  if (s.family === 'points') return { kind: 'points', goals: s.pts.map(([x, y]) => [x, y]) };
  return {
    kind: 'ellipse',
    center: [s.cx, s.cy],
    axes: [s.alpha, s.beta],
    tilt: degToRad(s.tilt),
    reward: s.reward,
  };
}

export function envFromSettings(s: Pick<UrlState, 'constraint'>): EnvConfig {
  return { ...DEFAULT_ENV, constraint: s.constraint };
}

/** True for the families whose orbit parameter is an angle (circle, ellipse); a line's and the reader's goals are not. */
export const isPeriodicSettings = (s: Pick<UrlState, 'family'>): boolean =>
  s.family === 'circle' || s.family === 'ellipse';

/**
 * The test goal as a family and a parameter: the angle φ on a circle or ellipse, the offset t on a line. The reader's
 * own goals (points) take the test goal as a point: a one-goal points family at t = 0 (the Euclidean reward at it).
 */
export function goalTaskOf(s: UrlState): { family: TaskFamily; angle: number } {
  if (s.family === 'points') return { family: { kind: 'points', goals: [[s.gx, s.gy]] }, angle: 0 };
  if (s.family === 'line') return { family: familyFromSettings(s), angle: s.t };
  return { family: familyFromSettings(s), angle: degToRad(s.goal) };
}

/** The test goal's own setting, as the agents channel tags its updates: "90" (°), "t=-2" or "0.5,1". */
export function goalTag(s: UrlState): string {
  if (s.family === 'points') return `${s.gx},${s.gy}`;
  if (s.family === 'line') return `t=${s.t}`;
  return String(s.goal);
}

/** The goal and test-time settings the agents are rolled out at (the agents worker's request). */
export function goalSettingsOf(s: UrlState): GoalSettings {
  return {
    ...goalTaskOf(s),
    env: envFromSettings(s),
    contextSize: s.K,
    episodes: s.episodes,
    seed: s.seed,
  };
}

/** Training task angles in radians, base first (a line's offsets as they are; the reader's goals' polyline offsets). */
export function trainingAnglesRad(s: Pick<UrlState, 'train' | 'family' | 'pts'>): number[] {
  if (s.family === 'line') return [...s.train];
  if (s.family === 'points') return polylineOffsets(s.pts);
  return s.train.map(degToRad);
}

/** The family angle φ whose goal is nearest the point in the family's own chart: φ = atan2(C⁻¹(p − c)). */
export function angleOfPoint(family: TaskFamily, x: number, y: number): number {
  const c = familyShape(family);
  const [cx, cy] = familyCentre(family);
  const dx = x - cx;
  const dy = y - cy;
  const det = c[0] * c[3] - c[1] * c[2];
  const u = (c[3] * dx - c[1] * dy) / det;
  const v = (-c[2] * dx + c[0] * dy) / det;
  return Math.atan2(v, u);
}

/** An angle in degrees wrapped to [0, 360) and rounded to the link's 0.1° precision. */
export function normaliseGoalDeg(deg: number): number {
  const r = Math.round(wrapDegrees(deg) * 10) / 10;
  return r >= 360 ? 0 : r;
}

export type TrainingSettings = FamilySettings &
  Pick<UrlState, 'train' | 'constraint' | 'K' | 'episodes' | 'seed' | 'budget'>;

/**
 * The experiment the settings ask for. Fields the link does not carry (test goals, race seeds, the
 * CLI's tensor backend) come from `base`; training angles that sameTrainingAngles finds equal to base's
 * keep base's exact values (each one, also in an edited set), so the default link maps onto the shipped run exactly.
 * The 'smoke' budget also shrinks the evaluation and the race (a labelled test budget).
 */
export function experimentConfigFromSettings(
  s: TrainingSettings,
  base: ExperimentConfig = DEFAULT_CONFIG,
): ExperimentConfig {
  const family = familyFromSettings(s);
  if (family.kind === 'line' || family.kind === 'points') {
    // Offsets in arena units (a points family's are the polyline's, selecting its goals): never wrapped, never
    // snapped to base's angles.
    const offsets = trainingAnglesRad(s);
    const training = { kind: 'offsets', offsets } as const;
    return budgeted({ ...base, family, training, testExtent: undefined, ...testTimeOf(s) }, s);
  }
  const baseAngles = resolvedTrainingAngles(base);
  const wanted = trainingAnglesRad(s);
  const sameAngles = sameTrainingAngles(wanted, baseAngles);
  // An edited set keeps base's exact value for each angle the link rounded (the base task above all, whose policy
  // a retrain then reuses: baseKey).
  const exact = wanted.map((a) => baseAngles.find((b) => sameTrainingAngles([a], [b])) ?? a);
  return budgeted(
    {
      ...base,
      family,
      training: sameAngles ? base.training : { kind: 'angles', angles: exact },
      ...testTimeOf(s),
    },
    s,
  );
}

const testTimeOf = (s: TrainingSettings) => ({
  actionConstraint: s.constraint,
  context: s.K,
  episodes: s.episodes,
  seed: s.seed,
  budget: s.budget,
});

/** The 'smoke' budget also shrinks the evaluation and the race (a labelled test budget). */
function budgeted(config: ExperimentConfig, s: TrainingSettings): ExperimentConfig {
  if (s.budget === 'smoke')
    return { ...config, testGoals: 12, raceSeeds: 1, episodes: Math.min(s.episodes, 4) };
  return config;
}

/**
 * The settings that make `trained` unfit for `wanted` (each needs a retrain), as short labels.
 * Test-time settings (context size K, episodes) are not listed: the agents use the link's values at once.
 */
export function trainingDifferences(trained: ExperimentConfig, wanted: ExperimentConfig): string[] {
  const out: string[] = [];
  if (!sameFamily(trained.family, wanted.family)) out.push('task family');
  if (!sameTrainingParameters(wanted.family, resolvedTrainingAngles(trained), resolvedTrainingAngles(wanted)))
    out.push(isPeriodicFamily(wanted.family) ? 'training angles' : 'training tasks');
  if (trained.actionConstraint !== wanted.actionConstraint) out.push('action constraint');
  if (trained.seed !== wanted.seed) out.push('seed');
  if (trained.budget !== wanted.budget) out.push('budget');
  return out;
}

/** A stable key of everything training depends on (checkpoints are valid only for the same key). */
export function trainingKey(c: ExperimentConfig): string {
  return JSON.stringify([
    c.family,
    resolvedTrainingAngles(c).map((x) => +x.toFixed(6)),
    c.actionConstraint,
    c.seed,
    c.budget,
    c.raceSeeds,
    c.testGoals,
    c.context,
    c.episodes,
  ]);
}

/**
 * A key of everything the base policy depends on (src/core/pipeline/stages.ts trainBaseStage): the family, the base
 * task, the environment it trains in, the seed and the budget. Two experiments with one key can share a base policy,
 * whatever their other training tasks.
 */
export function baseKey(c: ExperimentConfig): string {
  // The reader's own goals: the base policy sees only the base goal (the other goals are discovery's business).
  const family = c.family.kind === 'points' ? { kind: 'points', base: c.family.goals[0] } : c.family;
  return JSON.stringify([
    family,
    +resolvedTrainingAngles(c)[0].toFixed(6),
    baseTrainingEnv(c),
    c.seed,
    c.budget,
  ]);
}
