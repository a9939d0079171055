import { describe, expect, it } from 'vitest';
import { benchDragPreview } from './benchPreview';

describe('drag preview benchmark', () => {
  it('times previews of the shipped agents and reports ordered quantiles', () => {
    const t = benchDragPreview('public/pretrained/default.json', 24);
    expect(t.count).toBe(24);
    expect(t.p50).toBeGreaterThan(0);
    expect(t.p95).toBeGreaterThanOrEqual(t.p50);
  });

  it('names the file when the pretrained results cannot be read', () => {
    expect(() => benchDragPreview('package.json', 4)).toThrow(/package\.json/);
  });
});
