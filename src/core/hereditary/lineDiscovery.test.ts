// Discovery (§7) on a line family: the same hereditary-geometry discovery as for circles finds the translation.
import { describe, expect, it } from 'vitest';
import { degToRad } from '../angles';
import { DEFAULT_ENV } from '../env';
import { collectExploration } from '../explorationData';
import { type LineFamily, taskAt } from '../families';
import { compactness, generatorVector } from '../lie';
import { familyTruth } from '../pipeline/truth';
import { discoverHereditaryGeometry, HEREDITARY_QUICK } from './discover';

describe('hereditary discovery on a line family', () => {
  it('finds the translation along the line from rewards alone, within 1°, non-compact and hereditary', () => {
    const family: LineFamily = { kind: 'line', origin: [0.3, 0.2], direction: degToRad(110) };
    const offsets = [0, 0.4, 0.9];
    const data = offsets.map((t, i) =>
      collectExploration(DEFAULT_ENV, taskAt(family, t), { transitions: 10000, seed: 610 + i }),
    );
    const truth = familyTruth(family, offsets[0]);
    // The truth is passed for SCORING only (errorDeg); the learner never reads it.
    const r = discoverHereditaryGeometry(data, {
      ...HEREDITARY_QUICK,
      seed: 19,
      truthForScoring: { generator: truth.hereditary ?? [], baseSymmetry: truth.rewardSymmetry },
    });
    const c = compactness(r.generator);
    console.info(
      `[line discovery] error ${r.errorDeg?.toFixed(4)}°, residual ${r.relativeResidual.toFixed(3)}, ` +
        `‖B‖/‖X‖ ${c.linearFraction.toExponential(2)}, θ ${r.thetas.map((t) => t.toFixed(4)).join(', ')}`,
    );
    expect(r.errorDeg).toBeLessThan(1);
    expect(r.ambiguous).toBe(false);
    expect(r.isHereditary).toBe(true);
    expect(r.compact).toBe(false);
    expect(r.reason).toMatch(/not compact/);
    // Unit speed (normalised to unit norm, not to a period), nearly no linear part.
    expect(Math.hypot(...generatorVector(r.generator))).toBeCloseTo(1, 9);
    expect(c.linearFraction).toBeLessThan(0.01);
    // θ_i are the offsets from the base, in arena units, with the sign of the learned direction.
    const sign = Math.sign(
      r.generator[2] * Math.cos(family.direction) + r.generator[5] * Math.sin(family.direction),
    );
    offsets.slice(1).forEach((t, i) => {
      expect(Math.abs(sign * r.thetas[i] - t)).toBeLessThan(0.01);
    });
    expect(r.diagnosticsDeg?.baseSymmetry).toBeLessThan(1);
  });
});
