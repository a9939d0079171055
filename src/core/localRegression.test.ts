import { describe, expect, it } from 'vitest';
import { radToDeg } from './angles';
import { DEFAULT_ENV, euclideanTask } from './env';
import { collectExploration } from './explorationData';
import { LocalLinearModel } from './localRegression';
import { Rng } from './rng';
import { SpatialGrid } from './spatialGrid';

describe('spatial grid and local linear reward model', () => {
  it('grid radius queries match a brute-force scan', () => {
    const rng = new Rng(4);
    const n = 3000;
    const pts = new Float64Array(2 * n).map(() => rng.uniform(-3, 3));
    const grid = new SpatialGrid(pts, n, 0.2);
    for (let q = 0; q < 20; q++) {
      const x = rng.uniform(-3.5, 3.5);
      const y = rng.uniform(-3.5, 3.5);
      const got: number[] = [];
      grid.forEachWithin(x, y, 0.37, (i) => got.push(i));
      const want: number[] = [];
      for (let i = 0; i < n; i++) if (Math.hypot(pts[2 * i] - x, pts[2 * i + 1] - y) <= 0.37) want.push(i);
      expect(got.sort((a, b) => a - b)).toEqual(want);
      const near = grid.nearest(x, y, 5);
      const brute = Array.from({ length: n }, (_, i) => i)
        .sort(
          (a, b) =>
            Math.hypot(pts[2 * a] - x, pts[2 * a + 1] - y) - Math.hypot(pts[2 * b] - x, pts[2 * b + 1] - y),
        )
        .slice(0, 5);
      expect(near).toEqual(brute);
    }
  });

  it('recovers reward values and gradient directions from exploration data', () => {
    const goal: [number, number] = [0.5, -1];
    const data = collectExploration(DEFAULT_ENV, euclideanTask(goal), { transitions: 10000, seed: 1 });
    const model = new LocalLinearModel(data, 0.1);
    const rng = new Rng(9);
    let worst = 0;
    for (let k = 0; k < 100; k++) {
      const x = rng.uniform(-2, 2);
      const y = rng.uniform(-2, 2);
      const d = Math.hypot(x - goal[0], y - goal[1]);
      if (d < 0.4) continue;
      const f = model.fit(x, y);
      expect(Math.abs(f.value + d)).toBeLessThan(0.02);
      const cos = (f.gradX * (goal[0] - x) + f.gradY * (goal[1] - y)) / (Math.hypot(f.gradX, f.gradY) * d);
      worst = Math.max(worst, Math.acos(Math.min(1, cos)));
    }
    expect(radToDeg(worst)).toBeLessThan(5);
  });
});
