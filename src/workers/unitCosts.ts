// Times this machine's unit costs on the chosen backends, right after calibration, for the duration estimates.
import { DEFAULT_CONFIG } from '../core/experimentConfig';
import type { UnitCosts } from '../core/pipeline/liveSchedule';
import { measureEnvStepMs, measureRaceStepMs, measureSac } from '../core/pipeline/speedProbes';
import { activateBackend, type BackendSelection } from './backendSelect';

/**
 * The SAC probes run where the policies train ('rl'), the race probe where the race runs ('bulk'), the env step in
 * plain JS. About a second on wasm; null when a probe fails or the job is cancelled meanwhile.
 */
export async function measureUnitCosts(
  selection: BackendSelection,
  shouldStop: () => boolean,
): Promise<UnitCosts | null> {
  try {
    await activateBackend(selection.backendFor('rl'));
    const sac = measureSac();
    if (shouldStop()) return null;
    await activateBackend(selection.backendFor('bulk'));
    const raceStepMs = measureRaceStepMs(DEFAULT_CONFIG.raceSeeds);
    if (shouldStop()) return null;
    return { sacUpdateMs: sac.updateMs, sacActMs: sac.actMs, envStepMs: measureEnvStepMs(), raceStepMs };
  } catch {
    return null;
  }
}
