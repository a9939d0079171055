// The race section's setting switch and the chosen setting's figures: median steps, spread, reached, ratio, lr rule.
import type { LrSelection, RaceSettingRun } from '../../core/pipeline/raceSettingResults';
import { RACE_SETTING_SPECS } from '../../core/pipeline/raceSettingResults';
import { RACE_SETTING_NAMES, type RaceSettingName } from '../../core/pipeline/reportOptions';
import { LR_ARRIVAL_BAND } from '../../core/symmetry/lrRule';
import type { RaceResult, RaceSide } from '../../core/symmetry/raceTypes';

function sideFigures(race: RaceResult, side: RaceSide): string {
  const s = race[side];
  const n = s.runs.length;
  const capped = s.reached < n ? `; a run that never arrives counts as the cap, ${race.setting.steps}` : '';
  return `${Math.round(s.medianSteps)} steps (spread ${s.minSteps}–${s.maxSteps}, ${s.reached}/${n} reached ${race.setting.targetDeg}°${capped})`;
}

/** Which rule picked the lrs, in words; the oracle's choice only where a sweep recorded it, and labelled. */
function lrRuleText(sel: LrSelection | null): string {
  if (!sel)
    return (
      'not recorded in these results: they were written before the truth-free rule, when the presets were each ' +
      "side's fastest lr in a sweep scored against the truth (an oracle's choice)."
    );
  const rule =
    "the truth-free rule — each side's lr is the one whose own loss on held-out samples gets soonest to within " +
    `${LR_ARRIVAL_BAND * 100}% of its descent to the best end value, and stays there (${100 * sel.heldOutFraction}% ` +
    `held out; median over seeds), over lrs ${sel.grid.join(', ')}`;
  if (sel.source === 'preset')
    return `presets, picked by ${rule} in the sweep \`${sel.command}\`${sel.note ? ` (${sel.note})` : ''}.`;
  const oracle = sel.oracle
    ? ` Oracle (fewest steps, scored against the truth; shown, not used): ${sel.oracle.differential} and ${sel.oracle.functional}.`
    : '';
  const alt = sel.endObjective
    ? ` Picking for the lowest end loss instead would give ${sel.endObjective.lrs.differential} and ` +
      `${sel.endObjective.lrs.functional} (ratio ${sel.endObjective.speedup.toFixed(1)}×).`
    : '';
  return `picked in this run by ${rule}.${oracle}${alt}`;
}

interface Props {
  runs: RaceSettingRun[];
  selected: RaceSettingRun;
  onSelect: (name: RaceSettingName) => void;
  /** Why the settings missing from `runs` are missing. */
  absentReason: string;
}

export function RaceSettingFacts({ runs, selected, onSelect, absentReason }: Props) {
  const present = new Set(runs.map((r) => r.name));
  const absent = RACE_SETTING_NAMES.filter((n) => !present.has(n));
  const race = selected.race;
  const ratio = Number.isFinite(race.speedup) ? `${race.speedup.toFixed(1)}×` : '—';
  return (
    <>
      <fieldset className="toggle race-switch" data-testid="race-setting">
        <legend>Setting</legend>
        {RACE_SETTING_NAMES.map((name) => (
          <label
            key={name}
            className={present.has(name) ? undefined : 'disabled'}
            title={present.has(name) ? RACE_SETTING_SPECS[name].label : absentReason}
          >
            <input
              type="radio"
              name="race-setting"
              value={name}
              disabled={!present.has(name)}
              checked={selected.name === name}
              onChange={() => onSelect(name)}
            />
            {RACE_SETTING_SPECS[name].title}
          </label>
        ))}
        <p className="race-setting-label">
          {selected.label}. {race.setting.label}.
        </p>
        {absent.length > 0 && (
          <p className="race-absent">
            Not in these results: {absent.map((n) => RACE_SETTING_SPECS[n].title).join(', ')} — {absentReason}
          </p>
        )}
      </fieldset>
      <dl className="facts race-facts" data-testid="race-facts">
        <dt>Median steps to {race.setting.targetDeg}°</dt>
        <dd>
          <span className="key-differential">differential</span> {sideFigures(race, 'differential')};{' '}
          <span className="key-functional">functional</span> {sideFigures(race, 'functional')}.
        </dd>
        <dt>Ratio</dt>
        <dd data-testid="race-ratio">{ratio} (functional median ÷ differential median)</dd>
        <dt>Learning rates</dt>
        <dd data-testid="race-lr-rule">
          <span className="key-differential">differential</span> {race.differential.lr},{' '}
          <span className="key-functional">functional</span> {race.functional.lr}:{' '}
          {lrRuleText(selected.lrSelection)}
        </dd>
      </dl>
    </>
  );
}
