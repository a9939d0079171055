// Runs the race in each requested setting, at the preset lrs or over the lr grid with the truth-free pick.
import * as tf from '@tensorflow/tfjs';
import { type ExperimentConfig, resolvedTrainingAngles } from '../experimentConfig';
import type { RewardSamples } from '../explorationData';
import { taskAt } from '../families';
import type { KernelFrames } from '../frames/kernelFrames';
import type { Generator } from '../lie';
import { lrSweep, runDiscoveryRace } from '../symmetry/discoveryRace';
import { LR_RULE, RACE_LR_GRID } from '../symmetry/lrRule';
import { DEFAULT_HOLD_OUT, raceTrainingSamples } from '../symmetry/raceContext';
import { analyticRewardJs, type RewardJs } from '../symmetry/raceLossesJs';
import type { RaceOptions, RaceProgress, RaceResult, SideSummary } from '../symmetry/raceTypes';
import { fitRewardMlp, type RewardMlp, type RewardMlpOptions } from '../symmetry/rewardModelTf';
import { compactRaceCurves } from './raceCurves';
import type { RacePreset } from './racePresets';
import {
  type LrSelection,
  RACE_SETTING_SPECS,
  type RaceSettingRun,
  type RaceSettingsArtifact,
  type RaceSweepCell,
  settingInfo,
} from './raceSettingResults';
import { DEFAULT_REPORT_OPTIONS, type RaceSettingName } from './reportOptions';

export interface RaceSettingsRequest {
  /** Settings in run order; the first is the primary (RewardSymmetryArtifact.race). */
  settings: readonly RaceSettingName[];
  /** Sweep RACE_LR_GRID for both sides of every setting and race at the rule's picks (else the presets). */
  sweep: boolean;
}

/** What the page's live pipeline runs: the default primary setting alone, at its presets (no slower than one race). */
export const LIVE_RACE: RaceSettingsRequest = {
  settings: DEFAULT_REPORT_OPTIONS.raceSettings.slice(0, 1),
  sweep: false,
};

export interface RaceSettingsInput {
  config: ExperimentConfig;
  samples: RewardSamples;
  frames: KernelFrames;
  /** Scoring only (steps to 2°, the oracle's pick); the learners and the lr rule never read it. */
  truthForScoring: Generator;
  preset: RacePreset;
  seeds: number;
  firstSeed: number;
  /** How f̂ is fitted for the fitted settings (default: fitRewardMlp's; tests make it small). */
  rewardModelOptions?: RewardMlpOptions;
  onProgress?: (done: number, total: number, message: string) => void;
  /** Every few steps of each side: the median error and loss so far (the page streams the race from these). */
  onRaceStep?: (setting: RaceSettingName, p: RaceProgress) => void;
}

/**
 * ORACLE ABLATION ONLY ('paper' setting): the base task's analytic reward −‖M(p − g)‖ in tf ops, handed to the
 * functional side so that its loss has no model error. Labelled as such wherever it is reported.
 */
export function trueBaseRewardTf(config: ExperimentConfig): (p: tf.Tensor2D) => tf.Tensor1D {
  const task = taskAt(config.family, resolvedTrainingAngles(config)[0]);
  const [m0, m1, m2, m3] = task.metric;
  return (p) =>
    tf.tidy(() => {
      const d = p.sub(tf.tensor1d([task.goal[0], task.goal[1]]));
      // (M d)ᵀ = dᵀ Mᵀ, with M = [[m0, m1], [m2, m3]].
      const md = d.matMul(tf.tensor2d([m0, m2, m1, m3], [2, 2]));
      return md.square().sum(1).sqrt().neg() as tf.Tensor1D;
    });
}

/** The same ORACLE ABLATION reward in plain JS with its gradient (the functional side's JS stepper uses it). */
export function trueBaseRewardJs(config: ExperimentConfig): RewardJs {
  const task = taskAt(config.family, resolvedTrainingAngles(config)[0]);
  return analyticRewardJs([task.goal[0], task.goal[1]], task.metric);
}

const sweepCells = (
  setting: RaceSettingName,
  side: RaceSweepCell['side'],
  cells: SideSummary[],
  picked: number,
  oracle: number,
): RaceSweepCell[] =>
  cells.map((c) => ({
    setting,
    side,
    lr: c.lr,
    medianSteps: c.medianSteps,
    minSteps: c.minSteps,
    maxSteps: c.maxSteps,
    reached: c.reached,
    medianFinalErrorDeg: c.medianFinalErrorDeg,
    heldOutObjective: c.heldOutObjective,
    medianSettleSteps: c.medianSettleSteps,
    medianStepsToBand: c.medianStepsToBand,
    pickedByRule: c.lr === picked,
    pickedByOracle: c.lr === oracle,
  }));

