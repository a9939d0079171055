// The hash writer: nothing while the settings keep changing, the newest value once they rest, at once on flush.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quietLatest } from './settingsStore';

describe('quietLatest', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes nothing while values keep coming, then the newest one once they rest; flush writes it now', () => {
    const written: number[] = [];
    const w = quietLatest<number>((v) => written.push(v), 300);
    // A 60 Hz drag for one second: nothing is written during it.
    for (let i = 1; i <= 60; i++) {
      w.push(i);
      vi.advanceTimersByTime(16);
    }
    expect(written).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(written).toEqual([60]);
    w.push(61);
    w.flush();
    expect(written).toEqual([60, 61]);
    vi.advanceTimersByTime(1000);
    w.flush();
    expect(written).toEqual([60, 61]);
  });
});
