// The hereditary verdict of the training set on screen: found generator, compactness, statistic against threshold.
import { useSettings } from '../state/settingsStore';
import { useVerdict } from '../state/verdictStore';

const fmt = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toExponential(1) : x.toFixed(2)) : '∞');

export function VerdictBox() {
  const { status, summary, source, ms, error } = useVerdict();
  const tasks = useSettings(
    (s) => (s.settings.family === 'points' ? s.settings.pts : s.settings.train).length,
  );
  const done = status === 'done' && summary !== null;
  return (
    <section
      className={`verdict ${done ? (summary.hereditary ? 'yes' : 'no') : status}`}
      data-testid="verdict"
      data-status={status}
      data-hereditary={done ? String(summary.hereditary) : undefined}
      data-source={source ?? undefined}
      data-ms={done && ms !== null ? Math.round(ms) : undefined}
      aria-live="polite"
      aria-label="Is this training set hereditary?"
    >
      {status === 'fitting' && (
        <p>
          Fitting the hereditary geometry of these {tasks} tasks…{' '}
          <progress aria-label="fitting the geometry" />
        </p>
      )}
      {status === 'error' && <p>The fit failed: {error}</p>}
      {done && (
        <>
          <p>
            <strong>{summary.hereditary ? 'Hereditary' : 'Not hereditary'}</strong>: the generator found is{' '}
            {summary.generator},{' '}
            {summary.compact ? 'compact (its orbit closes)' : 'not compact (an open orbit)'}. Residual
            statistic <span data-testid="verdict-statistic">{fmt(summary.statistic)}</span> against a
            threshold of {summary.threshold}.
          </p>
          <p className="verdict-meaning">{summary.meaning}</p>
          {summary.note && <p className="muted">{summary.note}</p>}
          <details>
            <summary>The numbers</summary>
            <p>{summary.reason}</p>
            {summary.errorDeg !== undefined && (
              <p>
                Diagnostic only (the true generator is never used to fit): {summary.errorDeg.toFixed(2)}° from
                the truth.
              </p>
            )}
            <p className="muted">
              {source === 'fit'
                ? `Fitted in the worker for this set${ms !== null ? ` in ${(ms / 1000).toFixed(1)} s` : ''}.`
                : 'From the run whose results are on screen.'}
            </p>
          </details>
        </>
      )}
    </section>
  );
}
