// The verdict's arithmetic (§7 step 4): trimmed task ratios, the floor from replicates, the decision and its reason.
import { describe, expect, it } from 'vitest';
import {
  decideVerdict,
  geometricMean,
  type ResidualComparison,
  trimmedMean,
  VERDICT_THRESHOLD,
} from './verdict';

const comparison = (taskRatios: number[]): ResidualComparison => ({
  perTaskLoss: taskRatios.map(() => 2),
  jointLoss: taskRatios.map((r) => 2 * r),
  droppedPoints: taskRatios.map(() => 0),
  ratio: taskRatios.reduce((s, r) => s + r, 0) / taskRatios.length,
  taskRatios,
  worst: Math.max(...taskRatios),
});

describe('hereditary verdict', () => {
  it('leaves out the largest 10% of anchor errors: a few bad anchors do not move the task ratio', () => {
    const bulk = Array.from({ length: 90 }, () => 1);
    expect(trimmedMean([...bulk, ...Array.from({ length: 10 }, () => 1e6)])).toBe(1);
    expect(trimmedMean([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])).toBe(5);
    expect(geometricMean([2, 8])).toBeCloseTo(4, 12);
  });

  it('accepts when the worst task is within the threshold of its floor, and says compact or not', () => {
    const v = decideVerdict(comparison([1.2, 2.5, 1.1]), [1.25], true, 3);
    expect(v.hereditary).toBe(true);
    expect(v.statistic).toBeCloseTo(2, 12);
    expect(v.threshold).toBe(VERDICT_THRESHOLD);
    expect(v.reason).toMatch(/^Hereditary: .*compact \(period 2π\)\.$/);
    expect(v.note).toBeUndefined();
    expect(decideVerdict(comparison([1.1, 1.3]), [1.1], false, 2).reason).toMatch(/not compact/);
  });

  it('refuses naming the worst task, its ratio and floor; a task with no anchor left counts as infinitely worse', () => {
    const v = decideVerdict(comparison([3.1, 5000, 40]), [1.25], true, 3);
    expect(v.hereditary).toBe(false);
    expect(v.statistic).toBeCloseTo(4000, 9);
    expect(v.reason).toBe(
      'Not hereditary: task 2 fits 5.00e+3× worse under the shared generator than a free map, 4.00e+3× its noise floor (1.25×; threshold 40).',
    );
    const lost = decideVerdict(comparison([1.2, Number.POSITIVE_INFINITY]), [1.2], true, 2);
    expect(lost.hereditary).toBe(false);
    expect(lost.reason).toMatch(/task 2 fits ∞×/);
  });

  it('refuses when the generator cannot even explain data hereditary by construction under it', () => {
    // A small statistic over a huge floor is no evidence of heredity.
    const v = decideVerdict(comparison([5e4]), [1e5], true, 3);
    expect(v.statistic).toBeLessThan(1);
    expect(v.hereditary).toBe(false);
    expect(v.reason).toMatch(/does not even explain data hereditary by construction/);
  });

  it('says that three tasks cannot refuse Euclidean goals', () => {
    expect(decideVerdict(comparison([1, 1.1]), [1], true, 2).note).toMatch(/cannot refuse/);
  });
});