/** Each requested setting's race (and, with the sweep, every cell of it), in the requested order. */
export async function runRaceSettings(
  input: RaceSettingsInput,
  request: RaceSettingsRequest,
): Promise<{ runs: RaceSettingRun[]; sweep: RaceSweepCell[] | null }> {
  const { preset } = input;
  const grid = request.sweep ? RACE_LR_GRID : [0];
  // The differential side reads no setting, so each of its lrs runs once and every setting reuses it.
  const differentialRuns = new Map<number, SideSummary>();
  const total = (request.settings.length + 1) * preset.steps * grid.length;
  let done = 0;
  const onProgress = (name: RaceSettingName) => (p: RaceProgress) => {
    // The race reports every 10 steps (the page streams them); the progress bar needs only every 50th.
    if (p.step % 50 === 0 || p.step === p.steps)
      input.onProgress?.(
        Math.min(done + p.step, total),
        total,
        `${name}: ${p.side}, ${p.seeds} seeds, median error ${p.errorDeg.toFixed(2)}°`,
      );
    input.onRaceStep?.(name, p);
    if (p.step === p.steps) done += p.steps;
  };
  // f̂ is fitted once, to the training samples only (the held-out ones are the lr rule's), for every fitted setting.
  let model: RewardMlp | null = null;
  const fitted = () => {
    model ??= fitRewardMlp(raceTrainingSamples(input.samples), input.rewardModelOptions);
    return model;
  };
  const runs: RaceSettingRun[] = [];
  const sweep: RaceSweepCell[] = [];
  try {
    for (const name of request.settings) {
      const spec = RACE_SETTING_SPECS[name];
      const common: Omit<RaceOptions, 'lrDifferential' | 'lrFunctional'> = {
        samples: input.samples,
        frames: input.frames,
        truthForScoring: input.truthForScoring,
        seeds: input.seeds,
        steps: preset.steps,
        batch: preset.batch,
        firstSeed: input.firstSeed,
        thetaRange: spec.thetaRange,
        mask: spec.mask,
        rewardModel: spec.reward,
        ...(spec.reward === 'true'
          ? { oracleRewardTf: trueBaseRewardTf(input.config), oracleRewardJs: trueBaseRewardJs(input.config) }
          : { fittedModel: fitted() }),
        onProgress: onProgress(name),
        differentialRuns,
      };
      const selection: Omit<LrSelection, 'source' | 'command' | 'lrs' | 'oracle'> = {
        rule: LR_RULE,
        grid: [...RACE_LR_GRID],
        heldOutFraction: DEFAULT_HOLD_OUT.fraction,
      };
      if (request.sweep) {
        const s = await lrSweep({ ...common, lrsDifferential: RACE_LR_GRID, lrsFunctional: RACE_LR_GRID });
        sweep.push(
          ...sweepCells(name, 'differential', s.differential, s.picked.differential, s.oracle.differential),
          ...sweepCells(name, 'functional', s.functional, s.picked.functional, s.oracle.functional),
        );
        const lrSelection: LrSelection = {
          ...selection,
          source: 'sweep',
          command: 'this run (--race-sweep)',
          lrs: s.picked,
          oracle: s.oracle,
          endObjective: { lrs: s.endObjective, speedup: s.endObjectiveSpeedup },
          bandSensitivity: s.bandSensitivity,
        };
        runs.push({ ...settingInfo(spec, lrSelection), race: s.race });
      } else {
        const lrs = preset.lrs[name];
        const race = await runDiscoveryRace({
          ...common,
          lrDifferential: lrs.differential,
          lrFunctional: lrs.functional,
        });
        const lrSelection: LrSelection = {
          ...selection,
          source: 'preset',
          command: preset.sweepCommand,
          lrs: { ...lrs },
          oracle: null,
          ...(preset.note ? { note: preset.note } : {}),
        };
        runs.push({ ...settingInfo(spec, lrSelection), race });
      }
    }
  } finally {
    (model as RewardMlp | null)?.dispose();
  }
  return { runs, sweep: request.sweep ? sweep : null };
}

/** The primary setting's race and the rest for the artifact; the others' curves are thinned to 100 points. */
export function raceSettingsArtifact(
  runs: RaceSettingRun[],
  sweep: RaceSweepCell[] | null,
): { race: RaceResult; raceSettings: RaceSettingsArtifact } {
  const [{ race, ...primary }, ...others] = runs;
  return {
    race: compactRaceCurves(race),
    raceSettings: {
      primary,
      others: others.map((o) => ({ ...o, race: compactRaceCurves(o.race, 100) })),
      sweep,
    },
  };
}
