// Discovery on the reader's own goals (§3 "points", §7): a circle → rotation, a line → translation, else refused.
import { describe, expect, it } from 'vitest';
import { radToDeg } from '../angles';
import { DEFAULT_ENV, euclideanTask } from '../env';
import { DEFAULT_CONFIG } from '../experimentConfig';
import { collectExploration } from '../explorationData';
import { rotationCentre } from '../lie';
import { evaluationOrbit } from '../pipeline/evaluationOrbit';
import { familyTruth } from '../pipeline/truth';
import { Rng } from '../rng';
import type { Vec2 } from '../vec';
import { discoverHereditaryGeometry, HEREDITARY_QUICK, type HereditaryResult } from './discover';
import { VERDICT_THRESHOLD } from './verdict';

/** Small settings: 6k transitions per task, 300 anchors (the CLI uses 10k and 400). */
const TRANSITIONS = 6000;

/**
 * Discovery from exploration data alone: it is never told the goals. The verdict's noise floor explores the BASE task
 * afresh. The truth (the goals' own circle or line) is passed for SCORING only.
 */
function discover(goals: readonly Vec2[], seed: number): HereditaryResult {
  const data = goals.map((g, i) =>
    collectExploration(DEFAULT_ENV, euclideanTask(g), { transitions: TRANSITIONS, seed: seed + i }),
  );
  const truth = familyTruth({ kind: 'points', goals: [...goals] }, 0).hereditary;
  const r = discoverHereditaryGeometry(data, {
    ...HEREDITARY_QUICK,
    anchors: 300,
    seed,
    calibration: {
      sampleBase: (s) =>
        collectExploration(DEFAULT_ENV, euclideanTask(goals[0]), { transitions: TRANSITIONS, seed: s }),
    },
    truthForScoring: truth ? { generator: truth } : undefined,
  });
  const v = r.verdict;
  console.info(
    `[points] ${goals.length} goals seed ${seed}: hereditary ${v?.hereditary}, compact ${v?.compact}, statistic ` +
      `${v?.statistic.toPrecision(3)} (worst task ${v?.observed.toPrecision(3)} / floor ${v?.floor.toPrecision(3)}) ` +
      `vs ${v?.threshold}; Σ-ratio ${r.relativeResidual.toPrecision(3)}; error ${r.errorDeg?.toFixed(3) ?? '—'}°`,
  );
  return r;
}

/** Angles at least 0.4 rad apart (goals well separated on the orbit). */
function spreadAngles(rng: Rng, n: number): number[] {
  for (;;) {
    const a = Array.from({ length: n }, () => rng.uniform(0, 2 * Math.PI));
    const ok = a.every((x, i) => a.every((y, j) => i === j || Math.abs(Math.sin((x - y) / 2)) > 0.2));
    if (ok) return a;
  }
}

const accepted: number[] = [];
const refused: number[] = [];

describe('points: discovery decides what the goals are', () => {
  const rng = new Rng(2718);

  for (let k = 0; k < 3; k++) {
    const center: Vec2 = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
    const radius = rng.uniform(0.8, 1.5);
    const goals = spreadAngles(rng, 4).map(
      (a) => [center[0] + radius * Math.cos(a), center[1] + radius * Math.sin(a)] as Vec2,
    );
    const seed = 40 + 17 * k;
    it(`goals on a circle about (${center.map((v) => v.toFixed(2))}), r=${radius.toFixed(2)}: rotation about it within 1°`, () => {
      const r = discover(goals, seed);
      expect(r.verdict?.hereditary).toBe(true);
      expect(r.isHereditary).toBe(true);
      expect(r.compact).toBe(true);
      expect(r.errorDeg).toBeLessThan(1);
      // The centre it rotates about is the circle's (scoring only).
      const c = rotationCentre(r.generator);
      expect(Math.hypot(c[0] - center[0], c[1] - center[1])).toBeLessThan(0.02);
      const orbit = evaluationOrbit({ ...DEFAULT_CONFIG, family: { kind: 'points', goals } }, r);
      expect(orbit.source).toBe('circle');
      accepted.push(r.verdict?.statistic ?? Number.NaN);
    });
  }

  for (let k = 0; k < 3; k++) {
    const origin: Vec2 = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
    const dir = rng.uniform(-Math.PI, Math.PI);
    const offsets = [0, rng.uniform(0.3, 1.4), -rng.uniform(0.3, 1.4), rng.uniform(1.6, 2.2)];
    const goals = offsets.map((t) => [origin[0] + t * Math.cos(dir), origin[1] + t * Math.sin(dir)] as Vec2);
    const seed = 90 + 13 * k;
    it(`goals on a line along ${radToDeg(dir).toFixed(0)}°: translation along it within 1°, not compact`, () => {
      const r = discover(goals, seed);
      expect(r.verdict?.hereditary).toBe(true);
      expect(r.compact).toBe(false);
      expect(r.errorDeg).toBeLessThan(1);
      const orbit = evaluationOrbit({ ...DEFAULT_CONFIG, family: { kind: 'points', goals } }, r);
      expect(orbit.source).toBe('line');
      accepted.push(r.verdict?.statistic ?? Number.NaN);
    });
  }

  it('refuses a spiral (rotation with scaling changes the reward scale: no isometry relates the goals)', () => {
    const goals = [0, 1.4, 2.8, 4.2].map(
      (p) => [0.9 * Math.exp(0.08 * p) * Math.cos(p), 0.9 * Math.exp(0.08 * p) * Math.sin(p)] as Vec2,
    );
    const r = discover(goals, 140);
    expect(r.isHereditary).toBe(false);
    expect(r.verdict?.hereditary).toBe(false);
    expect(r.reason).toMatch(/^Not hereditary/);
    refused.push(r.verdict?.statistic ?? Number.NaN);
  });

  for (let k = 0; k < 2; k++) {
    const goals = Array.from(
      { length: 4 + k },
      () => [rng.uniform(-1.8, 1.8), rng.uniform(-1.8, 1.8)] as Vec2,
    );
    it(`refuses a random scatter of ${goals.length} goals`, () => {
      expect(familyTruth({ kind: 'points', goals }, 0).hereditary).toBeNull();
      const r = discover(goals, 160 + k);
      expect(r.isHereditary).toBe(false);
      expect(r.verdict?.reason).toMatch(/^Not hereditary/);
      refused.push(r.verdict?.statistic ?? Number.NaN);
    });
  }

  it('keeps a wide margin on both sides of the threshold', () => {
    console.info(
      `[points] accepted statistics ${accepted.map((s) => s.toPrecision(3)).join(', ')}; refused ${refused
        .map((s) => s.toPrecision(3))
        .join(', ')}; threshold ${VERDICT_THRESHOLD}`,
    );
    expect(accepted).toHaveLength(6);
    expect(refused).toHaveLength(3);
    // At least 5× below and 5× above the threshold.
    expect(Math.max(...accepted)).toBeLessThan(VERDICT_THRESHOLD / 5);
    expect(Math.min(...refused)).toBeGreaterThan(5 * VERDICT_THRESHOLD);
  });

  it('says when three goals cannot be refused (any three lie on one circle)', () => {
    const r = discover(
      [
        [1, 0.2],
        [-0.4, 1.1],
        [-0.8, -0.9],
      ],
      180,
    );
    expect(r.verdict?.hereditary).toBe(true);
    expect(r.verdict?.note).toMatch(/cannot refuse/);
  });
});
