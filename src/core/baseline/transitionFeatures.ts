// Per-transition encoder inputs: the raw (s, a/maxA, r, s') or those plus generic degree-2 terms of (s', r).
import type { ContextTransitions } from './context';

/**
 * 'raw': (s, a/maxA, r, s') — 7 numbers (the first encoder's input).
 * 'quadratic': raw plus every degree-2 monomial of the observed (s', r): s'x², s'y², s'x·s'y, r·s'x, r·s'y, r²
 * — 13 numbers. Their means over a context are the second moments a mean-pooled set needs to read how the
 * reward varies across the visited states; no goal or task geometry is built in.
 */
export type TransitionFeatureSet = 'raw' | 'quadratic';

export const FEATURE_COUNTS: Record<TransitionFeatureSet, number> = { raw: 7, quadratic: 13 };

export const featureCount = (set: TransitionFeatureSet | undefined): number => FEATURE_COUNTS[set ?? 'raw'];

/** Write transition i's features at out[offset …). */
export function writeFeatures(
  set: TransitionFeatureSet | undefined,
  ctx: ContextTransitions,
  i: number,
  maxAction: number,
  out: Float32Array | Float64Array,
  offset: number,
): void {
  const x = ctx.nextStates[2 * i];
  const y = ctx.nextStates[2 * i + 1];
  const r = ctx.rewards[i];
  out[offset] = ctx.states[2 * i];
  out[offset + 1] = ctx.states[2 * i + 1];
  out[offset + 2] = ctx.actions[2 * i] / maxAction;
  out[offset + 3] = ctx.actions[2 * i + 1] / maxAction;
  out[offset + 4] = r;
  out[offset + 5] = x;
  out[offset + 6] = y;
  if ((set ?? 'raw') === 'raw') return;
  out[offset + 7] = x * x;
  out[offset + 8] = y * y;
  out[offset + 9] = x * y;
  out[offset + 10] = r * x;
  out[offset + 11] = r * y;
  out[offset + 12] = r * r;
}
