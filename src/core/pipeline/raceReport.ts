// The report's discovery_race section: the primary setting (kept keys), every setting side by side, the lr sweep.
import { LR_ARRIVAL_BAND, LR_ORACLE_RULE, LR_RULE, LR_RULE_END_OBJECTIVE } from '../symmetry/lrRule';
import type { RaceResult, SideSummary } from '../symmetry/raceTypes';
import type { RewardSymmetryArtifact } from './artifacts';
import { type LrSelection, type RaceSettingRun, raceSettingRuns } from './raceSettingResults';

const round = (x: number, digits = 6) => +x.toFixed(digits);
/** Held-out objectives span decades: keep significant digits; ∞ (a diverged run) is written as null. */
const objective = (x: number) => (Number.isFinite(x) ? +x.toPrecision(6) : null);

function sideCore(s: SideSummary) {
  return {
    lr: s.lr,
    median: s.medianSteps,
    min: s.minSteps,
    max: s.maxSteps,
    reached: s.reached,
    seeds: s.runs.length,
    steps_to_2deg: s.runs.map((r) => r.stepsTo2deg),
    median_final_error_deg: s.medianFinalErrorDeg,
    held_out_objective: objective(s.heldOutObjective),
    median_settle_steps: s.medianSettleSteps ?? null,
    settle_steps: s.runs.map((r) => r.settleStep ?? null),
  };
}

/** A side of the primary race, with its curves (as the report always had). */
function raceSide(s: SideSummary) {
  return { ...sideCore(s), curves: s.runs.map((r) => ({ seed: r.seed, curve: r.curve })) };
}

function lrSelectionJson(sel: LrSelection | null) {
  if (!sel)
    return {
      source: 'unknown',
      note:
        'not recorded: these results were written before the truth-free lr rule, when the presets were each ' +
        "side's fastest lr in a sweep scored against the truth (an oracle's choice)",
    };
  return {
    source: sel.source,
    rule: sel.rule,
    grid: sel.grid,
    held_out_fraction: sel.heldOutFraction,
    command: sel.command,
    differential: sel.lrs.differential,
    functional: sel.lrs.functional,
    arrival_band: sel.source === 'sweep' ? LR_ARRIVAL_BAND : null,
    oracle: sel.oracle ? { ...sel.oracle, note: LR_ORACLE_RULE } : null,
    end_objective_rule: sel.endObjective
      ? {
          ...sel.endObjective.lrs,
          speedup_median: round(sel.endObjective.speedup, 3),
          rule: LR_RULE_END_OBJECTIVE,
        }
      : null,
    band_sensitivity: sel.bandSensitivity
      ? sel.bandSensitivity.map((b) => ({ band: b.band, ...b.lrs, speedup_median: round(b.speedup, 3) }))
      : null,
    note: sel.note ?? null,
  };
}

const speedup = (race: RaceResult) => round(race.speedup, 3);

function settingJson(run: RaceSettingRun) {
  return {
    name: run.name,
    label: run.label,
    reward: run.reward,
    theta_range: run.thetaRange,
    mask: run.mask,
    description: run.race.setting.label,
    lr_selection: lrSelectionJson(run.lrSelection),
    differential: sideCore(run.race.differential),
    functional: sideCore(run.race.functional),
    speedup_median: speedup(run.race),
  };
}

/** discovery_race: null without a reward-symmetry stage. */
export function discoveryRaceReport(rs: RewardSymmetryArtifact | undefined | null) {
  if (!rs) return null;
  const runs = raceSettingRuns(rs);
  const sweep = rs.raceSettings?.sweep ?? null;
  return {
    primary_setting: runs[0].name,
    primary_note:
      'setting, differential, functional, speedup_median and closed_form_error_deg describe the primary setting, ' +
      'the first one run; settings[] lists every setting run',
    setting: rs.race.setting,
    differential: raceSide(rs.race.differential),
    functional: raceSide(rs.race.functional),
    speedup_median: speedup(rs.race),
    closed_form_error_deg: round(rs.race.closedForm.errorDeg, 4),
    lr_rule: LR_RULE,
    lr_selection: lrSelectionJson(runs[0].lrSelection),
    settings: runs.map(settingJson),
    sweep: sweep
      ? sweep.map((c) => ({
          setting: c.setting,
          side: c.side,
          lr: c.lr,
          median: c.medianSteps,
          min: c.minSteps,
          max: c.maxSteps,
          reached: c.reached,
          median_final_error_deg: c.medianFinalErrorDeg,
          held_out_objective: objective(c.heldOutObjective),
          median_settle_steps: c.medianSettleSteps ?? null,
          median_steps_to_band: c.medianStepsToBand ?? null,
          picked_by_rule: c.pickedByRule,
          picked_by_oracle: c.pickedByOracle,
        }))
      : null,
  };
}
