// Live retraining in the workers: two chains of stages at once, checkpoints after each, resume after a lost
// worker. A run starts only from a click (trainSettings); a link or a settings change never trains by itself.
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExperimentConfig } from '../core/experimentConfig';
import { COOPERATIVE_STAGES, LIVE_STAGES, type LiveStageName, type StageConfig } from '../protocol/stages';
import {
  baseKey,
  experimentConfigFromSettings,
  familySettingsOf,
  trainingDifferences,
  trainingKey,
} from '../state/derived';
import { useJobs } from '../state/jobsStore';
import { isBusy, type LiveCheckpoints, useResults } from '../state/resultsStore';
import { useSettings } from '../state/settingsStore';
import { forgetBeforePreview, liveRunArtifacts, restoreBeforePreview } from './liveArtifacts';
import { type Compute, JobEnded, type Lane } from './useCompute';

export { applyBasePreview, liveRunArtifacts } from './liveArtifacts';

const STAGE_LABEL: Record<LiveStageName, string> = {
  'train-base': 'base policy (SAC)',
  'reward-symmetry': 'exploration + reward symmetry',
  hereditary: 'hereditary geometry',
  'train-baseline': 'baseline (encoder + SAC)',
  evaluate: 'evaluation',
};
export const liveStageLabel = (s: LiveStageName): string => STAGE_LABEL[s];

/** Each run gets a number; a run whose number is no longer current stops touching the store. */
let generation = 0;

const live = () => useResults.getState().live;
const updateLive = (patch: Parameters<ReturnType<typeof useResults.getState>['updateLive']>[0]) =>
  useResults.getState().updateLive(patch);
let noteId = 0;
const note = (text: string) => updateLive({ notes: [...live().notes, { id: ++noteId, text }].slice(-6) });

/** Resolves once the worker has a calibrated backend (after a restart it calibrates again). */
function whenBackendReady(): Promise<void> {
  return new Promise((resolve) => {
    const ready = () => useJobs.getState().backendReport?.phase === 'done';
    if (ready()) return resolve();
    const unsubscribe = useJobs.subscribe(() => {
      if (!ready()) return;
      unsubscribe();
      resolve();
    });
  });
}

function stageConfig(stage: LiveStageName, experiment: ExperimentConfig, cp: LiveCheckpoints) {
  if (stage !== 'evaluate') return { experiment };
  const base = cp['train-base'];
  const hereditary = cp.hereditary;
  if (!base || !hereditary) throw new Error('evaluate needs the base and hereditary checkpoints');
  return {
    experiment,
    base,
    hereditary,
    baseline: cp['train-baseline'] ?? null,
  } satisfies StageConfig<'evaluate'>;
}

/** The page's results switch only when base and geometry come from one run, so the agents stay consistent. */
function publish(stage: LiveStageName, config: ExperimentConfig, cp: LiveCheckpoints): void {
  const results = useResults.getState();
  if (stage === 'hereditary' || stage === 'train-base') {
    // The baseline's latest snapshot stands in until its stage is done (it trains beside this chain).
    const baseline = cp['train-baseline'] ?? useResults.getState().live.baselinePreview ?? undefined;
    const artifacts = liveRunArtifacts(config, { ...cp, 'train-baseline': baseline, evaluate: undefined });
    if (artifacts) {
      results.setArtifacts(artifacts, 'live');
      forgetBeforePreview();
    }
  } else if (
    stage === 'train-baseline' &&
    cp['train-baseline'] &&
    results.source === 'live' &&
    results.artifacts?.hereditary === cp.hereditary
  ) {
    // While the page still shows other results, the baseline waits in the checkpoints.
    results.patchArtifacts({ baseline: cp['train-baseline'] });
  } else if (stage === 'evaluate' && cp.evaluate) {
    results.patchArtifacts({ evaluation: cp.evaluate });
  }
}

/**
 * The stages' dependencies: discovery needs only exploration data, so the main worker finds the geometry first and
 * then trains the base policy, whose snapshots then show this run's agents at the goal as they learn. The baseline
 * needs nothing the main chain makes: it trains in the helper worker meanwhile. Evaluation needs both.
 */
