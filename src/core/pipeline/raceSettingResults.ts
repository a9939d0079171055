// The race settings of ALGORITHM.md §6 as data, their results' types, and how the results are listed (pure, no tf).
import type { RaceResult, SideLrs, SideSummary } from '../symmetry/raceTypes';
import type { RaceSettingName } from './reportOptions';

/** The small θ range of the 'small-theta' setting, in radians (±0.25 rad ≈ ±14.3°). */
export const SMALL_THETA_RANGE: readonly [number, number] = [-0.25, 0.25];

export interface RaceSettingSpec {
  name: RaceSettingName;
  /** What the functional side's loss sees: the true reward (oracle ablation) or the fitted f̂. */
  reward: 'true' | 'fitted';
  thetaRange: readonly [number, number];
  mask: boolean;
  /** A short name for switches. */
  title: string;
  /** One line for the report and the screen. */
  label: string;
}

export const RACE_SETTING_SPECS: Record<RaceSettingName, RaceSettingSpec> = {
  paper: {
    name: 'paper',
    reward: 'true',
    thetaRange: [0, 2 * Math.PI],
    mask: false,
    title: "paper's setting",
    label:
      "the paper's setting: θ ~ U[0, 2π), functional side on the true reward (oracle ablation: true reward)",
  },
  fitted: {
    name: 'fitted',
    reward: 'fitted',
    thetaRange: [0, 2 * Math.PI],
    mask: false,
    title: 'fitted f̂',
    label: 'fitted f̂: θ ~ U[0, 2π), functional side on a reward model fitted to the training samples',
  },
  masked: {
    name: 'masked',
    reward: 'fitted',
    thetaRange: [0, 2 * Math.PI],
    mask: true,
    title: 'f̂ + support mask',
    label:
      "fitted f̂ with the support mask: θ ~ U[0, 2π), pairs whose moved point leaves the data's support dropped",
  },
  'small-theta': {
    name: 'small-theta',
    reward: 'fitted',
    thetaRange: SMALL_THETA_RANGE,
    mask: false,
    title: 'small θ range',
    label: `small θ range: θ ~ U[${SMALL_THETA_RANGE[0]}, ${SMALL_THETA_RANGE[1]}) rad (±${((SMALL_THETA_RANGE[1] * 180) / Math.PI).toFixed(1)}°), fitted f̂`,
  },
};

/** How one setting's lrs were chosen. */
export interface LrSelection {
  /** 'sweep': picked in this run over `grid`; 'preset': the presets, which that rule picked in `command`'s sweep. */
  source: 'sweep' | 'preset';
  /** The rule, in words (symmetry/lrRule.ts LR_RULE). */
  rule: string;
  grid: number[];
  heldOutFraction: number;
  /** The command that runs the sweep the lrs come from. */
  command: string;
  /** The lrs the race ran with. */
  lrs: SideLrs;
  /** ORACLE (source 'sweep' only): each side's fewest-steps lr scored against the truth; shown, never used. */
  oracle: SideLrs | null;
  /** Source 'sweep' only: what the end-objective rule (LR_RULE_END_OBJECTIVE) would have picked, and its ratio. */
  endObjective?: { lrs: SideLrs; speedup: number };
  /** Source 'sweep' only: the rule's picks at other arrival bands, and the ratio each gives. */
  bandSensitivity?: { band: number; lrs: SideLrs; speedup: number }[];
  /** Where the presets come from, when it is not simply `command` at this budget. */
  note?: string;
}

/** One cell of the lr sweep: one setting, one side, one lr, all seeds. */
export interface RaceSweepCell
  extends Pick<
    SideSummary,
    | 'lr'
    | 'medianSteps'
    | 'minSteps'
    | 'maxSteps'
    | 'reached'
    | 'medianFinalErrorDeg'
    | 'heldOutObjective'
    | 'medianSettleSteps'
    | 'medianStepsToBand'
  > {
  setting: RaceSettingName;
  side: 'differential' | 'functional';
  pickedByRule: boolean;
  /** ORACLE: the fewest median steps to the target (scored against the truth); never used to choose. */
  pickedByOracle: boolean;
}

/** A setting's identity and how its lrs were chosen (null in files written before the rule existed). */
export interface RaceSettingInfo {
  name: RaceSettingName;
  label: string;
  reward: 'true' | 'fitted';
  thetaRange: [number, number];
  mask: boolean;
  lrSelection: LrSelection | null;
}

export interface RaceSettingRun extends RaceSettingInfo {
  race: RaceResult;
}

/** The settings a run computed beyond its primary one (which is RewardSymmetryArtifact.race). */
export interface RaceSettingsArtifact {
  /** Which setting `race` is, and how its lrs were chosen. */
  primary: RaceSettingInfo;
  /** Every other setting run, in run order. */
  others: RaceSettingRun[];
  /** Every cell of the lr sweep (`--race-sweep`), else null. */
  sweep: RaceSweepCell[] | null;
}

export function settingInfo(spec: RaceSettingSpec, lrSelection: LrSelection | null): RaceSettingInfo {
  return {
    name: spec.name,
    label: spec.label,
    reward: spec.reward,
    thetaRange: [spec.thetaRange[0], spec.thetaRange[1]],
    mask: spec.mask,
    lrSelection,
  };
}

/** Which setting a race ran under, read from its own description (for files that do not say). */
export function inferSettingName(race: RaceResult): RaceSettingName {
  const [lo, hi] = race.setting.thetaRange;
  if (race.setting.rewardModel.startsWith('true')) return 'paper';
  if (race.setting.mask !== 'none') return 'masked';
  return hi - lo < 2 * Math.PI - 1e-6 ? 'small-theta' : 'fitted';
}

/**
 * Every setting's run in a reward-symmetry artifact, the primary first. A file written before settings were
 * recorded has only its race: its setting is read from the race, and its lr choice is unknown (null).
 */
export function raceSettingRuns(rs: {
  race: RaceResult;
  raceSettings?: RaceSettingsArtifact;
}): RaceSettingRun[] {
  const primary: RaceSettingInfo =
    rs.raceSettings?.primary ?? settingInfo(RACE_SETTING_SPECS[inferSettingName(rs.race)], null);
  return [{ ...primary, race: rs.race }, ...(rs.raceSettings?.others ?? [])];
}
