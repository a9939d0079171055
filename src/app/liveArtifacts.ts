// The live run's results as the page shows them: its artifacts, and its previews while it trains (the race streamed,
// the base policy's and the baseline's snapshots), with what the page showed before them.
import { type ExperimentConfig, resolvedTrainingAngles } from '../core/experimentConfig';
import type {
  BaselineArtifact,
  BaselinePreview,
  BasePolicyArtifact,
  BasePreview,
  PipelineArtifacts,
  RacePreview,
  StagePreview,
} from '../core/pipeline/artifacts';
import type { JobId } from '../protocol/messages';
import { type LiveCheckpoints, type ResultsSource, type ShownRun, useResults } from '../state/resultsStore';
import { onPreview } from './useCompute';

const live = () => useResults.getState().live;
const updateLive = (patch: Parameters<ReturnType<typeof useResults.getState>['updateLive']>[0]) =>
  useResults.getState().updateLive(patch);

/** A live run's results once base, reward symmetry and geometry are in (null before): what the page shows and keeps. */
export function liveRunArtifacts(config: ExperimentConfig, cp: LiveCheckpoints): PipelineArtifacts | null {
  const base = cp['train-base'];
  const rewardSymmetry = cp['reward-symmetry'];
  const hereditary = cp.hereditary;
  if (!base || !rewardSymmetry || !hereditary) return null;
  return {
    config,
    trainAngles: resolvedTrainingAngles(config),
    base,
    rewardSymmetry,
    hereditary,
    // This run's baseline when it finished first (it trains beside the main chain); never another experiment's.
    baseline: cp['train-baseline'] ?? null,
    evaluation: cp.evaluate ?? null,
  };
}

/** What the page showed before a live run's previews replaced it (restored when the run stops without a base). */
let beforePreview: { artifacts: PipelineArtifacts; source: ResultsSource; shown: ShownRun | null } | null =
  null;

/**
 * A snapshot of the base policy while it trains: with the run's geometry already found, the page shows the agents
 * of this run as they are now (the hereditary agent carries the half-trained base policy to the test goal).
 */
export function applyBasePreview(job: JobId, preview: BasePreview): void {
  const l = live();
  if (l.jobs['train-base'] !== job || !l.config || l.checkpoints['train-base']) return;
  updateLive({ preview });
  const base: BasePolicyArtifact = {
    actor: preview.actor,
    curve: [],
    // Not scored yet: the stage scores the finished policy.
    score: Number.NaN,
    updates: preview.update,
    msPerUpdate: 0,
    envSteps: 0,
  };
  const artifacts = liveRunArtifacts(l.config, {
    ...l.checkpoints,
    'train-base': base,
    'train-baseline': l.checkpoints['train-baseline'] ?? l.baselinePreview ?? undefined,
    evaluate: undefined,
  });
  if (!artifacts) return;
  const results = useResults.getState();
  if (!beforePreview && results.artifacts && results.source !== 'live')
    beforePreview = {
      artifacts: results.artifacts,
      source: results.source ?? 'pretrained',
      shown: results.shown,
    };
  results.setArtifacts(artifacts, 'live', {
    id: null,
    name: `Live run (training: base policy at ${preview.update} of ${preview.total} updates)`,
    createdAt: null,
  });
}

/** This run's results are on screen (its geometry, from a preview or its base stage). */
const showingThisRun = () => {
  const r = useResults.getState();
  const cp = live().checkpoints;
  return r.source === 'live' && cp.hereditary !== undefined && r.artifacts?.hereditary === cp.hereditary;
};

/** A snapshot of the baseline while it trains: the page's baseline agent is this run's, as it is now. */
function applyBaselinePreview(job: JobId, preview: BaselinePreview): void {
  const l = live();
  if (l.jobs['train-baseline'] !== job || l.checkpoints['train-baseline']) return;
  const baseline: BaselineArtifact = {
    model: preview.model,
    encoderCurve: [],
    curve: [],
    // Not scored yet: the stage scores the finished baseline.
    trainingScores: [],
    envSteps: { encoderData: 0, policy: 0 },
    updates: preview.update,
    msPerUpdate: Number.NaN,
  };
  updateLive({ baselinePreview: baseline });
  if (showingThisRun()) useResults.getState().patchArtifacts({ baseline });
}

/** A point of the race streamed from this run's reward-symmetry stage. */
function applyRacePreview(job: JobId, point: RacePreview): void {
  const l = live();
  if (l.jobs['reward-symmetry'] !== job || l.checkpoints['reward-symmetry']) return;
  updateLive({ race: [...(l.race ?? []), point] });
}

/** A stage's preview, from the worker whose job posted it (stale jobs' previews are ignored by each kind). */
export function applyPreview(job: JobId, preview: StagePreview): void {
  if (preview.stage === 'race') applyRacePreview(job, preview);
  else if (preview.stage === 'baseline') applyBaselinePreview(job, preview);
  else applyBasePreview(job, preview);
}

onPreview((event) => applyPreview(event.job, event.preview));

/** A run stopped before its base policy finished: the page goes back to what it showed before the previews. */
export function restoreBeforePreview(): void {
  // A half-trained baseline is not this run's result: the kept run has none, so neither does the page.
  if (showingThisRun() && !live().checkpoints['train-baseline'])
    useResults.getState().patchArtifacts({ baseline: null });
  if (!beforePreview || live().checkpoints['train-base']) return;
  const { artifacts, source, shown } = beforePreview;
  beforePreview = null;
  useResults.getState().setArtifacts(artifacts, source, shown ?? undefined);
}

/** The run's own base stage published its results: nothing to go back to any more. */
export function forgetBeforePreview(): void {
  beforePreview = null;
}
