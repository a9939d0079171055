// A truth-free convergence time (ALGORITHM.md §6): the first step after which the estimate stops moving.
import { radToDeg } from '../angles';
import { generatorAngleError, generatorFromVector } from '../lie';

/** The estimate has settled at step t when the angle between X_t' and X_{t'+window} stays under tolDeg for all t' ≥ t. */
export const SETTLE_WINDOW = 100;
export const SETTLE_TOL_DEG = 0.05;

/** The angle between the estimates X_i and X_j of a history, as lines (generatorAngleError), in degrees. */
function angleDeg(h: Float32Array, i: number, j: number): number {
  const at = (t: number) => generatorFromVector(Array.from(h.subarray(6 * t, 6 * t + 6)));
  return radToDeg(generatorAngleError(at(i), at(j)));
}

/**
 * history holds the estimates X_0 … X_T of one run, 6 numbers each (X_0 is the initialisation). Returns the
 * smallest t with angle(X_t', X_{t'+window}) < tolDeg for every t' in [t, T − window], or null when the last
 * window still moves (or the run is shorter than one window, or it diverged).
 */
export function settleStep(
  history: Float32Array,
  window = SETTLE_WINDOW,
  tolDeg = SETTLE_TOL_DEG,
): number | null {
  const T = history.length / 6 - 1;
  if (T < window) return null;
  let t = T - window;
  for (; t >= 0; t--) {
    const angle = angleDeg(history, t, t + window);
    if (!(angle < tolDeg)) break; // NaN (a diverged run) counts as moving
  }
  const settled = t + 1;
  return settled > T - window ? null : settled;
}
