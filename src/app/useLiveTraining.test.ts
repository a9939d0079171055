// The live run's scheduling with a scripted Compute: two chains at once, evaluation after both, checkpoints
// published only when they belong together, and one chain's error cancelling the other.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/experimentConfig';
import type { PipelineArtifacts } from '../core/pipeline/artifacts';
import type { BackendReport } from '../protocol/backend';
import type { JobId } from '../protocol/messages';
import type { StageName } from '../protocol/stages';
import { INITIAL_JOBS_STATE, useJobs } from '../state/jobsStore';
import { IDLE_LIVE_RUN, useResults } from '../state/resultsStore';
import { applyPreview } from './liveArtifacts';
import { type Compute, JobEnded, type Lane } from './useCompute';
import {
  applyBasePreview,
  cancelLiveTraining,
  liveRunArtifacts,
  startLiveTraining,
  trainSettings,
} from './useLiveTraining';

interface Submitted {
  job: JobId;
  stage: StageName;
  lane: Lane;
  resolve: (payload: unknown) => void;
  reject: (e: JobEnded) => void;
}

function scriptedCompute() {
  const submitted: Submitted[] = [];
  const cancelled: JobId[] = [];
  let restarts = 0;
  let n = 0;
  const compute: Compute = {
    run: () => {
      throw new Error('the live run only submits');
    },
    control: () => {},
    submit(stage, _config, lane = 'main') {
      const job = `${lane}:${stage}-${++n}`;
      let resolve!: (p: unknown) => void;
      let reject!: (e: JobEnded) => void;
      const done = new Promise<never>((res, rej) => {
        resolve = res as (p: unknown) => void;
        reject = rej;
      });
      submitted.push({ job, stage, lane, resolve, reject });
      return { job, done };
    },
    cancel(job) {
      cancelled.push(job);
      const s = submitted.find((x) => x.job === job);
      s?.reject(new JobEnded('cancelled', `${job} cancelled`));
    },
    restart() {
      restarts++;
    },
    prepare() {},
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));
  const find = (stage: StageName) => submitted.find((s) => s.stage === stage);
  const finish = async (stage: StageName, payload: unknown = { stage }) => {
    find(stage)!.resolve(payload);
    await flush();
  };
  return { compute, submitted, cancelled, restarts: () => restarts, flush, find, finish };
}

const live = () => useResults.getState().live;
const shown = () => useResults.getState().artifacts;
const PRETRAINED = { config: { ...DEFAULT_CONFIG, seed: 99 }, baseline: { pretrained: true } };

beforeEach(() => {
  useJobs.setState({ ...INITIAL_JOBS_STATE, backendReport: { phase: 'done' } as BackendReport });
  useResults.setState({
    live: IDLE_LIVE_RUN,
    artifacts: PRETRAINED as unknown as PipelineArtifacts,
    source: 'pretrained',
  });
});

describe('live training schedule', () => {
  it('trains the baseline in the helper beside the main chain, and evaluates after both', async () => {
    const c = scriptedCompute();
    startLiveTraining(c.compute, DEFAULT_CONFIG);
    await c.flush();
    expect(c.submitted.map((s) => [s.stage, s.lane])).toEqual([
      ['reward-symmetry', 'main'],
      ['train-baseline', 'helper'],
    ]);
    expect(live().active.sort()).toEqual(['reward-symmetry', 'train-baseline']);

    // The baseline finishes first: kept as a checkpoint, not patched into the pretrained results.
    await c.finish('train-baseline', { baseline: 'live' });
    expect(live().checkpoints['train-baseline']).toEqual({ baseline: 'live' });
    expect(shown()?.baseline).toEqual({ pretrained: true });
    expect(live().active).toEqual(['reward-symmetry']);

    await c.finish('reward-symmetry');
    await c.finish('hereditary');
    // Geometry without a base policy: the page still shows the other results.
    expect(useResults.getState().source).toBe('pretrained');
    expect(c.find('evaluate')).toBeUndefined();
    await c.finish('train-base');
    // The page switches to this run's results, with this run's baseline.
    expect(useResults.getState().source).toBe('live');
    expect(shown()?.baseline).toEqual({ baseline: 'live' });
    expect(c.find('evaluate')?.lane).toBe('main');
    await c.finish('evaluate', { evaluation: 1 });
    expect(live().status).toBe('done');
    expect(live().active).toEqual([]);
    expect(shown()?.evaluation).toEqual({ evaluation: 1 });
  });

  it('a baseline finishing after the hereditary stage is patched into the shown results', async () => {
    const c = scriptedCompute();
    startLiveTraining(c.compute, DEFAULT_CONFIG);
    await c.flush();
    for (const s of ['reward-symmetry', 'hereditary', 'train-base'] as const) await c.finish(s);
    expect(shown()?.baseline).toBeNull();
    expect(c.find('evaluate')).toBeUndefined();
    await c.finish('train-baseline', { baseline: 'late' });
    expect(shown()?.baseline).toEqual({ baseline: 'late' });
    expect(c.find('evaluate')).toBeDefined();
  });

  it('an error in one chain cancels the other and names the failed stage', async () => {
    const c = scriptedCompute();
    startLiveTraining(c.compute, DEFAULT_CONFIG);
    await c.flush();
    c.find('train-baseline')!.reject(new JobEnded('error', 'NaN loss'));
    await c.flush();
    await c.flush();
    expect(c.cancelled).toContain(c.find('reward-symmetry')!.job);
    expect(live().status).toBe('error');
    expect(live().error).toBe('baseline (encoder + SAC): NaN loss');
    expect(useResults.getState().source).toBe('pretrained');
  });

  it('a lost worker leaves the run interrupted with its running stages named; cancel stops both chains', async () => {
    const c = scriptedCompute();
    startLiveTraining(c.compute, DEFAULT_CONFIG);
    await c.flush();
    await c.finish('reward-symmetry');
    c.find('hereditary')!.reject(new JobEnded('worker-lost', 'gone'));
    c.find('train-baseline')!.reject(new JobEnded('worker-lost', 'gone'));
    await c.flush();
    expect(live().status).toBe('interrupted');
    expect(live().active.sort()).toEqual(['hereditary', 'train-baseline']);
    expect(Object.keys(live().checkpoints)).toEqual(['reward-symmetry']);

    const d = scriptedCompute();
    startLiveTraining(d.compute, DEFAULT_CONFIG);
    await d.flush();
    // Same experiment: the reward-symmetry checkpoint is kept, the two missing chains start again.
    expect(d.submitted.map((s) => s.stage)).toEqual(['hereditary', 'train-baseline']);
    cancelLiveTraining(d.compute);
    await d.flush();
    expect(d.cancelled.sort()).toEqual(d.submitted.map((s) => s.job).sort());
    // The hereditary stage never checks its cancel flag: the workers are restarted to stop it.
    expect(d.restarts()).toBe(1);
    expect(live().status).toBe('cancelled');
  });
});

