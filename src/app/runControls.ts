// Playground-style control of live training: play, pause, step one chunk, slow motion, reset.
import type { ExperimentConfig } from '../core/experimentConfig';
import { isBusy, useResults } from '../state/resultsStore';
import { useRunControl } from '../state/runControlStore';
import type { Compute } from './useCompute';
import { cancelLiveTraining, trainSettings } from './useLiveTraining';

const running = () => isBusy(useResults.getState().live.status);

function send(compute: Compute, paused: boolean, step = false): void {
  const { speed } = useRunControl.getState();
  compute.control({ paused, speed }, step);
}

/** Play: resume a paused run, or start training the settings (the one click a link never makes for you). */
export function playTraining(compute: Compute, wanted: ExperimentConfig): void {
  useRunControl.getState().set({ paused: false, steps: 0 });
  send(compute, false);
  if (!running()) trainSettings(compute, wanted);
}

/** Pause every compute worker at its next yield (a few milliseconds of work away). */
export function pauseTraining(compute: Compute): void {
  useRunControl.getState().set({ paused: true });
  send(compute, true);
}

/** One chunk of updates or optimiser steps in every running stage, then paused again. */
export function stepTraining(compute: Compute, wanted: ExperimentConfig): void {
  const { steps } = useRunControl.getState();
  useRunControl.getState().set({ paused: true, steps: steps + 1 });
  send(compute, true, true);
  if (!running()) trainSettings(compute, wanted);
}

export function setTrainingSpeed(compute: Compute, speed: number): void {
  useRunControl.getState().set({ speed });
  send(compute, useRunControl.getState().paused);
}

/** Reset: stop the run and forget its checkpoints, so the next play trains from scratch. */
export function resetTraining(compute: Compute): void {
  cancelLiveTraining(compute);
  useResults.getState().updateLive({ key: null, checkpoints: {}, active: [] });
  useRunControl.getState().set({ paused: false, steps: 0 });
  send(compute, false);
}
