// One line under the title: which run is shown (pretrained, or a live/imported run by name and date), and its gaps.
import { useResults } from '../../state/resultsStore';
import { describeSettings } from '../../state/runs';
import { shownRunLabel } from '../StaleRegion';

export function ResultsBanner() {
  const artifacts = useResults((s) => s.artifacts);
  const source = useResults((s) => s.source);
  const shown = useResults((s) => s.shown);
  const error = useResults((s) => s.error);
  if (error)
    return (
      <p className="results-banner error" role="status">
        {error}
      </p>
    );
  if (!artifacts)
    return (
      <p className="results-banner" role="status">
        Loading results…
      </p>
    );
  return (
    <p className="results-banner" role="status" data-testid="results-source" data-source={source ?? ''}>
      Showing <strong data-testid="shown-run">{shownRunLabel(shown)}</strong>:{' '}
      {describeSettings(artifacts.config)}.{' '}
      {artifacts.baseline === null && 'The smooth-encoding baseline is not trained in these results yet.'}
    </p>
  );
}
