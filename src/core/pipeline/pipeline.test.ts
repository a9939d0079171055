import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { degToRad, radToDeg } from '../angles';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../experimentConfig';
import { generatorAngleError } from '../lie';
import type { StageProgress } from './artifacts';
import { buildReport } from './report';
import {
  baselineStage,
  evaluateStage,
  exploreStage,
  hereditaryAgentFactory,
  hereditaryStage,
  trainBaseStage,
} from './stages';
import { familyTruth } from './truth';

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('pipeline end to end (quick budget, seeded, learned everything)', () => {
  it('the hereditary agent with the trained SAC base policy scores ≥ 0.95 at all 72 test goals from 3 training tasks', async () => {
    const config: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      family: { kind: 'circle', center: [0.5, -1], radius: 1.5 },
      training: { kind: 'angles', angles: [0, 100, 220].map(degToRad) },
      context: 16,
      testGoals: 72,
      episodes: 8,
      seed: 3,
    };
    const base = await trainBaseStage(config);
    expect(base.score).toBeGreaterThanOrEqual(0.9);
    const samples = await exploreStage(config);
    const hereditary = await hereditaryStage(config, samples);
    const truth = familyTruth(config.family, degToRad(0));
    const errDeg = radToDeg(generatorAngleError(hereditary.result.generator, truth.hereditary!));
    console.log(
      `[pipeline] base score ${base.score.toFixed(3)}, hereditary generator error ${errDeg.toFixed(4)}°`,
    );
    expect(errDeg).toBeLessThan(1);
    expect(hereditary.result.isHereditary).toBe(true);
    const evaluation = await evaluateStage(config, {
      hereditary: hereditaryAgentFactory(config, base, hereditary),
    });
    const scores = evaluation.rows.map((r) => r.score.hereditary);
    console.log(
      `[pipeline] hereditary min score ${Math.min(...scores).toFixed(4)}, mean ${(scores.reduce((a, b) => a + b) / scores.length).toFixed(4)}`,
    );
    expect(evaluation.rows).toHaveLength(72);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0.95);
    // θ* from context against the true angle, at every goal (the target: median ≤ 1°).
    const thetaErrors = evaluation.rows.map((r) => r.theta_error_deg);
    for (const e of thetaErrors) expect(typeof e).toBe('number');
    console.log(
      `[pipeline] θ* error median ${evaluation.summary.median_theta_error_deg?.toFixed(3)}°, max ${evaluation.summary.max_theta_error_deg?.toFixed(3)}°`,
    );
    expect(evaluation.summary.median_theta_error_deg).toBeLessThanOrEqual(1);
    const report = buildReport({ config, base, hereditary, evaluation }, { backend: 'wasm', timings_ms: {} });
    expect(report.generators.is_hereditary).toBe(true);
    expect(report.truth.errors_deg.hereditary).toBeLessThan(1);
    // Both normalised to period 2π: a flow by θ misplaces points by about θ × this (1° of angle ≈ 0.03 here).
    expect(report.truth.errors_frobenius_normalisation.hereditary).toBe('period 2π');
    expect(report.truth.errors_frobenius.hereditary).toBeLessThan(0.05);
    expect(JSON.parse(JSON.stringify(report)).evaluation).toHaveLength(72);
  });

  it('the Euclidean ellipse with 4 goals is reported as not hereditary (no made-up symmetry)', async () => {
    const config: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      family: { kind: 'ellipse', center: [0, 0], axes: [0.7, 0.9], tilt: 0, reward: 'euclidean' },
      training: { kind: 'angles', angles: [0, 60, 140, 250].map(degToRad) },
    };
    const circle: ExperimentConfig = { ...config, family: { kind: 'circle', center: [0, 0], radius: 0.8 } };
    const ellipse = (await hereditaryStage(config, await exploreStage(config))).result;
    const round = (await hereditaryStage(circle, await exploreStage(circle))).result;
    console.log(
      `[pipeline] residual ratio: ellipse ${ellipse.relativeResidual.toFixed(1)}, circle ${round.relativeResidual.toFixed(2)}`,
    );
    expect(ellipse.isHereditary).toBe(false);
    expect(round.isHereditary).toBe(true);
    expect(ellipse.relativeResidual).toBeGreaterThan(20 * round.relativeResidual);
    const report = buildReport(
      {
        config,
        hereditary: {
          result: ellipse,
          baseRewardModel: {
            kind: 'localQuadraticSubsample',
            version: 1,
            bandwidth: 0.15,
            points: [],
            values: [],
          },
        },
      },
      { backend: 'wasm', timings_ms: {} },
    );
    expect(report.generators.is_hereditary).toBe(false);
    expect(report.truth.hereditary).toBeNull();
  });

  it('the baseline stage reports one progress bar over encoder and policy (smoke budget)', async () => {
    const config: ExperimentConfig = { ...DEFAULT_CONFIG, budget: 'smoke', seed: 2 };
    const events: StageProgress[] = [];
    await baselineStage(config, { onProgress: (p) => events.push(p) });
    const totals = new Set(events.map((e) => e.total));
    expect(totals.size).toBe(1);
    for (let i = 1; i < events.length; i++) expect(events[i].step).toBeGreaterThanOrEqual(events[i - 1].step);
    expect(events[events.length - 1].step).toBe(events[0].total);
  });
});
