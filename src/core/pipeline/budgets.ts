// What `--budget quick|full` means for every stage (one table, used by the CLI and the browser alike).

import { BASELINE_FULL, BASELINE_QUICK, type BaselinePreset } from '../baseline/baselinePresets';
import type { Budget } from '../experimentConfig';
import { HEREDITARY_FULL, HEREDITARY_QUICK, type HereditaryOptions } from '../hereditary';
import { type BaseTrainPreset, SAC_FULL, SAC_QUICK } from '../sac/basePresets';
import { FULL_RACE, QUICK_RACE, type RacePreset } from './racePresets';

export interface StageBudgets {
  sac: BaseTrainPreset;
  /** The smooth-encoding baseline: InfoNCE encoder steps, then SAC updates on π(s, z) over all training tasks. */
  baseline: BaselinePreset;
  /** Exploration transitions per training task for discovery (ALGORITHM.md §5: 10k). */
  explorationTransitions: number;
  /** Gradient-frame neighbourhood radius ε for the reward-symmetry frames. */
  frameRadius: number;
  /** Steps, batch and each setting's lrs (picked by the truth-free rule, racePresets.ts); seeds come from the config. */
  race: RacePreset;
  hereditary: HereditaryOptions;
}

export const STAGE_BUDGETS: Record<Budget, StageBudgets> = {
  quick: {
    sac: SAC_QUICK,
    baseline: BASELINE_QUICK,
    explorationTransitions: 10_000,
    frameRadius: 0.1,
    race: QUICK_RACE,
    hereditary: HEREDITARY_QUICK,
  },
  // SMOKE: exercises every stage in seconds for browser tests; far too small to learn anything reliably.
  smoke: {
    sac: { ...SAC_QUICK, updates: 300, warmupSteps: 300, evalEvery: 300 },
    baseline: { ...BASELINE_QUICK, updates: 300, encoderSteps: 50, warmupSteps: 300 },
    explorationTransitions: 4_000,
    frameRadius: 0.15,
    race: { ...QUICK_RACE, steps: 40 },
    hereditary: {
      ...HEREDITARY_QUICK,
      anchors: 150,
      refineStarts: 1,
      perTaskIterations: 10,
      jointIterations: 10,
    },
  },
  full: {
    sac: SAC_FULL,
    baseline: BASELINE_FULL,
    explorationTransitions: 10_000,
    frameRadius: 0.1,
    race: FULL_RACE,
    hereditary: HEREDITARY_FULL,
  },
};
