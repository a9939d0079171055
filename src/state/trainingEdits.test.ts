import { describe, expect, it } from 'vitest';
import { addTask, MAX_TASKS, moveTask, removeTask, tidyDeg, widestGapMiddle } from './trainingEdits';

const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};

describe('training-set edits', () => {
  it('adds after the others, wrapped and rounded, and selects the new task', () => {
    const r = ok(addTask([0, 90], -30.004));
    expect(r.train).toEqual([0, 90, 330]);
    expect(r.selected).toBe(2);
  });

  it('refuses an add on top of an existing task and past the link limit', () => {
    expect(addTask([0, 90], 359).ok).toBe(false);
    const full = Array.from({ length: MAX_TASKS }, (_, i) => i * 20);
    const r = addTask(full, 350);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/at most/);
  });

  it('moves any task, the base included, and keeps the order', () => {
    expect(ok(moveTask([10, 90, 200], 0, 400)).train).toEqual([40, 90, 200]);
    expect(ok(moveTask([10, 90, 200], 2, -1)).train).toEqual([10, 90, 359]);
    expect(moveTask([10, 90], 5, 0).ok).toBe(false);
  });

  it('never removes the base task and keeps two tasks', () => {
    expect(removeTask([10, 90, 200], 0).ok).toBe(false);
    expect(removeTask([10, 90], 1).ok).toBe(false);
    const r = ok(removeTask([10, 90, 200], 2));
    expect(r.train).toEqual([10, 90]);
    expect(r.selected).toBe(1);
  });

  it('puts the keyboard add in the middle of the widest gap (across 360° too)', () => {
    expect(widestGapMiddle([0, 90, 180])).toBe(270);
    expect(widestGapMiddle([100, 120])).toBe(290);
    expect(widestGapMiddle([45])).toBe(225);
    expect(tidyDeg(-0.001)).toBe(0);
  });
});
