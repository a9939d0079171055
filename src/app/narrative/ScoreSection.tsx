// Narrative 1 — smooth encodings reach only nearby tasks — next to the paper's figure (score vs distance), live.
import { useMemo } from 'react';
import { completeEvaluation, FAR_FROM_TRAINING_DEG } from '../../core/evaluationSummary';
import { create, type ScoreCurveData } from '../../panels/scoreCurvePanel';
import { useResults } from '../../state/resultsStore';
import { useSettings } from '../../state/settingsStore';
import { PanelHost } from '../PanelHost';
import { OtherConstraintNote, overlaySeries, ScoreOverlayToggles } from './scoreOverlays';
import { useViewPrefs } from './viewPrefs';

const signed = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(3).replace('-', '−'));

export function ScoreSection() {
  const artifacts = useResults((s) => s.artifacts);
  const source = useResults((s) => s.source);
  const mode = useViewPrefs((p) => p.scoreMode);
  const setMode = useViewPrefs((p) => p.setScoreMode);
  // An evaluation from an older pretrained file gets its conditioning flags and per-bin spread from its own rows.
  const shown = artifacts?.evaluation ?? null;
  const evaluation = useMemo(() => (shown ? completeEvaluation(shown) : null), [shown]);
  // Distances along a line are in arena units (its rows carry no degrees).
  const alongLine = evaluation?.rows.some((r) => !Number.isFinite(r.distance_to_training_deg)) ?? false;
  const K = useSettings((st) => st.settings.K);
  const overlays = useViewPrefs((p) => p.overlays);
  const data: ScoreCurveData | null = useMemo(
    () =>
      evaluation
        ? {
            evaluation,
            mode,
            agents: ['hereditary', 'baseline'],
            extraSeries: overlaySeries(artifacts, overlays),
          }
        : null,
    [evaluation, mode, artifacts, overlays],
  );
  const summary = evaluation?.summary;
  const well = summary?.well_conditioned;
  const ill = summary?.ill_conditioned?.count ?? 0;
  const far = summary?.headline?.agents.baseline;
  return (
    <section className="story" aria-labelledby="story-smooth">
      <div className="story-text">
        <p className="step">1 · Smooth encodings</p>
        <h2 id="story-smooth">A task code only generalises near its training tasks</h2>
        <p>
          Most meta-RL agents summarise a few transitions of a new task into a code <var>z</var> and act with
          a policy π(<var>s</var>, <var>z</var>). That works when π is smooth in <var>z</var> and the new task
          looks like a training task — so the score falls as the goal moves away from every training goal.
        </p>
        <p>
          The baseline here is that kind of agent, PEARL-like: a deep set reads the same {K} context
          transitions the hereditary agent gets into a 2-D code <var>z</var> (trained contrastively, with a
          reward-reconstruction term), and SAC learns π(<var>s</var>, <var>z</var>) on the training tasks. It
          is not crippled: trained on twelve goals spread round the circle, it solves every one of them.
        </p>
        <p>
          The hereditary agent instead moves <em>one</em> base policy with a learned symmetry. If the symmetry
          is right, the distance to the training set should not matter at all: its curve stays flat.
        </p>
        {summary && (
          <p className="facts" data-testid="score-facts">
            Over {evaluation.rows.length} test goals ({source === 'live' ? 'live run' : 'pretrained run'}):
            hereditary minimum score <strong>{signed(summary.min_score.hereditary)}</strong>, mean{' '}
            <strong>{signed(summary.mean_score.hereditary)}</strong>; largest regret{' '}
            <strong>{signed(summary.max_regret?.hereditary)}</strong> (return units; the oracle’s return is
            about {signed(summary.mean_reference_return?.oracle)}).{' '}
            {ill > 0 && well
              ? `${ill} goal${ill === 1 ? '' : 's'} ha${ill === 1 ? 's' : 've'} an ill-conditioned score (the oracle barely beats random there): kept and ringed; without ${ill === 1 ? 'it' : 'them'} the hereditary minimum is ${signed(well.min_score.hereditary)}. `
              : ''}
            {typeof summary.median_theta_error_deg === 'number'
              ? `Inferred θ* is ${summary.median_theta_error_deg.toFixed(2)}° from the true angle at the median goal. `
              : ''}
            {artifacts?.baseline === null
              ? 'The smooth-encoding baseline is not trained in these results yet, so its curve is missing — not faked.'
              : `Baseline minimum ${signed(summary.min_score.baseline)}, mean ${signed(summary.mean_score.baseline)}${
                  typeof far?.far_mean_score === 'number'
                    ? `; ${signed(far.far_mean_score)} on average at goals ≥ ${FAR_FROM_TRAINING_DEG}° from every training task`
                    : ''
                }.`}
          </p>
        )}
      </div>
      <figure className="story-figure">
        <div className="figure-head">
          <h3>Score vs distance to the training set</h3>
          <fieldset className="toggle" data-testid="score-measure">
            <legend className="visually-hidden">Quantity</legend>
            <label>
              <input
                type="radio"
                name="score-mode"
                checked={mode === 'score'}
                onChange={() => setMode('score')}
              />
              score
            </label>
            <label>
              <input
                type="radio"
                name="score-mode"
                checked={mode === 'regret'}
                onChange={() => setMode('regret')}
              />
              regret
            </label>
          </fieldset>
        </div>
        <ScoreOverlayToggles artifacts={artifacts} />
        <OtherConstraintNote artifacts={artifacts} />
        {data ? (
          <PanelHost
            create={create}
            options={undefined}
            data={data}
            name={`${mode}-vs-distance`}
            className="score"
            exportData={evaluation}
            csv={() =>
              (evaluation?.rows ?? []).map((r) => ({
                angle_deg: r.angle_deg,
                distance_to_training_deg: r.distance_to_training_deg,
                score_hereditary: r.score.hereditary ?? null,
                score_baseline: r.score.baseline ?? null,
                regret_hereditary: r.regret.hereditary ?? null,
                regret_baseline: r.regret.baseline ?? null,
                ill_conditioned: r.ill_conditioned ?? null,
                theta_error_deg: r.theta_error_deg ?? null,
                // Along a line the degree columns are empty: its offset and distance in arena units follow.
                ...(alongLine
                  ? { parameter: r.parameter ?? null, distance_to_training: r.distance_to_training ?? null }
                  : {}),
              }))
            }
          />
        ) : (
          <p className="placeholder">No evaluation in the current results yet.</p>
        )}
        <figcaption>
          Score = (R − R<sub>random</sub>) / (R<sub>oracle</sub> − R<sub>random</sub>); regret = R
          <sub>oracle</sub> − R. Dots are single test goals, lines the mean per{' '}
          {alongLine ? 'quarter arena unit' : '15°'} bin, bands its min–max. Ringed goals (if any) have an
          ill-conditioned score: there R<sub>oracle</sub> − R<sub>random</sub> is under a fifth of its median
          over the goals, so a small regret looks like a large loss of score — read their regret. Dashed (when
          switched on): the baseline trained on twelve goals spread round the family (the dense control), and
          the hereditary agent scored under the other action set.
        </figcaption>
      </figure>
    </section>
  );
}
