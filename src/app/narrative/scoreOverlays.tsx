// The score figure's optional overlays: the baseline's dense control and the hereditary agent under the other action set.
import { completeEvaluation } from '../../core/evaluationSummary';
import type { PipelineArtifacts } from '../../core/pipeline/artifacts';
import { COLOURS } from '../../panels/palette';
import { agentCurve, type ScoreCurveSeries } from '../../panels/scoreCurvePanel';
import { useViewPrefs } from './viewPrefs';

type Overlay = 'control' | 'otherConstraint';

/** The overlay curves that the results carry and the reader switched on (dashed, named in the legend). */
export function overlaySeries(
  artifacts: PipelineArtifacts | null,
  on: { control: boolean; otherConstraint: boolean },
): ScoreCurveSeries[] {
  const out: ScoreCurveSeries[] = [];
  const control = artifacts?.baselineControl;
  if (on.control && control) {
    out.push({
      key: 'control',
      label: `Baseline, dense control (${control.trainAngles.length} tasks)`,
      colour: COLOURS.baseline,
      points: agentCurve(completeEvaluation(control.evaluation).summary.curve, 'baseline'),
    });
  }
  const other = artifacts?.hereditaryOtherConstraint;
  if (on.otherConstraint && other) {
    out.push({
      key: 'other-constraint',
      label: `Hereditary under ${other.constraint} actions`,
      colour: COLOURS.hereditary,
      points: agentCurve(completeEvaluation(other.evaluation).summary.curve, 'hereditary'),
    });
  }
  return out;
}

/** Why an overlay is not offered by these results (null when it is). */
function missing(artifacts: PipelineArtifacts | null, which: Overlay): string | null {
  if (which === 'control')
    return artifacts?.baselineControl ? null : 'not in these results (the CLI adds it with --with-control)';
  return artifacts?.hereditaryOtherConstraint ? null : 'not in these results';
}

export function ScoreOverlayToggles({ artifacts }: { artifacts: PipelineArtifacts | null }) {
  const overlays = useViewPrefs((p) => p.overlays);
  const setOverlay = useViewPrefs((p) => p.setOverlay);
  const other = artifacts?.hereditaryOtherConstraint;
  const constraint = artifacts?.config.actionConstraint ?? 'disk';
  const otherName = other?.constraint ?? (constraint === 'disk' ? 'box' : 'disk');
  const rows: { which: Overlay; label: string; title: string }[] = [
    {
      which: 'control',
      label: 'dense control',
      title:
        'The baseline trained on 12 goals spread round the family: smooth encodings do well with dense coverage.',
    },
    {
      which: 'otherConstraint',
      label: `hereditary under ${otherName} actions`,
      title: `The same hereditary agent (base policy trained under ${constraint} actions) scored with ${otherName} actions. The box is not rotation-invariant: a rotated action can leave it and is clipped.`,
    },
  ];
  return (
    <fieldset className="toggle" data-testid="score-overlays">
      <legend className="visually-hidden">Overlays</legend>
      {rows.map(({ which, label, title }) => {
        const why = missing(artifacts, which);
        return (
          <label key={which} title={why ?? title}>
            <input
              type="checkbox"
              data-testid={`score-overlay-${which}`}
              checked={overlays[which] && why === null}
              disabled={why !== null}
              onChange={(e) => setOverlay(which, e.currentTarget.checked)}
            />
            {label}
            {why !== null && <span className="visually-hidden"> ({why})</span>}
          </label>
        );
      })}
    </fieldset>
  );
}

const fixed = (x: number | undefined, digits = 3) =>
  x === undefined ? '—' : x.toFixed(digits).replace('-', '−');

/** What the other action set costs the hereditary agent, in score and in regret, and why. */
export function OtherConstraintNote({ artifacts }: { artifacts: PipelineArtifacts | null }) {
  const other = artifacts?.hereditaryOtherConstraint;
  const main = artifacts?.evaluation?.summary;
  if (!other || !main) return null;
  const s = other.evaluation.summary;
  return (
    <p className="facts" data-testid="other-constraint-note">
      Under {other.constraint} actions (base policy trained under {other.basePolicyTrainedUnder}) the
      hereditary agent’s minimum score is <strong>{fixed(s.min_score.hereditary)}</strong> (here{' '}
      {fixed(main.min_score.hereditary)}) and its largest regret{' '}
      <strong>{fixed(s.max_regret?.hereditary, 2)}</strong> (here {fixed(main.max_regret?.hereditary, 2)}).
      {other.constraint === 'box' || artifacts?.config.actionConstraint === 'box'
        ? ' The box is not rotation-invariant: the box oracle moves diagonally at √2 speed, and a rotated base action that leaves the box is clipped — regret shows the cost, the score barely does.'
        : ''}
    </p>
  );
}
