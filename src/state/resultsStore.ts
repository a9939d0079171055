// The science results the page shows (pretrained file or live run) and the live run's stage checkpoints.
import { create } from 'zustand';
import type { ExperimentConfig } from '../core/experimentConfig';
import type {
  BaselineArtifact,
  BasePolicyArtifact,
  BasePreview,
  EvaluationArtifact,
  HereditaryArtifact,
  PipelineArtifacts,
  RacePreview,
  RewardSymmetryArtifact,
} from '../core/pipeline/artifacts';
import type { JobId } from '../protocol/messages';
import type { LiveStageName } from '../protocol/stages';

export type ResultsSource = 'pretrained' | 'live';

/** Which run the page shows: the shipped one, a kept one (id), or the live run still training (id null). */
export interface ShownRun {
  id: string | null;
  name: string;
  /** ISO date(-time) of the run; null while it is still training. */
  createdAt: string | null;
}

const DEFAULT_SHOWN: Record<ResultsSource, ShownRun> = {
  pretrained: { id: 'pretrained', name: 'Pretrained run', createdAt: null },
  live: { id: null, name: 'Live run (training)', createdAt: null },
};

/** Completed live stages of one experiment: a restarted worker resumes with the missing ones. */
export interface LiveCheckpoints {
  'train-base'?: BasePolicyArtifact;
  'reward-symmetry'?: RewardSymmetryArtifact;
  hereditary?: HereditaryArtifact;
  'train-baseline'?: BaselineArtifact;
  evaluate?: EvaluationArtifact;
}

/** 'interrupted': the worker was lost mid-stage; the run resumes from its checkpoints when a worker is back. */
export type LiveStatus = 'idle' | 'running' | 'interrupted' | 'done' | 'cancelled' | 'error';

/** A run still under way: training, or waiting for its worker to come back. */
export const isBusy = (status: LiveStatus): boolean => status === 'running' || status === 'interrupted';

export interface LiveRun {
  status: LiveStatus;
  /** trainingKey of the experiment the checkpoints belong to. */
  key: string | null;
  config: ExperimentConfig | null;
  /** Stages running now (two at once: the baseline trains in a helper worker beside the main chain). */
  active: LiveStageName[];
  jobs: Partial<Record<LiveStageName, JobId>>;
  checkpoints: LiveCheckpoints;
  /** What happened that the reader should know (resumed after a crash, restarted for new settings …). */
  notes: { id: number; text: string }[];
  error: string | null;
  /** The base policy's latest live preview (its path at the base task so far), from this run's base stage. */
  preview?: BasePreview | null;
  /** The baseline so far (its latest snapshot as an artifact), until its stage finishes. */
  baselinePreview?: BaselineArtifact | null;
  /** The race so far, streamed from this run's reward-symmetry stage: each side's median error and loss by step. */
  race?: RacePreview[];
  /** Date.now() when a run from scratch started (null when resumed or continued: no honest wall time). */
  startedAt?: number | null;
}

export const IDLE_LIVE_RUN: LiveRun = {
  status: 'idle',
  key: null,
  config: null,
  active: [],
  jobs: {},
  checkpoints: {},
  notes: [],
  error: null,
};

/** Where the shipped pretrained file stands: still loading, loaded, or unusable (then `error` says why). */
export type PretrainedStatus = 'loading' | 'loaded' | 'failed';

export interface ResultsState {
  pretrained: PretrainedStatus;
  artifacts: PipelineArtifacts | null;
  source: ResultsSource | null;
  shown: ShownRun | null;
  /** Why the pretrained file or a live run could not provide results (shown on screen). */
  error: string | null;
  live: LiveRun;
  /** Show these results; `shown` names the run (defaults: the pretrained run, or the live run in training). */
  setArtifacts(artifacts: PipelineArtifacts, source: ResultsSource, shown?: ShownRun): void;
  /** Rename or identify the shown run (a live run once kept, a rename in the runs list). */
  setShown(shown: ShownRun): void;
  /** Merge one live stage's artifact into the current results. */
  patchArtifacts(patch: Partial<PipelineArtifacts>): void;
  setError(message: string | null): void;
  setPretrained(status: PretrainedStatus): void;
  updateLive(patch: Partial<LiveRun>): void;
}

export const useResults = create<ResultsState>((set) => ({
  pretrained: 'loading',
  artifacts: null,
  source: null,
  shown: null,
  error: null,
  live: IDLE_LIVE_RUN,
  setArtifacts: (artifacts, source, shown) =>
    set({ artifacts, source, shown: shown ?? DEFAULT_SHOWN[source], error: null }),
  setShown: (shown) => set({ shown }),
  patchArtifacts: (patch) =>
    set((s) => (s.artifacts ? { artifacts: { ...s.artifacts, ...patch }, source: 'live' } : {})),
  setError: (error) => set({ error }),
  setPretrained: (pretrained) => set({ pretrained }),
  updateLive: (patch) => set((s) => ({ live: { ...s.live, ...patch } })),
}));
