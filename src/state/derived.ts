// Pure conversions from the shareable settings to core types (family, env, angles in radians).

import { degToRad, wrapDegrees } from '../core/angles';
import { DEFAULT_ENV, type EnvConfig } from '../core/env';
import {
  baseTrainingEnv,
  DEFAULT_CONFIG,
  type ExperimentConfig,
  resolvedTrainingAngles,
} from '../core/experimentConfig';
import { familyCentre, familyShape, sameFamily, sameTrainingAngles, type TaskFamily } from '../core/families';
import type { GoalSettings } from '../core/testTime/goalRollouts';
import type { UrlState } from './urlSchema';

const FAMILY_FIELDS = ['family', 'cx', 'cy', 'radius', 'alpha', 'beta', 'tilt', 'reward'] as const;
type FamilySettings = Pick<UrlState, (typeof FAMILY_FIELDS)[number]>;

/** The settings that define the task family: a fresh object each call (select it with zustand's useShallow). */
export function familySettingsOf(s: UrlState): FamilySettings {
  const out = {} as Record<string, unknown>;
  for (const f of FAMILY_FIELDS) out[f] = s[f];
  return out as FamilySettings;
}

export function familyFromSettings(s: FamilySettings): TaskFamily {
  if (s.family === 'circle') return { kind: 'circle', center: [s.cx, s.cy], radius: s.radius };
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

/** The goal and test-time settings the agents are rolled out at (the agents worker's request). */
export function goalSettingsOf(s: UrlState): GoalSettings {
  return {
    family: familyFromSettings(s),
    env: envFromSettings(s),
    angle: degToRad(s.goal),
    contextSize: s.K,
    episodes: s.episodes,
    seed: s.seed,
  };
}

/** Training task angles in radians, base first. */
export const trainingAnglesRad = (s: Pick<UrlState, 'train'>): number[] => s.train.map(degToRad);

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
  const baseAngles = resolvedTrainingAngles(base);
  const wanted = trainingAnglesRad(s);
  const sameAngles = sameTrainingAngles(wanted, baseAngles);
  // An edited set keeps base's exact value for each angle the link rounded (the base task above all, whose policy
  // a retrain then reuses: baseKey).
  const exact = wanted.map((a) => baseAngles.find((b) => sameTrainingAngles([a], [b])) ?? a);
  const config: ExperimentConfig = {
    ...base,
    family: familyFromSettings(s),
    training: sameAngles ? base.training : { kind: 'angles', angles: exact },
    actionConstraint: s.constraint,
    context: s.K,
    episodes: s.episodes,
    seed: s.seed,
    budget: s.budget,
  };
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
  if (!sameTrainingAngles(resolvedTrainingAngles(trained), resolvedTrainingAngles(wanted)))
    out.push('training angles');
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
  return JSON.stringify([
    c.family,
    +resolvedTrainingAngles(c)[0].toFixed(6),
    baseTrainingEnv(c),
    c.seed,
    c.budget,
  ]);
}
