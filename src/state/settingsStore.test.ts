// The hash writer's throttle: the first change at once, the newest one always, never more than one per interval.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleLatest } from './settingsStore';

describe('throttleLatest', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the first value at once, then the newest one per interval, and the last one always', () => {
    const written: number[] = [];
    const w = throttleLatest<number>(
      (v) => written.push(v),
      200,
      () => Date.now(),
    );
    w.push(1);
    expect(written).toEqual([1]);
    // A 60 Hz drag for one second: 60 values.
    for (let i = 2; i <= 61; i++) {
      vi.advanceTimersByTime(16);
      w.push(i);
    }
    vi.advanceTimersByTime(200);
    expect(written[written.length - 1]).toBe(61);
    expect(written.length).toBeLessThanOrEqual(7);
    const spacing = written.length;
    // Quiet again: the next change is written at once.
    vi.advanceTimersByTime(1000);
    w.push(99);
    expect(written.length).toBe(spacing + 1);
  });

  it('flush writes a waiting value now, and nothing when none waits', () => {
    const written: string[] = [];
    const w = throttleLatest<string>(
      (v) => written.push(v),
      200,
      () => Date.now(),
    );
    w.push('a');
    w.push('b');
    expect(written).toEqual(['a']);
    w.flush();
    expect(written).toEqual(['a', 'b']);
    w.flush();
    vi.advanceTimersByTime(500);
    expect(written).toEqual(['a', 'b']);
  });
});
