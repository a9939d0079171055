// Thinning of race curves for shipped files (no tfjs: the page's first screen imports it).
import type { RaceResult, SideSummary } from '../symmetry/raceTypes';

/**
 * Four significant digits (plenty for drawing) and at most `max` points per curve: keeps the shipped file small.
 * Returns a copy: the settings share their differential runs, so one setting's thinning must not reach another.
 */
export function compactRaceCurves(race: RaceResult, max = 200): RaceResult {
  const compactSide = (side: SideSummary): SideSummary => ({
    ...side,
    runs: side.runs.map((r) => {
      const stride = Math.max(1, Math.ceil(r.curve.length / max));
      const last = r.curve.length - 1;
      const curve = r.curve
        .filter((_, i) => i % stride === 0 || i === last)
        .map((c) => ({ step: c.step, loss: +c.loss.toPrecision(4), errorDeg: +c.errorDeg.toPrecision(4) }));
      return { ...r, curve };
    }),
  });
  return { ...race, differential: compactSide(race.differential), functional: compactSide(race.functional) };
}
