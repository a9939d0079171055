import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { radToDeg } from '../angles';
import { DEFAULT_ENV, euclideanTask } from '../env';
import { collectExploration } from '../explorationData';
import { estimateKernelFrames } from './kernelFrames';
import { estimateGradientNormalsTf } from './kernelFramesTf';

tf.enableProdMode();

describe('batched tfjs gradient frames', () => {
  it('agree with the plain-JS estimator within 0.1° and leak no tensors', async () => {
    await tf.setBackend('cpu');
    const data = collectExploration(DEFAULT_ENV, euclideanTask([-0.7, 0.7]), { transitions: 10000, seed: 4 });
    const opts = { radius: 0.1, maxAnchors: 3000, seed: 2 };
    const js = estimateKernelFrames(data, { estimator: 'gradient', ...opts });
    const before = tf.memory().numTensors;
    const gpu = await estimateGradientNormalsTf(data, { ...opts, batch: 1024 });
    expect(tf.memory().numTensors).toBe(before);
    let compared = 0;
    let worst = 0;
    for (let k = 0; k < js.count; k++) {
      expect(gpu.anchors[2 * k]).toBe(js.anchors[2 * k]);
      if (js.neighbours[k] < 6 || !gpu.valid[k]) continue;
      const dot = Math.abs(
        js.normals[2 * k] * gpu.normals[2 * k] + js.normals[2 * k + 1] * gpu.normals[2 * k + 1],
      );
      worst = Math.max(worst, radToDeg(Math.acos(Math.min(1, dot))));
      compared++;
    }
    expect(compared).toBeGreaterThan(0.7 * js.count);
    expect(worst).toBeLessThan(0.1);
  });
});
