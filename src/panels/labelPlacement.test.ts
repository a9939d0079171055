// Tests of label placement: outward where there is room, inside the panel's edges where there is not.
import { describe, expect, it } from 'vitest';
import { approxTextWidth, outwardLabel } from './labelPlacement';

const W = 560;
const centre: [number, number] = [280, 280];
const width = approxTextWidth('test goal 180°', 12, true);

describe('outwardLabel', () => {
  it('goes outward from the centre when it fits (goal at 90°: above the mark)', () => {
    const spot = outwardLabel([280, 40], centre, width, { gap: 26, panelWidth: W });
    expect(spot.y).toBeLessThan(40);
    expect(spot.x).toBeGreaterThanOrEqual(4);
    expect(spot.x + width).toBeLessThanOrEqual(W - 4);
  });

  it('stays inside the panel at 0° and 180°, above the mark', () => {
    for (const at of [
      [530, 280],
      [30, 280],
    ] as [number, number][]) {
      const spot = outwardLabel(at, centre, width, { gap: 26, panelWidth: W, above: 18 });
      expect(spot.x).toBeGreaterThanOrEqual(4);
      expect(spot.x + width).toBeLessThanOrEqual(W - 4);
      expect(spot.y).toBe(at[1] - 18);
    }
  });

  it('puts a lower-half label that does not fit outward below the mark', () => {
    const spot = outwardLabel([540, 400], centre, width, { gap: 26, panelWidth: W, below: 30 });
    expect(spot.y).toBe(430);
    expect(spot.x + width).toBeLessThanOrEqual(W - 4);
  });
});
