// Typed messages between the page and the compute worker: commands in, events out.

import type { StagePreview } from '../core/pipeline/artifacts';
import type { BackendName, BackendReport, SacPath } from './backend';
import type { StageConfig, StageName, StagePayload } from './stages';

/** Page-chosen id of one job (one run of one stage). */
export type JobId = string;

/** Run one stage; one variant per stage so config is typed by stage. */
export type RunStageCommand = {
  [S in StageName]: { type: 'run-stage'; job: JobId; stage: S; config: StageConfig<S> };
}[StageName];

/** Stop a job at its next `shouldStop` check (or before it starts). */
export interface CancelCommand {
  type: 'cancel';
  job: JobId;
}

/**
 * Use this finished backend report's choices instead of calibrating: sent to a helper compute worker
 * (which runs a stage beside the main one) with the main worker's report, before each of its jobs.
 */
export interface AdoptBackendsCommand {
  type: 'adopt-backends';
  report: BackendReport;
}

/**
 * The page is being dragged: training loops wait at their next yield until `ms` from now (a later command extends
 * it), so the page and the agents worker have the cores. Results do not change, only when they arrive.
 */
export interface YieldToPageCommand {
  type: 'yield-to-page';
  ms: number;
}

/**
 * Play / pause / slow motion for every training loop in the worker (at their yields), and with `step`, one chunk of
 * work (STEP_YIELDS yields) before pausing again.
 */
export interface RunControlCommand {
  type: 'run-control';
  control: { paused: boolean; speed: number };
  step?: boolean;
}

export type WorkerCommand =
  | RunStageCommand
  | CancelCommand
  | AdoptBackendsCommand
  | YieldToPageCommand
  | RunControlCommand;

export interface StartedEvent {
  type: 'started';
  job: JobId;
  stage: StageName;
  /** The tfjs backend the stage runs on; null for plain-JS stages. */
  backend: BackendName | null;
  /** For stages that train SAC: how its updates run (the fused step does not use the tfjs backend). */
  sac?: SacPath;
}

export interface ProgressEvent {
  type: 'progress';
  job: JobId;
  stage: StageName;
  step: number;
  total: number;
  loss?: number;
  message?: string;
}

export type ResultEvent = {
  [S in StageName]: { type: 'result'; job: JobId; stage: S; payload: StagePayload<S> };
}[StageName];

export interface ErrorEvent {
  type: 'error';
  /** null for errors outside any job (e.g. the worker failed to start). */
  job: JobId | null;
  message: string;
}

export interface CancelledEvent {
  type: 'cancelled';
  job: JobId;
}

export interface BackendReportEvent {
  type: 'backend-report';
  report: BackendReport;
}

/** A snapshot of what a stage is learning (the base policy's path so far), for the live view. */
export interface PreviewEvent {
  type: 'preview';
  job: JobId;
  stage: StageName;
  preview: StagePreview;
}

export type WorkerEvent =
  | StartedEvent
  | ProgressEvent
  | PreviewEvent
  | ResultEvent
  | ErrorEvent
  | CancelledEvent
  | BackendReportEvent;
