import { describe, expect, it } from 'vitest';
import { allocBatch, ReplayBuffer } from './replayBuffer';

function filled(capacity: number, count: number, seed: number): ReplayBuffer {
  const buf = new ReplayBuffer(capacity, 3, 2, seed);
  for (let i = 0; i < count; i++) buf.add([i, -i, 0.5], [i / 10, 0], -i, [i + 1, -i - 1, 0.5], i % 7 === 0);
  return buf;
}

describe('replay buffer', () => {
  it('sampling is seeded: same seed, same batches; different seed, different batches', () => {
    const a = filled(100, 60, 5).sample(allocBatch(32, 3, 2));
    const b = filled(100, 60, 5).sample(allocBatch(32, 3, 2));
    const c = filled(100, 60, 6).sample(allocBatch(32, 3, 2));
    expect(Array.from(a.reward)).toEqual(Array.from(b.reward));
    expect(Array.from(a.nextObs)).toEqual(Array.from(b.nextObs));
    expect(Array.from(a.reward)).not.toEqual(Array.from(c.reward));
  });

  it('keeps transitions consistent and overwrites the oldest when full', () => {
    const buf = filled(50, 80, 1);
    expect(buf.size).toBe(50);
    const batch = buf.sample(allocBatch(200, 3, 2));
    for (let k = 0; k < batch.size; k++) {
      const i = -batch.reward[k];
      expect(i).toBeGreaterThanOrEqual(30);
      expect(batch.obs[3 * k]).toBe(i);
      expect(batch.nextObs[3 * k + 1]).toBe(-i - 1);
      expect(batch.action[2 * k]).toBeCloseTo(i / 10, 5);
      expect(batch.done[k]).toBe(i % 7 === 0 ? 1 : 0);
    }
  });

  it('export → import round trip and reward samples (oldest first)', () => {
    const buf = filled(50, 80, 1);
    const data = buf.export();
    expect(data.count).toBe(50);
    expect(data.reward[0]).toBe(-30);
    expect(data.reward[49]).toBe(-79);
    const back = ReplayBuffer.import(data, 9);
    expect(Array.from(back.export().nextObs)).toEqual(Array.from(data.nextObs));
    const samples = back.rewardSamples();
    expect(samples.count).toBe(50);
    expect([samples.points[0], samples.points[1], samples.values[0]]).toEqual([31, -31, -30]);
    const small = ReplayBuffer.import(data, 9, 10);
    expect(small.size).toBe(10);
    expect(small.export().reward[0]).toBe(-70);
  });
});
