// React glue: the compute workers of a mounted app (main, and a helper for a parallel stage), feeding events
// into the jobs store and awaiting results.
import { createContext, useContext } from 'react';
import type { JobId, PreviewEvent, WorkerEvent } from '../protocol/messages';
import type { StageConfig, StageName, StagePayload } from '../protocol/stages';
import { useJobs } from '../state/jobsStore';
import { ComputeClient } from './computeClient';
import { onInteraction } from './interaction';

/**
 * While the reader drags, training holds at its next yield until this long after the last input: on two cores the
 * training workers would otherwise halve what the page and the agents worker get (drag updates 2–3× slower).
 */
const HOLD_TRAINING_MS = 400;
/** The hold is renewed at most this often during a drag (each renewal is one message per worker). */
const RENEW_HOLD_MS = 150;

/** Why a submitted job produced no result. 'worker-lost': the worker was terminated or crashed under it. */
export class JobEnded extends Error {
  constructor(
    readonly reason: 'cancelled' | 'error' | 'worker-lost',
    message: string,
  ) {
    super(message);
  }
}

export interface SubmittedJob<S extends StageName> {
  job: JobId;
  /** Resolves with the stage's payload; rejects with JobEnded. */
  done: Promise<StagePayload<S>>;
}

/** Which worker runs a job: the main compute worker, or a helper that runs one stage beside it. */
export type Lane = 'main' | 'helper';

export interface Compute {
  run<S extends StageName>(stage: S, config: StageConfig<S>): JobId;
  /**
   * Like run, and also hands back the result (for the live pipeline's checkpoints). On the 'helper' lane
   * the job runs in a second worker (started on first use) with the main worker's backend choices, so
   * two independent stages use two cores.
   */
  submit<S extends StageName>(stage: S, config: StageConfig<S>, lane?: Lane): SubmittedJob<S>;
  cancel(job: JobId): void;
  /** Play/pause/speed of training in every worker; `step` runs one chunk of work and pauses again. */
  control(control: { paused: boolean; speed: number }, step?: boolean): void;
  /** Terminate and restart the workers; unfinished jobs become cancelled, awaited ones reject with 'worker-lost'. */
  restart(): void;
  /** Start a lane's worker now (its script loads and compiles), so that its first job need not wait for that. */
  prepare(lane: Lane): void;
}

interface Pending {
  resolve: (payload: never) => void;
  reject: (e: JobEnded) => void;
}

const previewListeners = new Set<(event: PreviewEvent) => void>();

/** Hear every stage preview any worker posts (the live run turns them into its agents so far). */
export function onPreview(listener: (event: PreviewEvent) => void): () => void {
  previewListeners.add(listener);
  return () => previewListeners.delete(listener);
}

/** Build the compute facade and its teardown (called from an effect, so StrictMode's double run is safe). */
export function createCompute(): { compute: Compute; dispose: () => void } {
  const pending = new Map<JobId, Pending>();
  const settle = (event: WorkerEvent) => {
    if (event.type !== 'result' && event.type !== 'error' && event.type !== 'cancelled') return;
    if (event.job === null) return;
    const p = pending.get(event.job);
    if (!p) return;
    pending.delete(event.job);
    if (event.type === 'result') p.resolve(event.payload as never);
    else if (event.type === 'error') p.reject(new JobEnded('error', event.message));
    else p.reject(new JobEnded('cancelled', `${event.job} cancelled`));
  };
  /** Reject the awaited jobs of one client (or of all) whose worker is gone. */
  const lose = (why: string, owner?: ComputeClient) => {
    for (const [job, p] of pending) {
      if (owner && !owner.owns(job)) continue;
      p.reject(new JobEnded('worker-lost', `${job}: ${why}`));
      pending.delete(job);
    }
  };
  const makeClient = (name: Lane): ComputeClient => {
    const client: ComputeClient = new ComputeClient((event) => {
      useJobs.getState().apply(event);
      if (event.type === 'preview') for (const listener of previewListeners) listener(event);
      settle(event);
      // A worker that fails outside any job (load error, crash) takes its running jobs with it.
      if (event.type === 'error' && event.job === null) lose(event.message, client);
    }, name);
    return client;
  };
  const main = makeClient('main');
  const helper = makeClient('helper');
  main.start();
  let held = Number.NEGATIVE_INFINITY;
  const stopHolding = onInteraction(() => {
    const now = performance.now();
    if (now - held < RENEW_HOLD_MS) return;
    held = now;
    main.yieldToPage(HOLD_TRAINING_MS);
    helper.yieldToPage(HOLD_TRAINING_MS);
  });
  const compute: Compute = {
    run(stage, config) {
      const job = main.run(stage, config);
      useJobs.getState().submit(job, stage);
      return job;
    },
    submit(stage, config, lane = 'main') {
      let job: JobId;
      if (lane === 'helper') {
        const report = useJobs.getState().backendReport;
        if (report?.phase === 'done') helper.adoptBackends(report);
        job = helper.run(stage, config);
        useJobs.getState().submit(job, stage);
      } else {
        job = compute.run(stage, config);
      }
      const done = new Promise<StagePayload<typeof stage>>((resolve, reject) => {
        pending.set(job, { resolve: resolve as (p: never) => void, reject });
      });
      return { job, done };
    },
    cancel(job) {
      (helper.owns(job) ? helper : main).cancel(job);
    },
    control(c, step = false) {
      main.setControl(c, step);
      helper.setControl(c, step);
    },
    prepare(lane) {
      (lane === 'helper' ? helper : main).start();
    },
    restart() {
      useJobs.getState().abandonAll();
      main.restart();
      // The helper starts again when a job next asks for it.
      helper.terminate();
      lose('the worker was restarted');
    },
  };
  return {
    compute,
    dispose: () => {
      stopHolding();
      main.terminate();
      helper.terminate();
      lose('the page closed the worker');
    },
  };
}

export const ComputeContext = createContext<Compute | null>(null);

export function useCompute(): Compute | null {
  return useContext(ComputeContext);
}
