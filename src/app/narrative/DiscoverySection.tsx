// Narrative 3 — differential vs functional discovery — next to the race's loss and error curves.
import { create } from '../../panels/racePanel';
import { useResults } from '../../state/resultsStore';
import { PanelHost } from '../PanelHost';

const lossOptions = { metric: 'loss' as const };
const errorOptions = { metric: 'errorDeg' as const };

export function DiscoverySection() {
  const race = useResults((s) => s.artifacts?.rewardSymmetry.race ?? null);
  const csv = () =>
    race
      ? (['differential', 'functional'] as const).flatMap((side) =>
          race[side].runs.flatMap((r) =>
            r.curve.map((p) => ({ side, seed: r.seed, step: p.step, loss: p.loss, error_deg: p.errorDeg })),
          ),
        )
      : [];
  const medianLabel = (side: 'differential' | 'functional') => {
    if (!race) return '—';
    const s = race[side];
    return `${Math.round(s.medianSteps)} steps (${s.reached}/${s.runs.length} runs reached ${race.setting.targetDeg}°)`;
  };
  return (
    <section className="story" aria-labelledby="story-discovery">
      <div className="story-text">
        <p className="step">3 · Discovery</p>
        <h2 id="story-discovery">Differential beats functional</h2>
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
          <var>p̃</var>)<sup>2</sup>. Both run with Adam from the same starts, each at its best learning rate;
          the error to the true generator is measured after the fact.
        </p>
        {race && (
          <dl className="facts race-facts" data-testid="race-facts">
            <dt>Setting</dt>
            <dd data-testid="race-setting">{race.setting.label}</dd>
            <dt>Median steps to {race.setting.targetDeg}°</dt>
            <dd>
              <span className="key-differential">differential</span> {medianLabel('differential')};{' '}
              <span className="key-functional">functional</span> {medianLabel('functional')}
              {race.functional.reached < race.functional.runs.length
                ? ' (runs that never arrive count as the cap)'
                : ''}
              .
            </dd>
            <dt>Ratio</dt>
            <dd>{Number.isFinite(race.speedup) ? `${race.speedup.toFixed(1)}×` : '—'}</dd>
          </dl>
        )}
      </div>
      <figure className="story-figure">
        <h3>The race, one line per seed</h3>
        {race ? (
          <div className="race-pair">
            <PanelHost create={create} options={lossOptions} data={race} name="race-loss" csv={csv} />
            <PanelHost create={create} options={errorOptions} data={race} name="race-error" csv={csv} />
          </div>
        ) : (
          <p className="placeholder">Waiting for results.</p>
        )}
        <figcaption>
          Log scales. Dashed verticals: each side’s median steps to the target. The black line is the
          closed-form solve of section 2, which needs no steps at all.
        </figcaption>
      </figure>
    </section>
  );
}