describe('training starts only from a click', () => {
  it('trainSettings: the same settings go on; other settings cancel the run, say so, and start again', async () => {
    const c = scriptedCompute();
    trainSettings(c.compute, DEFAULT_CONFIG);
    await c.flush();
    const first = c.submitted.length;
    trainSettings(c.compute, DEFAULT_CONFIG);
    await c.flush();
    expect(c.submitted.length).toBe(first);
    expect(c.cancelled).toEqual([]);
    const other = { ...DEFAULT_CONFIG, seed: 11 };
    trainSettings(c.compute, other);
    await c.flush();
    expect(c.cancelled.sort()).toEqual(
      c.submitted
        .slice(0, first)
        .map((s) => s.job)
        .sort(),
    );
    expect(live().config).toEqual(other);
    expect(live().status).toBe('running');
    expect(live().notes.at(-1)?.text).toBe(
      'Settings changed during training (seed): cancelled and restarted.',
    );
  });

  it('a run from scratch records its start; its results exist once the geometry is in', async () => {
    const c = scriptedCompute();
    startLiveTraining(c.compute, DEFAULT_CONFIG);
    await c.flush();
    expect(live().startedAt).toEqual(expect.any(Number));
    expect(liveRunArtifacts(DEFAULT_CONFIG, live().checkpoints)).toBeNull();
    for (const s of ['reward-symmetry', 'hereditary', 'train-base'] as const) await c.finish(s);
    expect(liveRunArtifacts(DEFAULT_CONFIG, live().checkpoints)).toMatchObject({
      config: DEFAULT_CONFIG,
      hereditary: { stage: 'hereditary' },
      baseline: null,
      evaluation: null,
    });
  });
});

describe('watching the base policy learn', () => {
  /** A base-policy snapshot at 250 of 2500 updates (its actor a stand-in: only where it ends up is checked). */
  const BASE_SNAPSHOT = {
    stage: 'base',
    update: 250,
    total: 2500,
    path: [0, 0],
    actor: { half: true },
    episodeReturn: -9,
    success: false,
  } as never;

  it("a snapshot shows this run's agents as they are; a cancel before the base is done brings back the old results", async () => {
    const c = scriptedCompute();
    startLiveTraining(c.compute, DEFAULT_CONFIG);
    await c.flush();
    await c.finish('reward-symmetry');
    await c.finish('hereditary');
    const job = c.find('train-base')!.job;
    // A snapshot from another job is ignored.
    applyBasePreview('other-job', BASE_SNAPSHOT);
    expect(useResults.getState().source).toBe('pretrained');
    applyBasePreview(job, BASE_SNAPSHOT);
    expect(useResults.getState().source).toBe('live');
    expect(shown()?.base.actor).toEqual({ half: true });
    expect(shown()?.base.updates).toBe(250);
    expect(useResults.getState().shown?.name).toBe('Live run (training: base policy at 250 of 2500 updates)');
    cancelLiveTraining(c.compute);
    await c.flush();
    expect(useResults.getState().source).toBe('pretrained');
    expect(shown()?.config.seed).toBe(99);
  });

  it('a baseline snapshot becomes the shown baseline of this run; a cancel before it is done takes it away', async () => {
    const c = scriptedCompute();
    startLiveTraining(c.compute, DEFAULT_CONFIG);
    await c.flush();
    await c.finish('reward-symmetry');
    await c.finish('hereditary');
    applyBasePreview(c.find('train-base')!.job, BASE_SNAPSHOT);
    const snapshot = { stage: 'baseline', update: 250, total: 1000, model: { baseline: 'half' } };
    applyPreview(c.find('train-baseline')!.job, snapshot as never);
    expect(shown()?.baseline?.model).toEqual({ baseline: 'half' });
    cancelLiveTraining(c.compute);
    await c.flush();
    expect(useResults.getState().source).toBe('pretrained');
  });
});
