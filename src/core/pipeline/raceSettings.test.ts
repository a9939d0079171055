import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { degToRad } from '../angles';
import { taskReward } from '../env';
import { DEFAULT_CONFIG, type ExperimentConfig, envFor, resolvedTrainingAngles } from '../experimentConfig';
import { collectExploration } from '../explorationData';
import { taskAt } from '../families';
import { estimateKernelFrames } from '../frames/kernelFrames';
import { closedFormGenerator } from '../symmetry/closedForm';
import { RACE_LR_GRID } from '../symmetry/lrRule';
import type { RewardSymmetryArtifact } from './artifacts';
import { QUICK_RACE } from './racePresets';
import { discoveryRaceReport } from './raceReport';
import { RACE_SETTING_SPECS, SMALL_THETA_RANGE } from './raceSettingResults';
import { raceSettingsArtifact, runRaceSettings, trueBaseRewardTf } from './raceSettings';
import { buildReport } from './report';
import { RACE_SETTING_NAMES } from './reportOptions';
import { familyTruth } from './truth';

tf.enableProdMode();

const config: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  family: { kind: 'circle', center: [0.3, 0.2], radius: 1.2 },
  training: { kind: 'angles', angles: [20, 140, 260].map(degToRad) },
  seed: 21,
};
const task = taskAt(config.family, resolvedTrainingAngles(config)[0]);
const samples = collectExploration(envFor(config), task, { transitions: 3000, seed: 5 });
const frames = estimateKernelFrames(samples, { estimator: 'gradient', radius: 0.15 });
const truth = familyTruth(config.family, resolvedTrainingAngles(config)[0]).rewardSymmetry;
const input = {
  config,
  samples,
  frames,
  truthForScoring: truth,
  preset: { ...QUICK_RACE, steps: 30 },
  seeds: 1,
  firstSeed: 2,
  rewardModelOptions: { steps: 100 },
};

/** A reward-symmetry artifact around the settings' runs (what the stage returns). */
function artifactOf(r: Awaited<ReturnType<typeof runRaceSettings>>): RewardSymmetryArtifact {
  const cf = closedFormGenerator(frames);
  const { race, raceSettings } = raceSettingsArtifact(r.runs, r.sweep);
  return {
    closedForm: { generator: cf.generator, eigenvalues: cf.eigenvalues, symmetryCount: cf.symmetryCount },
    differential: race.differential.runs[0].generator,
    functional: race.functional.runs[0].generator,
    race,
    raceSettings,
    frames: { anchors: [], normals: [], estimator: 'gradient', radius: 0.15, covered: 1 },
  };
}

beforeAll(async () => {
  await tf.setBackend('wasm');
});

