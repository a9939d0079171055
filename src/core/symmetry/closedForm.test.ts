import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { radToDeg } from '../angles';
import { DEFAULT_ENV } from '../env';
import { collectExploration } from '../explorationData';
import { type CircleFamily, goalAt, taskAt } from '../families';
import { estimateKernelFrames } from '../frames/kernelFrames';
import { generatorAngleError, rotationGenerator } from '../lie';
import { closedFormGenerator } from './closedForm';
import { fitDifferentialGenerator } from './differentialFit';

tf.enableProdMode();

// Circle families with the base task at several angles; the base reward's symmetry is rotation about its goal.
const cases: { family: CircleFamily; phi: number }[] = [
  { family: { kind: 'circle', center: [0, 0], radius: 1 }, phi: 2.3533 },
  { family: { kind: 'circle', center: [0.8, -0.5], radius: 0.6 }, phi: 0.4 },
  { family: { kind: 'circle', center: [-1, 1], radius: 1.5 }, phi: -1.2 },
];

describe('symmetry of one reward from 10k exploration samples', () => {
  for (const { family, phi } of cases) {
    const goal = goalAt(family, phi);
    it(`closed form and differential Adam find rotation about the goal (${goal.map((v) => v.toFixed(2))})`, async () => {
      await tf.setBackend('cpu');
      const samples = collectExploration(DEFAULT_ENV, taskAt(family, phi), { transitions: 10000, seed: 11 });
      const frames = estimateKernelFrames(samples, { estimator: 'gradient', radius: 0.1 });
      const truth = rotationGenerator(goal);
      const cf = closedFormGenerator(frames);
      expect(radToDeg(generatorAngleError(cf.generator, truth))).toBeLessThan(1);
      expect(cf.symmetryCount).toBe(1);
      expect(cf.eigenvalues[0] / cf.eigenvalues[1]).toBeLessThan(1e-2);
      const before = tf.memory().numTensors;
      const fit = fitDifferentialGenerator(frames, { seed: 3, steps: 400, lr: 0.1 });
      expect(tf.memory().numTensors).toBe(before);
      expect(radToDeg(generatorAngleError(fit.generator, truth))).toBeLessThan(1);
    });
  }
});
