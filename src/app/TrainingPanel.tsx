// Live training controls: where the results come from, Retrain live, one progress bar per stage, cancel, notes.
import { LIVE_STAGES, type LiveStageName } from '../protocol/stages';
import { trainingDifferences } from '../state/derived';
import { useJobs } from '../state/jobsStore';
import { isBusy, useResults } from '../state/resultsStore';
import { BudgetSelect } from './BudgetSelect';
import { LiveRace } from './LiveRace';
import { RunControls } from './RunControls';
import { RunsPanel } from './RunsPanel';
import { shownRunLabel } from './StaleRegion';
import { TrainingEta } from './TrainingEta';
import { useCompute } from './useCompute';
import { useDurationEstimateRequests } from './useDurationEstimates';
import { cancelLiveTraining, liveStageLabel, trainSettings, useWantedConfig } from './useLiveTraining';

type StageView = 'pending' | 'running' | 'done' | 'stopped';

function StageRow({ stage }: { stage: LiveStageName }) {
  const compute = useCompute();
  const run = useResults((s) => s.live);
  const job = useJobs((s) => (run.jobs[stage] ? s.jobs[run.jobs[stage]] : undefined));
  const active = isBusy(run.status) && run.active.includes(stage);
  const view: StageView = run.checkpoints[stage]
    ? 'done'
    : active
      ? 'running'
      : job && run.status !== 'idle'
        ? 'stopped'
        : 'pending';
  const total = Math.max(1, job?.total ?? 1);
  const value = view === 'done' ? total : active ? (job?.step ?? 0) : 0;
  return (
    <li
      className={`job live-stage ${view}`}
      data-testid="live-stage"
      data-stage={stage}
      data-status={view}
      data-step={value}
    >
      <span className="job-name">{liveStageLabel(stage)}</span>
      <progress max={total} value={value} aria-label={`${liveStageLabel(stage)} progress`} />
      <span className="job-status">
        {view === 'running' && run.status === 'interrupted' ? 'waiting for the worker' : view}
        {active && job?.message && ` — ${job.message}`}
      </span>
      {active && compute && (
        <button
          type="button"
          className="cancel"
          aria-label={`Cancel live training (running: ${liveStageLabel(stage)})`}
          onClick={() => cancelLiveTraining(compute)}
        >
          Cancel
        </button>
      )}
    </li>
  );
}

export function TrainingPanel() {
  const compute = useCompute();
  const wanted = useWantedConfig();
  const artifacts = useResults((s) => s.artifacts);
  const source = useResults((s) => s.source);
  const shown = useResults((s) => s.shown);
  const run = useResults((s) => s.live);
  const differs = artifacts ? trainingDifferences(artifacts.config, wanted) : [];
  const busy = isBusy(run.status);
  useDurationEstimateRequests();
  return (
    <div className="training-panel" data-testid="live-training" data-status={run.status}>
      <h2>Results</h2>
      <p className="muted" data-testid="results-origin" data-source={source ?? ''}>
        {artifacts
          ? `${shownRunLabel(shown)} (seed ${artifacts.config.seed}, budget ${artifacts.config.budget})`
          : 'No results yet'}
        {artifacts?.config.budget === 'smoke' && ' — tiny plumbing budget: the scores are meaningless'}
      </p>
      {differs.length > 0 && (
        <p className="input-error" data-testid="settings-differ">
          These results were trained for other settings ({differs.join(', ')}).
          {busy
            ? ' A live run is training.'
            : ' Nothing trains by itself: press “Train these settings” (or Play, or edit the tasks with retraining on).'}
        </p>
      )}
      <div className="row training-row">
        <BudgetSelect />
        <button
          type="button"
          data-testid="retrain-live"
          disabled={!compute || busy}
          onClick={() => compute && trainSettings(compute, wanted)}
        >
          Retrain live
        </button>
      </div>
      <RunControls />
      {run.status !== 'idle' && (
        <ul className="jobs live-stages">
          {LIVE_STAGES.map((stage) => (
            <StageRow key={stage} stage={stage} />
          ))}
        </ul>
      )}
      <LiveRace />
      <TrainingEta />
      {run.error && <p className="error">{run.error}</p>}
      {run.notes.map((n) => (
        <p key={n.id} className="muted live-note" data-testid="live-note">
          {n.text}
        </p>
      ))}
      <RunsPanel />
    </div>
  );
}