describe('race settings', () => {
  it('say what each is: the paper’s is the labelled oracle ablation, the small range is stated', async () => {
    expect(Object.keys(RACE_SETTING_SPECS)).toEqual([...RACE_SETTING_NAMES]);
    expect(RACE_SETTING_SPECS.paper).toMatchObject({
      reward: 'true',
      mask: false,
      thetaRange: [0, 2 * Math.PI],
    });
    expect(RACE_SETTING_SPECS.paper.label).toContain('oracle ablation: true reward');
    expect(RACE_SETTING_SPECS.fitted).toMatchObject({
      reward: 'fitted',
      mask: false,
      thetaRange: [0, 2 * Math.PI],
    });
    expect(RACE_SETTING_SPECS.masked).toMatchObject({ reward: 'fitted', mask: true });
    expect(RACE_SETTING_SPECS['small-theta']).toMatchObject({
      reward: 'fitted',
      thetaRange: SMALL_THETA_RANGE,
    });
    expect(RACE_SETTING_SPECS['small-theta'].label).toContain(
      `U[${SMALL_THETA_RANGE[0]}, ${SMALL_THETA_RANGE[1]})`,
    );
  });

  it("the paper's true reward is the task's own reward −‖M(p − g)‖", async () => {
    const ellipse: ExperimentConfig = {
      ...config,
      family: { kind: 'ellipse', center: [0, 0.5], axes: [1.5, 0.8], tilt: 0.4, reward: 'pushforward' },
    };
    for (const c of [config, ellipse]) {
      const t = taskAt(c.family, resolvedTrainingAngles(c)[0]);
      const pts = [0.3, -1.2, 2, 0.7, -0.4, 0.1];
      const out = tf.tidy(() => trueBaseRewardTf(c)(tf.tensor2d(pts, [3, 2])).dataSync());
      for (let i = 0; i < 3; i++) expect(out[i]).toBeCloseTo(taskReward(t, pts[2 * i], pts[2 * i + 1]), 5);
    }
  });

  it('run in the asked order at their presets, each race labelled with its own setting', async () => {
    const before = tf.memory().numTensors;
    const r = await runRaceSettings(input, { settings: RACE_SETTING_NAMES, sweep: false });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.sweep).toBeNull();
    expect(r.runs.map((s) => s.name)).toEqual([...RACE_SETTING_NAMES]);
    for (const run of r.runs) {
      const spec = RACE_SETTING_SPECS[run.name];
      expect(run.race.setting.thetaRange).toEqual([...spec.thetaRange]);
      expect(run.race.setting.rewardModel.startsWith(spec.reward === 'true' ? 'true reward' : 'fitted')).toBe(
        true,
      );
      expect(run.race.setting.mask === 'none').toBe(!spec.mask);
      expect(run.lrSelection).toMatchObject({
        source: 'preset',
        command: QUICK_RACE.sweepCommand,
        oracle: null,
      });
      expect(run.lrSelection?.lrs).toEqual(QUICK_RACE.lrs[run.name]);
      expect(run.race.differential.lr).toBe(QUICK_RACE.lrs[run.name].differential);
      expect(run.race.functional.lr).toBe(QUICK_RACE.lrs[run.name].functional);
    }
    expect(r.runs[0].race.setting.rewardModel).toContain('oracle ablation');

    const report = discoveryRaceReport(artifactOf(r))!;
    expect(report.primary_setting).toBe('paper');
    expect(report.sweep).toBeNull();
    expect(report.lr_selection).toMatchObject({ source: 'preset', command: QUICK_RACE.sweepCommand });
    expect(report.settings.map((s) => s.name)).toEqual([...RACE_SETTING_NAMES]);
    for (const s of report.settings) {
      expect(s).toHaveProperty('label');
      expect(s.reward).toBe(RACE_SETTING_SPECS[s.name].reward);
      expect(s.theta_range).toEqual([...RACE_SETTING_SPECS[s.name].thetaRange]);
      expect(s.mask).toBe(RACE_SETTING_SPECS[s.name].mask);
      for (const side of [s.differential, s.functional]) {
        expect(side).toHaveProperty('lr');
        expect(side).toHaveProperty('median');
        expect(side).toHaveProperty('reached');
        expect(side.steps_to_2deg).toHaveLength(1);
      }
      expect(typeof s.speedup_median).toBe('number');
    }
  });

  it('with the sweep, list every cell and race each setting at the rule’s picks; the report keeps its old keys', async () => {
    const r = await runRaceSettings(input, { settings: ['masked', 'paper'], sweep: true });
    const artifact = artifactOf(r);
    const report = buildReport({ config, rewardSymmetry: artifact }, { backend: 'wasm', timings_ms: {} })
      .discovery_race!;
    for (const key of ['setting', 'differential', 'functional', 'speedup_median', 'closed_form_error_deg'])
      expect(report).toHaveProperty(key);
    expect(report.primary_setting).toBe('masked');
    expect(report.setting.mask).not.toBe('none');
    expect(report.sweep).toHaveLength(2 * 2 * RACE_LR_GRID.length);
    for (const c of report.sweep!)
      for (const key of [
        'setting',
        'side',
        'lr',
        'median',
        'reached',
        'median_final_error_deg',
        'held_out_objective',
        'median_steps_to_band',
        'median_settle_steps',
      ])
        expect(c).toHaveProperty(key);
    for (const s of report.settings) {
      expect(s.lr_selection).toMatchObject({ source: 'sweep', grid: [...RACE_LR_GRID] });
      // The rule's alternative (end objective only) and its sensitivity to the band are reported beside its pick.
      expect(s.lr_selection.end_objective_rule).toMatchObject({
        rule: expect.stringContaining('end objective'),
      });
      expect(s.lr_selection.band_sensitivity?.length).toBeGreaterThanOrEqual(3);
      for (const side of ['differential', 'functional'] as const) {
        const cells = report.sweep!.filter((c) => c.setting === s.name && c.side === side);
        expect(cells.filter((c) => c.picked_by_rule)).toHaveLength(1);
        expect(cells.filter((c) => c.picked_by_oracle)).toHaveLength(1);
        const picked = cells.find((c) => c.picked_by_rule)!;
        expect(s[side].lr).toBe(picked.lr);
        expect(s[side].median).toBe(picked.median);
        expect(s.lr_selection.oracle?.[side]).toBe(cells.find((c) => c.picked_by_oracle)!.lr);
      }
    }
  });

  it('a file written before the settings existed still reports its one race (setting read from it, lr choice unknown)', async () => {
    const r = await runRaceSettings(input, { settings: ['fitted'], sweep: false });
    const { raceSettings: _dropped, ...old } = artifactOf(r);
    const report = discoveryRaceReport(old)!;
    expect(report.primary_setting).toBe('fitted');
    expect(report.settings).toHaveLength(1);
    expect(report.settings[0].lr_selection.source).toBe('unknown');
  });
});
