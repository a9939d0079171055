import { describe, expect, it } from 'vitest';
import {
  addPoint,
  addTask,
  lineRules,
  MAX_TASKS,
  movePoint,
  moveTask,
  nextPoint,
  removePoint,
  removeTask,
  tidyDeg,
  widestGapMiddle,
} from './trainingEdits';

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

describe('line offsets and the reader’s goals', () => {
  const line = lineRules([-3.2, 4.1]);

  it('line offsets are never wrapped, are rounded inward into the range, and keep 0.05 apart', () => {
    expect(ok(addTask([0, 0.3], 2.345, line)).train).toEqual([0, 0.3, 2.35]);
    expect(ok(addTask([0, 0.3], 9, line)).train).toEqual([0, 0.3, 4.1]);
    expect(ok(moveTask([0, 0.3], 1, -4, line)).train).toEqual([0, -3.2]);
    const r = addTask([0, 0.3], 0.32, line);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('t = 0.32 is within 0.05 of the training task at t = 0.3');
    // 360 is not 0 on a line.
    expect(ok(addTask([0, 0.3], 3.6, line)).train).toEqual([0, 0.3, 3.6]);
  });

  it('the keyboard add on a line goes past the end with more room', () => {
    expect(widestGapMiddle([0, 0.3, 0.6], line)).toBe(0.9);
    expect(widestGapMiddle([3, 3.5, 4], line)).toBe(2.5);
  });

  it('goals are added and moved as points, kept inside the arena and apart; three always remain', () => {
    const goals: [number, number][] = [
      [1, 0],
      [0, 1],
      [-1, 0],
    ];
    expect(ok(addPoint(goals, [0.123, -7])).train.at(-1)).toEqual([0.12, -4.5]);
    expect(addPoint(goals, [1.02, 0.01]).ok).toBe(false);
    expect(ok(movePoint(goals, 0, [2, 2])).train[0]).toEqual([2, 2]);
    const onto = movePoint(goals, 0, [0, 1.01]);
    expect(onto.ok).toBe(false);
    if (!onto.ok) expect(onto.reason).toMatch(/within 0.05 of the goal at \(0, 1\)/);
    const three = removePoint(goals, 2);
    expect(three.ok).toBe(false);
    if (!three.ok) expect(three.reason).toMatch(/base goal and at least 2 others/);
    expect(removePoint(goals, 0).ok).toBe(false);
    expect(ok(removePoint([...goals, [0, -1]], 3)).train).toEqual(goals);
    expect(nextPoint(goals)).toEqual([-1.35, -0.35]);
  });
});
