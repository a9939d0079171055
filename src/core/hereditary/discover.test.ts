import { describe, expect, it } from 'vitest';
import { degToRad } from '../angles';
import { DEFAULT_ENV } from '../env';
import { collectExploration } from '../explorationData';
import { familyShape, goalAt, PAPER_TRAIN_ANGLES, type TaskFamily, taskAt } from '../families';
import { conjugatedRotationGenerator, type Generator, rotationGenerator } from '../lie';
import {
  discoverHereditaryGeometry,
  HEREDITARY_QUICK,
  type HereditaryProgress,
  type HereditaryResult,
} from './discover';

// Exploration data per task (rewards from the env; the learner never sees goals). Truth only scores.
function discover(family: TaskFamily, angles: readonly number[], truth: Generator): HereditaryResult {
  const data = angles.map((a, i) =>
    collectExploration(DEFAULT_ENV, taskAt(family, a), { transitions: 10000, seed: 100 + i }),
  );
  const baseTruth = family.kind === 'circle' ? rotationGenerator(goalAt(family, angles[0])) : undefined;
  const r = discoverHereditaryGeometry(data, {
    ...HEREDITARY_QUICK,
    truthForScoring: { generator: truth, baseSymmetry: baseTruth },
  });
  console.info(
    `[hereditary] ${family.kind} ${JSON.stringify({
      errorDeg: r.errorDeg,
      diagnosticsDeg: r.diagnosticsDeg,
      relativeResidual: r.relativeResidual,
      perTaskLoss: r.perTaskLoss,
      jointLoss: r.jointLoss,
      isHereditary: r.isHereditary,
      ambiguous: r.ambiguous,
      droppedPoints: r.droppedPoints,
      timingsMs: Object.fromEntries(Object.entries(r.timingsMs).map(([k, v]) => [k, Math.round(v)])),
    })}`,
  );
  return r;
}

function circumcentre([a, b, c]: readonly (readonly [number, number])[]): [number, number] {
  const d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]));
  const [na, nb, nc] = [a, b, c].map((p) => p[0] ** 2 + p[1] ** 2);
  return [
    (na * (b[1] - c[1]) + nb * (c[1] - a[1]) + nc * (a[1] - b[1])) / d,
    (na * (c[0] - b[0]) + nb * (a[0] - c[0]) + nc * (b[0] - a[0])) / d,
  ];
}

const ELLIPSE_ANGLES = [0, 60, 140, 250].map(degToRad);

describe('hereditary geometry discovery (§7)', () => {
  const circleResiduals: number[] = [];

  it('recovers rotation about the origin from the paper preset (base + 3) within 1°', () => {
    const family: TaskFamily = { kind: 'circle', center: [0, 0], radius: 1 };
    const truth = rotationGenerator(family.center);
    const r = discover(family, PAPER_TRAIN_ANGLES, truth);
    expect(r.errorDeg).toBeLessThan(1);
    expect(r.diagnosticsDeg?.baseSymmetry).toBeLessThan(1);
    // The align step matters: the naive SVD of the free per-task logs is far off.
    expect(r.diagnosticsDeg?.naiveSvd).toBeGreaterThan(5);
    expect(r.isHereditary).toBe(true);
    expect(r.compact).toBe(true);
    expect(r.ambiguous).toBe(false);
    // θ_i are the goal angle offsets (generator oriented counter-clockwise, period 2π).
    PAPER_TRAIN_ANGLES.slice(1).forEach((a, i) => {
      const want = (((a - PAPER_TRAIN_ANGLES[0]) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
      expect(Math.abs(r.thetas[i] - want)).toBeLessThan(0.01);
    });
    circleResiduals.push(r.relativeResidual);
  });

  it('recovers rotation about (0.5, −1) for a radius-1.5 circle within 1°', () => {
    const family: TaskFamily = { kind: 'circle', center: [0.5, -1], radius: 1.5 };
    const r = discover(family, [0.3, 1.5, 2.9, 4.4], rotationGenerator(family.center));
    expect(r.errorDeg).toBeLessThan(1);
    expect(r.isHereditary).toBe(true);
    expect(r.compact).toBe(true);
    circleResiduals.push(r.relativeResidual);
  });

  it('refuses the Euclidean ellipse with 4 goals: residual far above the threshold and the circles', () => {
    const family: TaskFamily = {
      kind: 'ellipse',
      center: [0, 0],
      axes: [0.7, 0.9],
      tilt: 0,
      reward: 'euclidean',
    };
    const r = discover(
      family,
      ELLIPSE_ANGLES,
      conjugatedRotationGenerator(family.center, familyShape(family)),
    );
    expect(r.isHereditary).toBe(false);
    expect(r.relativeResidual).toBeGreaterThan(10 * r.threshold);
    expect(r.relativeResidual).toBeGreaterThan(50 * Math.max(...circleResiduals));
    expect(r.reason).toMatch(/Not hereditary/);
  });

  it('calls three Euclidean-ellipse goals hereditary: three points always lie on a circle', () => {
    const family: TaskFamily = {
      kind: 'ellipse',
      center: [0, 0],
      axes: [0.7, 0.9],
      tilt: 0,
      reward: 'euclidean',
    };
    const goals = ELLIPSE_ANGLES.slice(0, 3).map((a) => goalAt(family, a));
    const r = discover(family, ELLIPSE_ANGLES.slice(0, 3), rotationGenerator(circumcentre(goals)));
    expect(r.isHereditary).toBe(true);
    // …and the rotation found is the one about the goals' circumcentre.
    expect(r.errorDeg).toBeLessThan(1);
  });

  it('finds the conjugated rotation for the pushed-forward ellipse', () => {
    const family: TaskFamily = {
      kind: 'ellipse',
      center: [0, 0],
      axes: [0.7, 0.9],
      tilt: 0,
      reward: 'pushforward',
    };
    const r = discover(
      family,
      ELLIPSE_ANGLES,
      conjugatedRotationGenerator(family.center, familyShape(family)),
    );
    expect(r.isHereditary).toBe(true);
    expect(r.compact).toBe(true);
    expect(r.errorDeg).toBeLessThan(1);
  });

  it('reports one task besides the base as ambiguous instead of guessing', () => {
    const family: TaskFamily = { kind: 'circle', center: [0, 0], radius: 1 };
    const r = discover(family, PAPER_TRAIN_ANGLES.slice(0, 2), rotationGenerator(family.center));
    expect(r.ambiguous).toBe(true);
    expect(r.isHereditary).toBe(false);
    expect(r.reason).toMatch(/Ambiguous/);
  });

  it('is deterministic for a fixed seed', () => {
    const family: TaskFamily = { kind: 'circle', center: [0, 0], radius: 1 };
    const data = PAPER_TRAIN_ANGLES.slice(0, 3).map((a, i) =>
      collectExploration(DEFAULT_ENV, taskAt(family, a), { transitions: 4000, seed: 7 + i }),
    );
    const opts = { ...HEREDITARY_QUICK, anchors: 200 };
    const seen: HereditaryProgress[] = [];
    const a = discoverHereditaryGeometry(data, { ...opts, onProgress: (p) => seen.push(p) });
    const b = discoverHereditaryGeometry(data, opts);
    expect(seen.map((p) => p.stage)).toEqual(
      expect.arrayContaining(['fields', 'perTask', 'align', 'joint', 'done']),
    );
    for (let k = 1; k < seen.length; k++)
      expect(seen[k].fraction).toBeGreaterThanOrEqual(seen[k - 1].fraction);
    expect(a.generator).toEqual(b.generator);
    expect(a.thetas).toEqual(b.thetas);
  });
});