const MAIN_CHAIN: readonly LiveStageName[] = ['reward-symmetry', 'hereditary', 'train-base'];
const HELPER_CHAIN: readonly LiveStageName[] = ['train-baseline'];

/** Why a chain stopped early (the first one to stop decides what the run's status says). */
class ChainStopped extends Error {
  constructor(
    readonly stage: LiveStageName,
    readonly ended: JobEnded,
  ) {
    super(ended.message);
  }
}

const setActive = (stage: LiveStageName, on: boolean) => {
  const rest = live().active.filter((s) => s !== stage);
  updateLive({ active: on ? [...rest, stage] : rest });
};

async function runChain(
  compute: Compute,
  config: ExperimentConfig,
  gen: number,
  chain: readonly LiveStageName[],
  lane: Lane,
): Promise<void> {
  for (const stage of chain) {
    if (gen !== generation) return;
    const cp = live().checkpoints;
    if (cp[stage]) continue;
    setActive(stage, true);
    const submitted = compute.submit(stage, stageConfig(stage, config, cp) as never, lane);
    updateLive({ jobs: { ...live().jobs, [stage]: submitted.job } });
    let payload: unknown;
    try {
      payload = await submitted.done;
    } catch (e) {
      // The stage stays marked active: an interrupted run's note names it.
      throw new ChainStopped(stage, e instanceof JobEnded ? e : new JobEnded('error', String(e)));
    }
    if (gen !== generation) return;
    setActive(stage, false);
    const checkpoints = { ...live().checkpoints, [stage]: payload };
    updateLive({ checkpoints });
    publish(stage, config, checkpoints);
  }
}

async function runStages(compute: Compute, config: ExperimentConfig, gen: number): Promise<void> {
  await whenBackendReady();
  if (gen !== generation) return;
  updateLive({ status: 'running' });
  try {
    // Both chains run to their end or first failure; a failure in one cancels the other.
    const chains = [
      runChain(compute, config, gen, MAIN_CHAIN, 'main'),
      runChain(compute, config, gen, HELPER_CHAIN, 'helper'),
    ];
    const outcomes = await Promise.allSettled(
      chains.map((c) =>
        c.catch((e: unknown) => {
          if (gen === generation && e instanceof ChainStopped && e.ended.reason === 'error') {
            for (const job of Object.values(live().jobs)) if (job) compute.cancel(job);
          }
          throw e;
        }),
      ),
    );
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    // An error explains the run better than the cancellation it caused in the other chain.
    const first =
      failures.find((f) => f instanceof ChainStopped && f.ended.reason === 'error') ?? failures[0];
    if (first) throw first;
    await runChain(compute, config, gen, ['evaluate'], 'main');
  } catch (e) {
    if (gen !== generation) return;
    const stopped =
      e instanceof ChainStopped ? e : new ChainStopped('evaluate', new JobEnded('error', String(e)));
    const { stage, ended } = stopped;
    if (ended.reason === 'worker-lost') updateLive({ status: 'interrupted' });
    else if (ended.reason === 'cancelled') updateLive({ status: 'cancelled', active: [] });
    else updateLive({ status: 'error', active: [], error: `${STAGE_LABEL[stage]}: ${ended.message}` });
    if (ended.reason !== 'worker-lost') restoreBeforePreview();
    return;
  }
  if (gen !== generation) return;
  updateLive({ status: 'done', active: [] });
}

/**
 * Other training tasks around the same base task (an edit of the training set): the base policy on screen, or the
 * last live run's, is kept when it was trained for the same base task, environment, seed and budget.
 */
function reusableBase(config: ExperimentConfig): LiveCheckpoints {
  const want = baseKey(config);
  const { artifacts } = useResults.getState();
  const { config: liveConfig, checkpoints } = live();
  if (liveConfig && checkpoints['train-base'] && baseKey(liveConfig) === want)
    return { 'train-base': checkpoints['train-base'] };
  if (artifacts && baseKey(artifacts.config) === want) {
    note('Kept the base policy on screen: same base task, environment, seed and budget.');
    return { 'train-base': artifacts.base };
  }
  return {};
}

