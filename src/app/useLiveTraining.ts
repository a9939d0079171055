// Live retraining in the worker: stages in order, checkpoints after each, resume after a lost worker, restart on new settings.
import { useEffect, useMemo, useRef } from 'react';
import { type ExperimentConfig, resolvedTrainingAngles } from '../core/experimentConfig';
import type { PipelineArtifacts } from '../core/pipeline/artifacts';
import { COOPERATIVE_STAGES, LIVE_STAGES, type LiveStageName, type StageConfig } from '../protocol/stages';
import { experimentConfigFromSettings, trainingDifferences, trainingKey } from '../state/derived';
import { useJobs } from '../state/jobsStore';
import { type LiveCheckpoints, useResults } from '../state/resultsStore';
import { useSettings } from '../state/settingsStore';
import { type Compute, JobEnded } from './useCompute';

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
  if (stage === 'hereditary') {
    const artifacts: PipelineArtifacts = {
      config,
      trainAngles: resolvedTrainingAngles(config),
      base: cp['train-base']!,
      rewardSymmetry: cp['reward-symmetry']!,
      hereditary: cp.hereditary!,
      // Trained in the next stage; never carried over from another experiment.
      baseline: null,
      evaluation: null,
    };
    results.setArtifacts(artifacts, 'live');
  } else if (stage === 'train-baseline' && cp['train-baseline']) {
    results.patchArtifacts({ baseline: cp['train-baseline'] });
  } else if (stage === 'evaluate' && cp.evaluate) {
    results.patchArtifacts({ evaluation: cp.evaluate });
  }
}

async function runStages(compute: Compute, config: ExperimentConfig, gen: number): Promise<void> {
  await whenBackendReady();
  for (const stage of LIVE_STAGES) {
    if (gen !== generation) return;
    const cp = live().checkpoints;
    if (cp[stage]) continue;
    updateLive({ status: 'running', stage });
    const submitted = compute.submit(stage, stageConfig(stage, config, cp) as never);
    updateLive({ jobs: { ...live().jobs, [stage]: submitted.job } });
    let payload: unknown;
    try {
      payload = await submitted.done;
    } catch (e) {
      if (gen !== generation) return;
      const ended = e instanceof JobEnded ? e : new JobEnded('error', String(e));
      if (ended.reason === 'worker-lost') updateLive({ status: 'interrupted' });
      else if (ended.reason === 'cancelled') updateLive({ status: 'cancelled', stage: null });
      else updateLive({ status: 'error', stage: null, error: `${STAGE_LABEL[stage]}: ${ended.message}` });
      return;
    }
    if (gen !== generation) return;
    const checkpoints = { ...live().checkpoints, [stage]: payload };
    updateLive({ checkpoints });
    publish(stage, config, checkpoints);
  }
  updateLive({ status: 'done', stage: null });
}

/** Start (or continue, when the experiment is unchanged) a live run; completed stages are reused. */
export function startLiveTraining(compute: Compute, config: ExperimentConfig): void {
  const key = trainingKey(config);
  const gen = ++generation;
  const keep = live().key === key;
  const checkpoints = keep ? live().checkpoints : {};
  // A finished run restarted by hand trains again from scratch.
  const fresh = keep && checkpoints.evaluate ? {} : checkpoints;
  updateLive({
    status: 'running',
    key,
    config,
    stage: null,
    checkpoints: fresh,
    jobs: keep ? live().jobs : {},
    error: null,
  });
  void runStages(compute, config, gen);
}

/** Resume an interrupted run from its checkpoints (the worker came back). */
function resumeLiveTraining(compute: Compute): void {
  const { config, stage, checkpoints } = live();
  if (!config) return;
  const done = LIVE_STAGES.filter((s) => checkpoints[s]);
  note(
    `The worker stopped during ${stage ? STAGE_LABEL[stage] : 'training'}; restarted from the checkpoint ` +
      (done.length ? `after ${STAGE_LABEL[done[done.length - 1]]}` : 'at the start') +
      ` (${done.length} of ${LIVE_STAGES.length} stages kept).`,
  );
  const gen = ++generation;
  updateLive({ status: 'running' });
  void runStages(compute, config, gen);
}

/** Stop the running stage. Stages that never check their flag are stopped by restarting the worker. */
export function cancelLiveTraining(compute: Compute): void {
  const { stage, jobs, status } = live();
  if (status !== 'running' && status !== 'interrupted') return;
  generation++;
  updateLive({ status: 'cancelled', stage: null });
  const job = stage ? jobs[stage] : undefined;
  if (!stage || !job) return;
  compute.cancel(job);
  if (!COOPERATIVE_STAGES.has(stage)) compute.restart();
}

/** The experiment the current settings ask for (memoised on the fields it reads). */
export function useWantedConfig(): ExperimentConfig {
  const s = useSettings((st) => st.settings);
  const { family, cx, cy, radius, alpha, beta, tilt, reward, train, constraint, K, episodes, seed, budget } =
    s;
  const trainKey = train.join(',');
  return useMemo(
    () =>
      experimentConfigFromSettings({
        family,
        cx,
        cy,
        radius,
        alpha,
        beta,
        tilt,
        reward,
        train: trainKey.split(',').map(Number),
        constraint,
        K,
        episodes,
        seed,
        budget,
      }),
    [family, cx, cy, radius, alpha, beta, tilt, reward, trainKey, constraint, K, episodes, seed, budget],
  );
}

/**
 * Trains on open when the link asks for another experiment than the pretrained one, restarts a run
 * whose settings change, and resumes after a lost worker.
 */
export function useLiveTraining(compute: Compute | null): void {
  const wanted = useWantedConfig();
  const pretrained = useResults((s) => s.pretrained);
  const status = useResults((s) => s.live.status);
  const backendReady = useJobs((s) => s.backendReport?.phase === 'done');
  const openChecked = useRef(false);

  // On open: once the pretrained file has loaded (or failed), train if it does not fit the link.
  useEffect(() => {
    if (!compute || openChecked.current || pretrained === 'loading') return;
    openChecked.current = true;
    const trained = useResults.getState().artifacts?.config;
    const differs = trained ? trainingDifferences(trained, wanted) : ['no pretrained results'];
    if (differs.length === 0) return;
    note(
      `The link asks for a different experiment than the pretrained one (${differs.join(', ')}): training live.`,
    );
    startLiveTraining(compute, wanted);
  }, [compute, pretrained, wanted]);

  // Settings changed while training: cancel and restart with the new experiment.
  useEffect(() => {
    if (!compute) return;
    const { status: st, config } = live();
    if ((st !== 'running' && st !== 'interrupted') || !config) return;
    const differs = trainingDifferences(config, wanted);
    if (differs.length === 0) return;
    cancelLiveTraining(compute);
    const shown = useResults.getState().artifacts?.config;
    if (shown && trainingDifferences(shown, wanted).length === 0) {
      note('The settings match the shown results again: training cancelled.');
      return;
    }
    note(`Settings changed during training (${differs.join(', ')}): cancelled and restarted.`);
    startLiveTraining(compute, wanted);
  }, [compute, wanted]);

  // A lost worker: resume from the checkpoints once a new one has calibrated.
  useEffect(() => {
    if (compute && status === 'interrupted' && backendReady) resumeLiveTraining(compute);
  }, [compute, status, backendReady]);
}
