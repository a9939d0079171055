// Pure conversions from the shareable settings to core types (family, env, angles in radians).
import { DEFAULT_ENV, type EnvConfig } from '../core/env';
import { familyShape, type TaskFamily } from '../core/families';
import type { UrlState } from './urlSchema';

export const degToRad = (deg: number): number => (deg * Math.PI) / 180;
export const radToDeg = (rad: number): number => (rad * 180) / Math.PI;

type FamilySettings = Pick<
  UrlState,
  'family' | 'cx' | 'cy' | 'radius' | 'alpha' | 'beta' | 'tilt' | 'reward'
>;

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

/** Training task angles in radians, base first. */
export const trainingAnglesRad = (s: Pick<UrlState, 'train'>): number[] => s.train.map(degToRad);

/** The family angle φ whose goal is nearest the point in the family's own chart: φ = atan2(C⁻¹(p − c)). */
export function angleOfPoint(family: TaskFamily, x: number, y: number): number {
  const c = familyShape(family);
  const dx = x - family.center[0];
  const dy = y - family.center[1];
  const det = c[0] * c[3] - c[1] * c[2];
  const u = (c[3] * dx - c[1] * dy) / det;
  const v = (-c[2] * dx + c[0] * dy) / det;
  return Math.atan2(v, u);
}

/** An angle in degrees wrapped to [0, 360) and rounded to the link's 0.1° precision. */
export function normaliseGoalDeg(deg: number): number {
  const r = Math.round((((deg % 360) + 360) % 360) * 10) / 10;
  return r >= 360 ? 0 : r;
}
