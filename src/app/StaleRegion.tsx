// Stale views are obvious: panels whose results were trained for other settings are dimmed, under a banner that
// names the run shown, what differs, and the one button that trains the settings asked for.
import { type ReactNode, useMemo } from 'react';
import { trainingDifferences, trainingKey } from '../state/derived';
import { isBusy, useResults } from '../state/resultsStore';
import { describeSettings, expectedTrainSeconds, formatDuration, PRETRAINED_RUN_ID } from '../state/runs';
import { useRuns } from '../state/runsStore';
import './runs.css';
import { useCompute } from './useCompute';
import { useEstimateFor } from './useDurationEstimates';
import { trainSettings, useWantedConfig } from './useLiveTraining';

/** The training settings in which the shown results differ from the ones asked for (empty: not stale). */
export function useStaleness(): string[] {
  const wanted = useWantedConfig();
  const config = useResults((s) => s.artifacts?.config ?? null);
  return useMemo(() => (config ? trainingDifferences(config, wanted) : []), [config, wanted]);
}

/** "Pretrained run (4 Mar 2025)", "Live run, seed 11, smoke (4 Mar 2025, 14:03)", "Live run (training)". */
export function shownRunLabel(
  shown: { id?: string | null; name: string; createdAt: string | null } | null,
  // The shipped file carries a day, not a time.
  withTime = shown?.id !== PRETRAINED_RUN_ID,
): string {
  if (!shown) return 'no run';
  if (!shown.createdAt) return shown.name;
  const d = new Date(shown.createdAt);
  if (Number.isNaN(d.getTime()) || d.getTime() === 0) return shown.name;
  return `${shown.name} (${formatRunDate(d, withTime)})`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "4 Mar 2025" (the day, in UTC: the shipped file carries a day) or "4 Mar 2025, 14:03" (local time). Written out
 * rather than with Intl.DateTimeFormat: the first formatter a page builds loads the locale data, ~30 ms of the
 * first screen on a small machine.
 */
export function formatRunDate(d: Date, withTime: boolean): string {
  const two = (n: number) => String(n).padStart(2, '0');
  if (!withTime) return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The one button that trains the settings asked for (a click is the only way training starts). */
export function TrainTheseButton() {
  const compute = useCompute();
  const wanted = useWantedConfig();
  const live = useResults((s) => s.live);
  const runs = useRuns((s) => s.runs);
  // This machine's calibrated estimate when the worker has made one; else its own past runs, else typical figures.
  const estimate = useEstimateFor(wanted);
  const seconds = estimate
    ? Math.max(1, Math.round(estimate.totalSeconds))
    : expectedTrainSeconds(wanted.budget, runs);
  const busy = isBusy(live.status);
  const trainingThese = busy && live.key === trainingKey(wanted);
  return (
    <button
      type="button"
      className="train-these"
      data-testid="train-these"
      disabled={!compute || trainingThese}
      onClick={() => compute && trainSettings(compute, wanted)}
      title={busy && !trainingThese ? 'Cancels the run training other settings now' : undefined}
    >
      {trainingThese ? 'Training these settings…' : `Train these settings (${formatDuration(seconds)})`}
    </button>
  );
}

function StaleBanner({ differences }: { differences: string[] }) {
  const shown = useResults((s) => s.shown);
  const config = useResults((s) => s.artifacts?.config ?? null);
  return (
    <div className="stale-banner" data-testid="stale-banner" role="status">
      <p>
        <strong>Not your settings.</strong> These panels show the nearest available run,{' '}
        <span data-testid="stale-run">{shownRunLabel(shown)}</span>
        {config && <>, trained for {describeSettings(config)}</>}. Your settings differ in{' '}
        <span data-testid="stale-differences">{differences.join(', ')}</span>.
      </p>
      <TrainTheseButton />
    </div>
  );
}

/**
 * A region of results panels: dimmed while stale. `banner` puts the full banner (with the train button) on it; the
 * others get a short tag that points to it.
 */
export function StaleRegion({ children, banner = false }: { children: ReactNode; banner?: boolean }) {
  const differences = useStaleness();
  const stale = differences.length > 0;
  return (
    <div className={`stale-region${stale ? ' stale' : ''}`} data-stale={stale ? 'true' : 'false'}>
      {stale &&
        (banner ? (
          <StaleBanner differences={differences} />
        ) : (
          <p className="stale-tag" data-testid="stale-tag">
            Trained for other settings ({differences.join(', ')}): see the banner above the task space.
          </p>
        ))}
      <div className="stale-content">{children}</div>
    </div>
  );
}
