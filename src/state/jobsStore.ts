// Job status and the backend report, updated from compute-worker events by one pure reducer.
import { create } from 'zustand';
import type { BackendReport, SacPath } from '../protocol/backend';
import type { JobId, WorkerEvent } from '../protocol/messages';
import type { StageName } from '../protocol/stages';

export type JobStatus = 'queued' | 'running' | 'done' | 'error' | 'cancelled';

export interface JobState {
  job: JobId;
  stage: StageName;
  status: JobStatus;
  step: number;
  total: number;
  loss?: number;
  message?: string;
  backend: string | null;
  /** How a SAC-training stage's updates run (they do not use the tfjs backend when fused). */
  sac?: SacPath;
  error?: string;
}

export interface JobsState {
  jobs: Record<JobId, JobState>;
  /** Order in which jobs were submitted (newest last). */
  order: JobId[];
  backendReport: BackendReport | null;
  /** Errors not tied to a job (worker failed to load, crashed …). */
  workerError: string | null;
}

export const INITIAL_JOBS_STATE: JobsState = {
  jobs: {},
  order: [],
  backendReport: null,
  workerError: null,
};

/** Keep the job list short: finished jobs beyond this many are forgotten (oldest first). */
const MAX_JOBS = 30;

function withJob(state: JobsState, job: JobId, patch: Partial<JobState>): Partial<JobsState> {
  const prev = state.jobs[job];
  if (!prev) return {};
  return { jobs: { ...state.jobs, [job]: { ...prev, ...patch } } };
}

/** Record a job the page just sent. */
export function submitJob(state: JobsState, job: JobId, stage: StageName): Partial<JobsState> {
  let order = [...state.order, job];
  const jobs = {
    ...state.jobs,
    [job]: { job, stage, status: 'queued' as const, step: 0, total: 1, backend: null },
  };
  const finished = (id: JobId) => jobs[id].status !== 'queued' && jobs[id].status !== 'running';
  while (order.length > MAX_JOBS) {
    // Duration estimates and verdict fits follow every settings change: they go first, so they never push out a stage.
    const old =
      order.find((id) => finished(id) && (jobs[id].stage === 'estimate' || jobs[id].stage === 'verdict')) ??
      order.find((id) => finished(id));
    if (!old) break;
    delete jobs[old];
    order = order.filter((id) => id !== old);
  }
  return { jobs, order };
}

/** The one reducer from worker events to store updates. */
export function applyWorkerEvent(state: JobsState, event: WorkerEvent): Partial<JobsState> {
  switch (event.type) {
    case 'backend-report':
      return { backendReport: event.report };
    case 'started':
      return withJob(state, event.job, {
        status: 'running',
        backend: event.backend,
        ...(event.sac ? { sac: event.sac } : {}),
      });
    case 'progress':
      return withJob(state, event.job, {
        status: 'running',
        step: event.step,
        total: event.total,
        loss: event.loss,
        message: event.message,
      });
    case 'preview':
      // Previews go to the live run (src/app/useCompute.ts); the job's progress comes with its progress events.
      return {};
    case 'cancelled':
      return withJob(state, event.job, { status: 'cancelled' });
    case 'error':
      if (event.job === null) return { workerError: event.message };
      return withJob(state, event.job, { status: 'error', error: event.message });
    case 'result': {
      const done = withJob(state, event.job, { status: 'done', step: 1, total: 1 });
      if (event.stage === 'calibrate') return { ...done, backendReport: event.payload };
      return done;
    }
  }
}

export interface JobsStore extends JobsState {
  submit: (job: JobId, stage: StageName) => void;
  apply: (event: WorkerEvent) => void;
  /** Mark every unfinished job cancelled (used when the worker is restarted). */
  abandonAll: () => void;
}

export const useJobs = create<JobsStore>()((set) => ({
  ...INITIAL_JOBS_STATE,
  submit: (job, stage) => set((s) => submitJob(s, job, stage)),
  apply: (event) => set((s) => applyWorkerEvent(s, event)),
  abandonAll: () =>
    set((s) => {
      const jobs = { ...s.jobs };
      for (const id of s.order) {
        if (jobs[id].status === 'queued' || jobs[id].status === 'running') {
          jobs[id] = { ...jobs[id], status: 'cancelled' };
        }
      }
      return { jobs, backendReport: null };
    }),
}));
