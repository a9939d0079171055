// The training controls: play, pause, step, speed and reset (data-testid run-play, run-pause, run-step).
import { isBusy, useResults } from '../state/resultsStore';
import { useRunControl } from '../state/runControlStore';
import { SPEEDS, STEP_YIELDS } from '../workers/runGate';
import { pauseTraining, playTraining, resetTraining, setTrainingSpeed, stepTraining } from './runControls';
import { useCompute } from './useCompute';
import { useWantedConfig } from './useLiveTraining';

const SPEED_LABEL: Record<number, string> = {
  1: 'full speed',
  0.5: '½ speed',
  0.25: '¼ speed',
  0.1: '1/10 speed',
};

export function RunControls() {
  const compute = useCompute();
  const wanted = useWantedConfig();
  const status = useResults((s) => s.live.status);
  const { paused, speed, steps } = useRunControl();
  const busy = isBusy(status);
  return (
    <fieldset className="run-controls" data-paused={String(paused)}>
      <legend className="visually-hidden">Training controls</legend>
      <button
        type="button"
        data-testid="run-play"
        disabled={!compute || (busy && !paused)}
        onClick={() => compute && playTraining(compute, wanted)}
        aria-label={busy ? 'Play: resume training' : 'Play: train these settings'}
      >
        ▶ Play
      </button>
      <button
        type="button"
        data-testid="run-pause"
        disabled={!compute || !busy || paused}
        onClick={() => compute && pauseTraining(compute)}
        aria-label="Pause training"
      >
        ❚❚ Pause
      </button>
      <button
        type="button"
        data-testid="run-step"
        disabled={!compute}
        onClick={() => compute && stepTraining(compute, wanted)}
        aria-label={`Step: one chunk (about ${STEP_YIELDS * 10} updates or optimiser steps, or ${STEP_YIELDS} slices of the geometry fit), then pause`}
        title={`One chunk of each running stage: about ${STEP_YIELDS * 10} SAC updates or race steps, or ${STEP_YIELDS} slices (≈ 25 ms) of the hereditary fit`}
      >
        Step
      </button>
      <label>
        <span className="visually-hidden">Training speed</span>
        <select
          data-testid="run-speed"
          aria-label="Training speed"
          value={speed}
          disabled={!compute}
          onChange={(e) => compute && setTrainingSpeed(compute, Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {SPEED_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="run-reset"
        disabled={!compute || (!busy && status === 'idle')}
        onClick={() => compute && resetTraining(compute)}
        aria-label="Reset: stop training and discard its checkpoints"
      >
        Reset
      </button>
      {busy && paused && (
        <span className="muted" data-testid="run-paused-note">
          Paused{steps > 0 ? ` (${steps} step${steps > 1 ? 's' : ''})` : ''}: every worker waits at its next
          yield; the base policy’s path so far stays on the task space.
        </span>
      )}
    </fieldset>
  );
}
