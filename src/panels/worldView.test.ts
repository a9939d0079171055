// The shared world-view helpers: mark placement and the kernel-frame path, to the character the panels drew before.
import { describe, expect, it } from 'vitest';
import { goalAt } from '../core/families';
import { chartOf } from '../state/orbitChart';
import { chartBox, fitView, framesPath, translatePx } from './worldView';

const view = fitView({ x0: -2, x1: 2, y0: -1, y1: 1 }, { left: 10, top: 20, width: 400, height: 200 });

describe('translatePx', () => {
  it('places a world point with one decimal, y up', () => {
    expect(translatePx(view, 0, 0)).toBe('translate(210.0,120.0)');
    expect(translatePx(view, 1, 0.5)).toBe('translate(310.0,70.0)');
    expect(translatePx(view, -1 / 3, 0)).toBe('translate(176.7,120.0)');
  });
});

describe('framesPath', () => {
  it('draws one tangent segment per anchor, tangent = normal turned a quarter', () => {
    const frames = { anchors: [0, 0, 1, 0], normals: [1, 0, 0, 1], estimator: 'test', radius: 1, covered: 1 };
    // Tangent of normal (1, 0) is (0, 1); of (0, 1) it is (−1, 0). Half-length 0.1 world = 10 px.
    expect(framesPath(frames, view, 0.1)).toBe('M210.0,130.0L210.0,110.0M320.0,120.0L300.0,120.0');
  });

  it('is empty without a whole anchor', () => {
    expect(
      framesPath({ anchors: [1], normals: [1], estimator: 'test', radius: 1, covered: 1 }, view, 0.1),
    ).toBe('');
  });
});

describe('chartBox', () => {
  it('is a square around the curve and the start', () => {
    const family = { kind: 'circle', center: [2, 0], radius: 1 } as const;
    const box = chartBox(chartOf(family), null, 0.5);
    expect(box.x1 - box.x0).toBeCloseTo(box.y1 - box.y0, 12);
    const [gx] = goalAt(family, 0);
    expect(box.x0).toBeLessThanOrEqual(-0.5);
    expect(box.x1).toBeGreaterThanOrEqual(gx + 0.5);
  });
});
