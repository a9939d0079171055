// Narrative 3 — differential vs functional discovery — next to the race's loss and error curves, per setting.
import { useMemo, useState } from 'react';
import { RACE_SETTING_SPECS, raceSettingRuns } from '../../core/pipeline/raceSettingResults';
import type { RaceSettingName } from '../../core/pipeline/reportOptions';
import { create } from '../../panels/racePanel';
import { useResults } from '../../state/resultsStore';
import { PanelHost } from '../PanelHost';
import { RaceSettingFacts } from './RaceSettingFacts';

const lossOptions = { metric: 'loss' as const };
const errorOptions = { metric: 'errorDeg' as const };

export function DiscoverySection() {
  const rewardSymmetry = useResults((s) => s.artifacts?.rewardSymmetry ?? null);
  const source = useResults((s) => s.source);
  const runs = useMemo(() => (rewardSymmetry ? raceSettingRuns(rewardSymmetry) : []), [rewardSymmetry]);
  const [choice, setChoice] = useState<RaceSettingName | null>(null);
  const selected = runs.find((r) => r.name === choice) ?? runs[0] ?? null;
  const race = selected?.race ?? null;
  const absentReason = !rewardSymmetry?.raceSettings
    ? 'these results were written before race settings were recorded; `npm run experiment` runs all four.'
    : source === 'live'
      ? 'the live run races one setting so that it is no slower; `npm run experiment` runs all four and the shipped results carry them.'
      : 'not run for these results; `npm run experiment` runs all four.';
  const csv = () =>
    race
      ? (['differential', 'functional'] as const).flatMap((side) =>
          race[side].runs.flatMap((r) =>
            r.curve.map((p) => ({
              setting: selected?.name ?? '',
              side,
              seed: r.seed,
              step: p.step,
              loss: p.loss,
              error_deg: p.errorDeg,
            })),
          ),
        )
      : [];
  return (
    <section className="story" aria-labelledby="story-discovery">
      <div className="story-text">
        <p className="step">3 · Discovery</p>
        <h2 id="story-discovery">Differential vs functional: the race</h2>
        <p>
          The usual way to find a symmetry is <em>functional</em>: fit a reward model <var>f̂</var>, then ask
          that moving points does not change it, E
          <sub>
            <var>p</var>,θ
          </sub>
          (<var>f̂</var>(e
          <sup>
            θ<var>X</var>
          </sup>
          <var>p</var>) − <var>f̂</var>(<var>p</var>))<sup>2</sup>, for random θ in [0, 2π). Every step has to
          push the model through large moves, where it extrapolates.
        </p>
        <p>
          The <em>differential</em> loss asks only that <var>X</var> is tangent to the level sets where the
          data are, E
          <sub>
            <var>p</var>
          </sub>
          (<var>N</var>(<var>p</var>)<sup>⊤</sup>
          <var>X</var>
          <var>p̃</var>)<sup>2</sup>. Both run with Adam from the same starts, seeds, batch and step budget.
          Each side's learning rate is picked without the truth: the one with the lowest value of that side's
          own loss on held-out samples that training never draws. The error to the true generator is measured
          only after the fact.
        </p>
        <p>
          The ratio depends on the setting. In the paper's, θ ~ U[0, 2π) and the functional side gets the true
          reward (an oracle ablation: no model error at all); with a fitted <var>f̂</var> it must trust the
          model far from the data; a support mask or a small θ range make its job easier. Switch between them
          below.
        </p>
        {selected && (
          <RaceSettingFacts
            runs={runs}
            selected={selected}
            onSelect={setChoice}
            absentReason={absentReason}
          />
        )}
      </div>
      <figure className="story-figure">
        <h3>The race, one line per seed{selected ? ` — ${RACE_SETTING_SPECS[selected.name].title}` : ''}</h3>
        {race ? (
          <div className="race-pair">
            <PanelHost create={create} options={lossOptions} data={race} name="race-loss" csv={csv} />
            <PanelHost create={create} options={errorOptions} data={race} name="race-error" csv={csv} />
          </div>
        ) : (
          <p className="placeholder">Waiting for results.</p>
        )}
        <figcaption>
          Log scales. Dashed verticals: each side’s median steps to the target; bars above the step axis: the
          spread from the fastest seed to the slowest (a run that never arrives counts as the cap). The black
          line is the closed-form solve of section 2, which needs no steps at all.
        </figcaption>
      </figure>
    </section>
  );
}
