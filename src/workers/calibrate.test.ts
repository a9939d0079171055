// calibrate(): a backend that a scout shows hopeless is never timed at full size; any other one is timed as before.
import { describe, expect, it } from 'vitest';
import type { Workload } from '../protocol/backend';
import { chooseForWorkload, HOPELESS_RATIO } from './backendChoice';
import { type CalibrationDeps, calibrate } from './calibrate';
import type { CalibrationOp } from './calibrationOps';

/** Busy-waits `ms` per run, so the op really takes that long on the clock calibrate reads. */
function busyOp(ms: number, log: string[], name: string, repetitions = 3): CalibrationOp {
  return {
    repetitions,
    run: async () => {
      log.push(name);
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // spin
      }
    },
    dispose: () => log.push(`${name}:disposed`),
  };
}

function deps(fullMs: number, scoutMs: number, scale: number, log: string[]): CalibrationDeps {
  return {
    activate: async (b) => {
      log.push(`activate:${b}`);
    },
    op: (_w: Workload) => busyOp(fullMs, log, 'full'),
    scout: (w: Workload) => (w === 'bulk' ? { scale, make: () => busyOp(scoutMs, log, 'scout') } : null),
  };
}

const cpu = { backend: 'cpu' as const, software: false, note: '' };

describe('calibrate', () => {
  it('reports a scouted backend far slower than the fastest one without running its full op', async () => {
    const log: string[] = [];
    // Scout 20 ms × 8 = 160 ms ≫ HOPELESS_RATIO × 2 ms: the 400 ms full op must never start.
    const t = await calibrate('bulk', cpu, 2, deps(400, 20, 8, log));
    expect(log).not.toContain('full');
    expect(log.filter((l) => l === 'scout')).toHaveLength(2); // a warm-up run, then the timed one
    expect(log).toContain('scout:disposed');
    expect(t.scaledFrom).toBe(8);
    expect(t.firstRunOnly).toBe(true);
    expect(t.ms).toBeGreaterThanOrEqual(160);
    // The choice still names the faster backend and says how the slow one was timed.
    const choice = chooseForWorkload('bulk', [{ backend: 'wasm', ms: 2, software: false }, t], 'wasm');
    expect(choice.backend).toBe('wasm');
    expect(choice.reason).toMatch(/cpu \d+ ms \(extrapolated from a 1\/8-size run\)/);
  });

  it('times the full op where the scout is not hopeless', async () => {
    const log: string[] = [];
    // Scout 1 ms × 8 ≈ 8 ms, well under HOPELESS_RATIO × 50 ms: the full op is timed, repeated.
    const t = await calibrate('bulk', cpu, 50, deps(5, 1, 8, log));
    expect(log.filter((l) => l === 'full').length).toBeGreaterThan(1);
    expect(t.scaledFrom).toBeUndefined();
    expect(t.firstRunOnly).toBeUndefined();
    expect(t.ms).toBeGreaterThanOrEqual(5);
  });

  it('does not scout the first backend timed, nor a workload without a scout', async () => {
    const first: string[] = [];
    await calibrate('bulk', cpu, null, deps(3, 1, 8, first));
    expect(first).not.toContain('scout');
    const rl: string[] = [];
    await calibrate('rl', cpu, 1, deps(3, 1, 8, rl));
    expect(rl).not.toContain('scout');
    expect(rl).toContain('full');
  });

  it('stops after the first full run that is already hopeless', async () => {
    const log: string[] = [];
    const t = await calibrate('rl', cpu, 1, deps(5 * HOPELESS_RATIO + 10, 1, 8, log));
    expect(log.filter((l) => l === 'full')).toHaveLength(1);
    expect(t.firstRunOnly).toBe(true);
    expect(t.scaledFrom).toBeUndefined();
  });

  it('reports a failing op as a failed timing, not a throw', async () => {
    const failing: CalibrationDeps = {
      activate: async () => {},
      op: () => ({
        repetitions: 1,
        run: () => Promise.reject(new Error('lost device')),
        dispose: () => {},
      }),
      scout: () => null,
    };
    const t = await calibrate('bulk', cpu, null, failing);
    expect(t).toMatchObject({ backend: 'cpu', ms: null, error: 'lost device' });
  });
});
