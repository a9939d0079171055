import { describe, expect, it } from 'vitest';
import { radToDeg } from '../angles';
import { runYielding } from '../cooperative';
import { DEFAULT_ENV, euclideanTask } from '../env';
import { collectExploration } from '../explorationData';
import { Rng } from '../rng';
import { diskRewardSamples, frameAccuracyTable } from './frameAccuracy';
import { FrameField } from './frameField';
import {
  estimateKernelFrames,
  estimateKernelFramesSteps,
  FRAME_YIELD_WORK,
  frameAngleErrors,
  type KernelFrames,
} from './kernelFrames';

const goal: [number, number] = [0.6, -0.4];
const trueNormal = (x: number, y: number): [number, number] => [x - goal[0], y - goal[1]];
const median = (a: Float64Array) => {
  const s = a.filter((v) => !Number.isNaN(v)).sort();
  return s[Math.floor(s.length / 2)];
};

describe('kernel frames', () => {
  const data = diskRewardSamples(10000, goal, 3);

  it('gradient frames are within a fraction of a degree and beat the level-set estimator', () => {
    const grad = estimateKernelFrames(data, { estimator: 'gradient', radius: 0.1 });
    const ls = estimateKernelFrames(data, { estimator: 'levelset', radius: 0.1, delta: 0.005 });
    const gErr = radToDeg(median(frameAngleErrors(grad, trueNormal)));
    const lErr = radToDeg(median(frameAngleErrors(ls, trueNormal)));
    expect(grad.covered).toBeGreaterThan(0.95);
    expect(gErr).toBeLessThan(1);
    expect(lErr).toBeGreaterThan(2 * gErr);
    // Tangent is the normal turned by 90°, both unit.
    for (let k = 0; k < 50; k++) {
      const [nx, ny, tx, ty] = [
        grad.normals[2 * k],
        grad.normals[2 * k + 1],
        grad.tangents[2 * k],
        grad.tangents[2 * k + 1],
      ];
      expect(Math.hypot(nx, ny)).toBeCloseTo(1, 9);
      expect(nx * tx + ny * ty).toBeCloseTo(0, 9);
    }
  });

  it('infers the kernel dimension: flat rewards give 2, starved neighbourhoods give 0', () => {
    const flat = { points: data.points, values: new Float64Array(data.count).fill(-1), count: data.count };
    const f = estimateKernelFrames(flat, { estimator: 'gradient', radius: 0.1, maxAnchors: 500, seed: 1 });
    expect(f.kernelDim.filter((d) => d === 2).length).toBeGreaterThan(0.95 * f.count);
    // Pure noise: the fitted gradient is not significant, so about half read as flat (the rest ambiguous), few as a line.
    const rng = new Rng(8);
    const noisy = { ...flat, values: flat.values.map((v) => v + 0.01 * rng.normal()) };
    const fn = estimateKernelFrames(noisy, { estimator: 'gradient', radius: 0.1, maxAnchors: 500, seed: 1 });
    expect(fn.kernelDim.filter((d) => d === 2).length).toBeGreaterThan(0.4 * fn.count);
    expect(fn.kernelDim.filter((d) => d === 1).length).toBeLessThan(0.1 * fn.count);
    const sparse = estimateKernelFrames(data, {
      estimator: 'gradient',
      radius: 0.01,
      maxAnchors: 500,
      seed: 1,
    });
    expect(sparse.covered).toBeLessThan(0.05);
    expect(sparse.count).toBe(500);
  });

  it('works on exploration data, and a frame field averages projectors sign-free', () => {
    const expl = collectExploration(DEFAULT_ENV, euclideanTask(goal), { transitions: 10000, seed: 2 });
    const frames = estimateKernelFrames(expl, { estimator: 'gradient', radius: 0.1 });
    expect(radToDeg(median(frameAngleErrors(frames, trueNormal)))).toBeLessThan(1);
    // Flip every other frame: vector averaging would cancel, projector averaging must not care.
    for (let k = 0; k < frames.count; k += 2) {
      for (const arr of [frames.normals, frames.tangents]) {
        arr[2 * k] *= -1;
        arr[2 * k + 1] *= -1;
      }
    }
    const field = new FrameField(frames, { bandwidth: 0.07, k: 8 });
    const rng = new Rng(5);
    const errs: number[] = [];
    for (let q = 0; q < 300; q++) {
      const x = rng.uniform(-2, 2);
      const y = rng.uniform(-2, 2);
      if (Math.hypot(x - goal[0], y - goal[1]) < 0.3) continue;
      const fr = field.at(x, y);
      if (!fr) continue;
      const [tx, ty] = trueNormal(x, y);
      errs.push(
        radToDeg(
          Math.acos(Math.min(1, Math.abs(fr.normal[0] * tx + fr.normal[1] * ty) / Math.hypot(tx, ty))),
        ),
      );
    }
    errs.sort((a, b) => a - b);
    expect(errs.length).toBeGreaterThan(200);
    expect(errs[Math.floor(errs.length / 2)]).toBeLessThan(1);
    expect(field.at(40, 40)).toBeNull();
  });

  it('both estimators yield after each FRAME_YIELD_WORK anchors + neighbours and give the same frames', async () => {
    // The typed arrays as bytes (quick to compare, and equal only if bit-identical).
    const bits = (f: KernelFrames) =>
      [f.anchors, f.normals, f.tangents, f.kernelDim, f.quality, f.neighbours]
        .map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64'))
        .concat(String(f.covered));
    for (const opts of [
      { estimator: 'gradient', radius: 0.1 },
      { estimator: 'levelset', radius: 0.1, delta: 0.005, maxAnchors: 4000, seed: 2 },
    ] as const) {
      let yields = 0;
      const chunked = await runYielding(estimateKernelFramesSteps(data, opts), async () => void yields++);
      const whole = estimateKernelFrames(data, opts);
      expect(bits(chunked)).toEqual(bits(whole));
      if (opts.estimator === 'levelset') {
        // Neighbours visited but not kept count too: at least one yield per FRAME_YIELD_WORK anchors.
        expect(yields).toBeGreaterThanOrEqual(Math.floor(whole.count / FRAME_YIELD_WORK));
        continue;
      }
      // Gradient frames keep every neighbour within ε: a chunk ends once 1 + neighbours per anchor reach the bound.
      let expected = 0;
      for (let k = 0, work = 0; k < whole.count; k++) {
        work += 1 + whole.neighbours[k];
        if (work >= FRAME_YIELD_WORK && k + 1 < whole.count) {
          expected++;
          work = 0;
        }
      }
      expect(expected).toBeGreaterThan(1);
      expect(yields).toBe(expected);
    }
  });

  it('reproduces the shape of the §5 table', () => {
    const rows = frameAccuracyTable({ sizes: [2000, 10000], sources: ['disk'], seed: 1 });
    const at = (n: number, e: string) => rows.find((r) => r.samples === n && r.estimator === e)!;
    expect(at(10000, 'gradient').medianDeg).toBeLessThan(1);
    expect(at(10000, 'gradient').generatorErrorDeg).toBeLessThan(0.2);
    expect(at(10000, 'gradient').symmetryCount).toBe(1);
    expect(at(2000, 'gradient').medianDeg).toBeLessThan(at(2000, 'levelset').medianDeg);
    expect(at(10000, 'levelset').medianDeg).toBeGreaterThan(1);
    expect(at(2000, 'levelset').covered).toBeLessThan(0.5);
  });
});
