// The family switch: five choices (the ellipse once per reward), each a patch of the link's settings.
import { DEFAULT_LINE_OFFSETS, defaultUrlState, lineGoalInside, type UrlState } from './urlSchema';

export const FAMILY_CHOICES = [
  { id: 'circle', label: 'circle' },
  // The plain value 'ellipse' (the link's own) is the pushed-forward ellipse.
  { id: 'ellipse', label: 'ellipse, pushed-forward reward' },
  { id: 'ellipse-euclidean', label: 'ellipse, Euclidean reward' },
  { id: 'line', label: 'line' },
  { id: 'points', label: 'my goals' },
] as const;

export type FamilyChoice = (typeof FAMILY_CHOICES)[number]['id'];

export function familyChoiceOf(s: Pick<UrlState, 'family' | 'reward'>): FamilyChoice {
  return s.family === 'ellipse' && s.reward === 'euclidean' ? 'ellipse-euclidean' : s.family;
}

/**
 * The settings that switch to `choice`. A circle or ellipse reads `train` as angles, a line as offsets: moving between
 * the two puts the new kind's defaults in (never angles read as offsets). A line keeps its origin (or takes the
 * default one, when an offset's goal would leave the arena) and its test offset when that goal stays in the arena;
 * the reader's own goals keep what the link has.
 */
export function familyPatch(s: UrlState, choice: FamilyChoice): Partial<UrlState> {
  const defaults = defaultUrlState();
  // `train` holds a line's offsets only while the family is a line (the reader's goals leave it as it was).
  const holdsOffsets = s.family === 'line';
  if (choice === 'circle' || choice === 'ellipse' || choice === 'ellipse-euclidean') {
    const family = choice === 'circle' ? 'circle' : 'ellipse';
    const reward =
      choice === 'ellipse-euclidean' ? 'euclidean' : choice === 'ellipse' ? 'pushforward' : s.reward;
    return { family, reward, ...(holdsOffsets ? { train: defaults.train } : {}) };
  }
  if (choice === 'line') {
    const line = { ...s, family: 'line' as const };
    const train = holdsOffsets ? s.train : [...DEFAULT_LINE_OFFSETS];
    const ok = (t: number) => lineGoalInside(line, t);
    const origin = train.every(ok) ? {} : { ox: defaults.ox, oy: defaults.oy };
    const at = { ...line, ...origin };
    return { family: 'line', train, ...origin, t: lineGoalInside(at, s.t) ? s.t : 0 };
  }
  return { family: 'points' };
}
