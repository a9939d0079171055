// The log-alignment helpers: the 1-D golden-section search and the collinearity score of stacked logs.
import { describe, expect, it } from 'vitest';
import { collinearityScore, goldenSection } from './alignLogs';

describe('log-alignment helpers', () => {
  it('finds a 1-D minimum', () => {
    expect(goldenSection((t) => (t - 0.3) ** 2, -1, 2, 60)).toBeCloseTo(0.3, 8);
  });

  it('collinearity score is 0 for parallel rows and 1 for orthogonal pairs', () => {
    expect(
      collinearityScore([
        [1, 0, 0, 0, 0, 0],
        [-1, 0, 0, 0, 0, 0],
      ]),
    ).toBeCloseTo(0, 12);
    expect(
      collinearityScore([
        [1, 0, 0, 0, 0, 0],
        [0, 1, 0, 0, 0, 0],
      ]),
    ).toBeCloseTo(1, 12);
  });
});
