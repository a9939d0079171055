// Narrative 1 — smooth encodings reach only nearby tasks — next to the paper's figure (score vs distance), live.
import { useMemo } from 'react';
import { create, type ScoreCurveData } from '../../panels/scoreCurvePanel';
import { useResults } from '../../state/resultsStore';
import { useSettings } from '../../state/settingsStore';
import { PanelHost } from '../PanelHost';
import { useViewPrefs } from './viewPrefs';

const signed = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(3).replace('-', '−'));

export function ScoreSection() {
  const artifacts = useResults((s) => s.artifacts);
  const source = useResults((s) => s.source);
  const mode = useViewPrefs((p) => p.scoreMode);
  const setMode = useViewPrefs((p) => p.setScoreMode);
  const evaluation = artifacts?.evaluation ?? null;
  const K = useSettings((st) => st.settings.K);
  const data: ScoreCurveData | null = useMemo(
    () => (evaluation ? { evaluation, mode, agents: ['hereditary', 'baseline'] } : null),
    [evaluation, mode],
  );
  const summary = evaluation?.summary;
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
            <strong>{signed(summary.mean_score.hereditary)}</strong>.{' '}
            {artifacts?.baseline === null
              ? 'The smooth-encoding baseline is not trained in these results yet, so its curve is missing — not faked.'
              : `Baseline minimum ${signed(summary.min_score.baseline)}, mean ${signed(summary.mean_score.baseline)}.`}
          </p>
        )}
      </div>
      <figure className="story-figure">
        <div className="figure-head">
          <h3>Score vs distance to the training set</h3>
          <fieldset className="toggle">
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
              }))
            }
          />
        ) : (
          <p className="placeholder">No evaluation in the current results yet.</p>
        )}
        <figcaption>
          Score = (R − R<sub>random</sub>) / (R<sub>oracle</sub> − R<sub>random</sub>); regret = R
          <sub>oracle</sub> − R. Dots are single test goals, lines the mean per 15° bin.
        </figcaption>
      </figure>
    </section>
  );
}
