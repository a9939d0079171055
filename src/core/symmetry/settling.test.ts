import { describe, expect, it } from 'vitest';
import { SETTLE_TOL_DEG, settleStep } from './settling';

/** A history X_0 … X_T of unit vectors in the (x0, x1) plane at the given angles (degrees). */
function history(anglesDeg: number[]): Float32Array {
  const h = new Float32Array(6 * anglesDeg.length);
  anglesDeg.forEach((a, t) => {
    h[6 * t] = Math.cos((a * Math.PI) / 180);
    h[6 * t + 1] = Math.sin((a * Math.PI) / 180);
  });
  return h;
}

describe('the truth-free settling step', () => {
  it('is the first step after which the estimate moves less than the tolerance over every window', () => {
    // Turns 1° per step until step 50, then stays: X_t vs X_{t+10} stops moving from t = 50.
    const angles = Array.from({ length: 201 }, (_, t) => Math.min(t, 50));
    expect(settleStep(history(angles), 10)).toBe(50);
    // A constant estimate has settled from the start.
    expect(settleStep(history(new Array(201).fill(30)), 10)).toBe(0);
  });

  it('is null while the last window still moves, and for a run shorter than one window', () => {
    const drifting = Array.from({ length: 201 }, (_, t) => 0.01 * t); // 1° per 100 steps, forever
    expect(settleStep(history(drifting), 100)).toBeNull();
    expect(settleStep(history([0, 0, 0]), 100)).toBeNull();
  });

  it('reads the estimate as a line: X and −X are the same generator', () => {
    const angles = Array.from({ length: 101 }, (_, t) => (t % 2 ? 180 : 0));
    expect(settleStep(history(angles), 10)).toBe(0);
  });

  it('a slow drift under the tolerance counts as settled; a late jump resets the clock', () => {
    const slow = Array.from({ length: 301 }, (_, t) => (0.5 * SETTLE_TOL_DEG * t) / 100);
    expect(settleStep(history(slow), 100)).toBe(0);
    const jump = Array.from({ length: 301 }, (_, t) => (t >= 250 ? 5 : 0));
    // Windows [t, t+100] that straddle step 250 move, the first one that does not is t = 250.
    expect(settleStep(history(jump), 100)).toBeNull();
    expect(settleStep(history(jump), 40)).toBe(250);
  });

  it('a diverged run (NaN) never settles', () => {
    const h = history(new Array(201).fill(0));
    h[6 * 200] = Number.NaN;
    expect(settleStep(h, 10)).toBeNull();
  });
});
