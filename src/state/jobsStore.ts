// Job status, backend report and stage results, updated from worker events by one pure reducer.
import { create } from 'zustand';
import type { BackendReport } from '../protocol/backend';
import type { JobId, WorkerEvent } from '../protocol/messages';
import type { ReferencePolicyName, RolloutStagePayload, StageName } from '../protocol/stages';

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
  error?: string;
}

/** One agent's rollout at the current test goal, as drawn and scored on the page. */
export interface AgentRollout {
  angle: number;
  meanReturn: number;
  path: number[];
}

export type AgentName = 'hereditary' | 'baseline';

/** The hereditary agent's test-time inference at the current goal, for the panels. */
export interface HereditaryInference {
  angle: number;
  /** θ* = argmin_θ Σ_k (r_k − f̂₀(exp(−θX) s'_k))², from rewards only. */
  theta: number;
  loss: number;
  /** The context loss over the grid of θ in [0, 2π). */
  gridThetas: number[];
  gridLosses: number[];
  /** The shared context's next states (x0, y0, x1, y1, …). */
  contextStates: number[];
  /** DIAGNOSTIC, reads the true goal: the θ that carries the base goal onto it under the learned generator. */
  trueThetaDiagnostic: number;
}

const sameInference = (a: HereditaryInference | null, b: HereditaryInference | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.angle === b.angle &&
    a.theta === b.theta &&
    a.loss === b.loss &&
    a.trueThetaDiagnostic === b.trueThetaDiagnostic);

/** A fast one-episode preview while the goal moves, then the final update with every requested episode. */
export type GoalUpdatePhase = 'preview' | 'final';

/** Everything one main-thread update at the test goal produces. */
export interface GoalUpdate {
  angle: number;
  reference: Record<ReferencePolicyName, RolloutStagePayload>;
  agents: Record<AgentName, AgentRollout | null>;
  unavailable: Record<AgentName, string | null>;
  inference: HereditaryInference | null;
}

export interface JobsState {
  jobs: Record<JobId, JobState>;
  /** Order in which jobs were submitted (newest last). */
  order: JobId[];
  backendReport: BackendReport | null;
  /** Errors not tied to a job (worker failed to load, crashed …). */
  workerError: string | null;
  /** Reference rollouts (oracle, random) at the test goal; only the newest job per policy counts. */
  reference: Partial<Record<ReferencePolicyName, RolloutStagePayload>>;
  latestReferenceJob: Partial<Record<ReferencePolicyName, JobId>>;
  /** Trained agents' rollouts: null until the pipeline has produced the agents (lead wires these). */
  agents: Record<AgentName, AgentRollout | null>;
  /** Why an agent has no rollout at the goal (e.g. no baseline in these results); null when it has one. */
  agentsUnavailable: Record<AgentName, string | null>;
  inference: HereditaryInference | null;
  /** Key of the settings + results the agents' rollouts belong to; null before the first update. */
  goalUpdateKey: string | null;
  /** Whether the shown update is the one-episode preview or the final one; null before the first. */
  goalUpdatePhase: GoalUpdatePhase | null;
}

export const INITIAL_JOBS_STATE: JobsState = {
  jobs: {},
  order: [],
  backendReport: null,
  workerError: null,
  reference: {},
  latestReferenceJob: {},
  agents: { hereditary: null, baseline: null },
  agentsUnavailable: { hereditary: null, baseline: null },
  inference: null,
  goalUpdateKey: null,
  goalUpdatePhase: null,
};

/** Keep the job list short: finished jobs beyond this many are forgotten (oldest first). */
const MAX_JOBS = 30;

function withJob(state: JobsState, job: JobId, patch: Partial<JobState>): Partial<JobsState> {
  const prev = state.jobs[job];
  if (!prev) return {};
  return { jobs: { ...state.jobs, [job]: { ...prev, ...patch } } };
}

/** Record a job the page just sent; `policy` marks reference rollouts so stale ones can be dropped. */
export function submitJob(state: JobsState, job: JobId, stage: StageName, policy?: ReferencePolicyName) {
  let order = [...state.order, job];
  const jobs = {
    ...state.jobs,
    [job]: { job, stage, status: 'queued' as const, step: 0, total: 1, backend: null },
  };
  while (order.length > MAX_JOBS) {
    const old = order.find((id) => jobs[id].status !== 'queued' && jobs[id].status !== 'running');
    if (!old) break;
    delete jobs[old];
    order = order.filter((id) => id !== old);
  }
  const latestReferenceJob = policy
    ? { ...state.latestReferenceJob, [policy]: job }
    : state.latestReferenceJob;
  return { jobs, order, latestReferenceJob };
}

/** The one reducer from worker events to store updates. */
export function applyWorkerEvent(state: JobsState, event: WorkerEvent): Partial<JobsState> {
  switch (event.type) {
    case 'backend-report':
      return { backendReport: event.report };
    case 'started':
      return withJob(state, event.job, { status: 'running', backend: event.backend });
    case 'progress':
      return withJob(state, event.job, {
        status: 'running',
        step: event.step,
        total: event.total,
        loss: event.loss,
        message: event.message,
      });
    case 'cancelled':
      return withJob(state, event.job, { status: 'cancelled' });
    case 'error':
      if (event.job === null) return { workerError: event.message };
      return withJob(state, event.job, { status: 'error', error: event.message });
    case 'result': {
      const done = withJob(state, event.job, { status: 'done', step: 1, total: 1 });
      if (event.stage === 'calibrate') return { ...done, backendReport: event.payload };
      if (event.stage === 'rollout') {
        const policy = event.payload.policy;
        if (state.latestReferenceJob[policy] !== event.job) return done;
        return { ...done, reference: { ...state.reference, [policy]: event.payload } };
      }
      return done;
    }
  }
}

export interface JobsStore extends JobsState {
  submit: (job: JobId, stage: StageName, policy?: ReferencePolicyName) => void;
  apply: (event: WorkerEvent) => void;
  /** Mark every unfinished job cancelled (used when the worker is restarted). */
  abandonAll: () => void;
  setAgentRollout: (agent: AgentName, rollout: AgentRollout | null) => void;
  /** Store one main-thread update at the goal (references, agents, inference) under its key. */
  setGoalUpdate: (update: GoalUpdate, key: string, phase?: GoalUpdatePhase) => void;
}

export const useJobs = create<JobsStore>()((set) => ({
  ...INITIAL_JOBS_STATE,
  submit: (job, stage, policy) => set((s) => submitJob(s, job, stage, policy)),
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
  setAgentRollout: (agent, rollout) => set((s) => ({ agents: { ...s.agents, [agent]: rollout } })),
  setGoalUpdate: (u, key, phase = 'final') =>
    set((s) => ({
      goalUpdatePhase: phase,
      reference: u.reference,
      agents: u.agents,
      agentsUnavailable: u.unavailable,
      // The final phase re-derives the preview's θ* from the same context: keep the object, skip the redraw.
      inference: sameInference(s.inference, u.inference) ? s.inference : u.inference,
      goalUpdateKey: key,
    })),
}));