/** Start (or continue, when the experiment is unchanged) a live run; completed stages are reused. */
export function startLiveTraining(compute: Compute, config: ExperimentConfig): void {
  const key = trainingKey(config);
  const gen = ++generation;
  const keep = live().key === key;
  // A finished run restarted by hand trains again from scratch.
  const fresh = keep ? (live().checkpoints.evaluate ? {} : live().checkpoints) : reusableBase(config);
  updateLive({
    status: 'running',
    key,
    config,
    active: [],
    checkpoints: fresh,
    jobs: keep ? live().jobs : {},
    error: null,
    preview: keep ? live().preview : null,
    race: keep ? live().race : [],
    baselinePreview: keep ? live().baselinePreview : null,
    // Wall time is measured only for runs from scratch (it calibrates the "≈ N s" on the train button).
    startedAt: Object.keys(fresh).length === 0 ? Date.now() : null,
  });
  void runStages(compute, config, gen);
}

/**
 * The one way training starts: a click on "Train these settings" or "Retrain live". A run for other settings
 * still going is cancelled first (and says so); a run already training these settings goes on.
 */
export function trainSettings(compute: Compute, wanted: ExperimentConfig): void {
  const { status, config } = live();
  if (isBusy(status) && config) {
    const differs = trainingDifferences(config, wanted);
    if (differs.length === 0) return;
    cancelLiveTraining(compute);
    note(`Settings changed during training (${differs.join(', ')}): cancelled and restarted.`);
  }
  startLiveTraining(compute, wanted);
}

/** Resume an interrupted run from its checkpoints (the worker came back). */
function resumeLiveTraining(compute: Compute): void {
  const { config, active, checkpoints } = live();
  if (!config) return;
  const done = LIVE_STAGES.filter((s) => checkpoints[s]);
  const during = active.length ? active.map((s) => STAGE_LABEL[s]).join(' and ') : 'training';
  note(
    `The worker stopped during ${during}; restarted from the checkpoints ` +
      (done.length
        ? `(kept: ${done.map((s) => STAGE_LABEL[s]).join(', ')})`
        : '(none kept: from the start)') +
      ` — ${done.length} of ${LIVE_STAGES.length} stages kept.`,
  );
  const gen = ++generation;
  updateLive({ status: 'running', active: [] });
  void runStages(compute, config, gen);
}

/** Stop the running stage. Stages that never check their flag are stopped by restarting the worker. */
export function cancelLiveTraining(compute: Compute): void {
  const { active, jobs, status } = live();
  if (status !== 'running' && status !== 'interrupted') return;
  generation++;
  updateLive({ status: 'cancelled', active: [] });
  restoreBeforePreview();
  let restart = false;
  for (const stage of active) {
    const job = jobs[stage];
    if (!job) continue;
    compute.cancel(job);
    if (!COOPERATIVE_STAGES.has(stage)) restart = true;
  }
  if (restart) compute.restart();
}

/**
 * The experiment the current settings ask for (memoised on the fields it reads). It subscribes to those
 * fields only, so a goal drag does not re-render the components that use it.
 */
export function useWantedConfig(): ExperimentConfig {
  // useShallow hands back the previous object while every field is equal, so it can key the memo.
  const fields = useSettings(
    useShallow(({ settings: st }) => ({
      ...familySettingsOf(st),
      trainKey: st.train.join(','),
      pts: st.pts,
      constraint: st.constraint,
      K: st.K,
      episodes: st.episodes,
      seed: st.seed,
      budget: st.budget,
    })),
  );
  return useMemo(() => {
    const { trainKey, ...rest } = fields;
    return experimentConfigFromSettings({ ...rest, train: trainKey.split(',').map(Number) });
  }, [fields]);
}

/** Resumes a run after a lost worker. It never starts one: training starts only from a click (trainSettings). */
export function useLiveTraining(compute: Compute | null): void {
  const status = useResults((s) => s.live.status);
  const backendReady = useJobs((s) => s.backendReport?.phase === 'done');

  // A lost worker: resume from the checkpoints once a new one has calibrated.
  useEffect(() => {
    if (compute && status === 'interrupted' && backendReady) resumeLiveTraining(compute);
  }, [compute, status, backendReady]);
}
