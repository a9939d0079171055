// The live run's estimated durations per budget for the wanted experiment (computed in the worker from measured costs).
import { create } from 'zustand';
import type { Budget, ExperimentConfig } from '../core/experimentConfig';
import type { UnitCosts } from '../core/pipeline/liveSchedule';
import type { DurationEstimatePayload } from '../protocol/stages';
import { trainingKey } from './derived';

/** What an estimate depends on: the experiment (its budget aside) and the unit costs it was computed from. */
export const estimateKey = (config: ExperimentConfig, costs: UnitCosts): string =>
  JSON.stringify([trainingKey({ ...config, budget: 'quick' }), costs]);

export interface DurationEstimatesState {
  /** estimateKey of the experiment and costs `byBudget` belongs to; null before the first estimate. */
  forKey: string | null;
  byBudget: Partial<Record<Budget, DurationEstimatePayload>>;
  set(forKey: string, byBudget: Partial<Record<Budget, DurationEstimatePayload>>): void;
}

export const useDurationEstimates = create<DurationEstimatesState>((set) => ({
  forKey: null,
  byBudget: {},
  set: (forKey, byBudget) => set({ forKey, byBudget }),
}));
