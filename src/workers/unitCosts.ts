// Times this machine's unit costs on the chosen backends, right after calibration, for the duration estimates.
import { DEFAULT_CONFIG } from '../core/experimentConfig';
import type { UnitCosts } from '../core/pipeline/liveSchedule';
import {
  measureEncoderStepMs,
  measureEnvStepMs,
  measureRaceStepMs,
  measureSac,
} from '../core/pipeline/speedProbes';
import { activateBackend, type BackendSelection } from './backendSelect';
import { sacImplOf } from './sacCalibration';

/**
 * The SAC costs are the calibration's own timings of the path that trains (fused step or tfjs) and of the tfjs
 * learner; where the report has none they are timed here. The baseline encoder's step is timed on the same path;
 * the race step and the env step are plain JS. Null when a probe fails or the job is cancelled.
 */
export async function measureUnitCosts(
  selection: BackendSelection,
  shouldStop: () => boolean,
): Promise<UnitCosts | null> {
  try {
    await activateBackend(selection.backendFor('rl'));
    const sacChoice = selection.report.sac;
    const chosen = sacChoice?.timings.find((t) => t.path === sacChoice.path);
    const tfjs = sacChoice?.timings.find((t) => t.path === 'tfjs');
    const sac =
      chosen?.msPerUpdate != null && chosen.msPerAction !== undefined
        ? { updateMs: chosen.msPerUpdate, actMs: chosen.msPerAction }
        : measureSac(sacImplOf(selection.sacPath()));
    if (shouldStop()) return null;
    // The encoder trains on the SAC learner's implementation (trainBaseline.ts).
    const encoderStepMs = measureEncoderStepMs(sacImplOf(selection.sacPath()));
    if (shouldStop()) return null;
    const raceStepMs = measureRaceStepMs(DEFAULT_CONFIG.raceSeeds);
    if (shouldStop()) return null;
    return {
      sacUpdateMs: sac.updateMs,
      sacActMs: sac.actMs,
      ...(tfjs?.msPerUpdate != null ? { tfjsUpdateMs: tfjs.msPerUpdate } : {}),
      encoderStepMs,
      envStepMs: measureEnvStepMs(),
      raceStepMs,
    };
  } catch {
    return null;
  }
}
