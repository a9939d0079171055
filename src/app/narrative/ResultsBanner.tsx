// One line under the title: where the shown results come from (pretrained file or live run), and their gaps.
import { useResults } from '../../state/resultsStore';

export function ResultsBanner() {
  const artifacts = useResults((s) => s.artifacts);
  const source = useResults((s) => s.source);
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
      Showing the {source === 'live' ? 'live run' : 'pretrained run'} (seed {artifacts.config.seed}, budget{' '}
      {artifacts.config.budget}).{' '}
      {artifacts.baseline === null && 'The smooth-encoding baseline is not trained in these results yet.'}
    </p>
  );
}
