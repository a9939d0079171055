// Asks the compute worker how long each budget takes for the wanted experiment, once this machine's costs are known.
import { useEffect, useRef } from 'react';
import type { Budget, ExperimentConfig } from '../core/experimentConfig';
import type { UnitCosts } from '../core/pipeline/liveSchedule';
import type { DurationEstimatePayload } from '../protocol/stages';
import { estimateKey, useDurationEstimates } from '../state/durationEstimates';
import { useJobs } from '../state/jobsStore';
import { useCompute } from './useCompute';
import { useWantedConfig } from './useLiveTraining';
import { useFirstScreenReady } from './useScience';

const BUDGETS: Budget[] = ['quick', 'full', 'smoke'];

/** This machine's unit costs: undefined while calibrating, null when timing them failed. */
export const useUnitCosts = (): UnitCosts | null | undefined => useJobs((s) => s.backendReport?.unitCosts);

/**
 * Time this machine's unit costs once the backends are chosen and the first screen is complete (its own start-up
 * work would slow the timings), again after a worker restart; then keep the estimates in step with the wanted
 * experiment and those costs. Mount once.
 */
export function useDurationEstimateRequests(): void {
  const compute = useCompute();
  const costs = useUnitCosts();
  const wanted = useWantedConfig();
  const report = useJobs((s) => s.backendReport);
  const ready = useFirstScreenReady();
  // One timing per calibration: asked for once its report is done, asked again only after a new calibration.
  const asked = useRef(false);
  const phase = report?.phase;
  const timed = report?.unitCosts !== undefined;
  useEffect(() => {
    if (phase !== 'done') asked.current = false;
    if (!compute || !ready || phase !== 'done' || timed || asked.current) return;
    asked.current = true;
    compute.run('unit-costs', {});
  }, [compute, ready, phase, timed]);
  useEffect(() => {
    if (!compute || !costs) return;
    const key = estimateKey(wanted, costs);
    if (useDurationEstimates.getState().forKey === key) return;
    let current = true;
    compute
      .submit('estimate', { experiment: wanted, costs, budgets: BUDGETS })
      .done.then((byBudget) => {
        if (current) useDurationEstimates.getState().set(key, byBudget);
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [compute, costs, wanted]);
}

/** The estimate for `config` (its own budget), when the latest one was computed for this experiment and costs. */
export function useEstimateFor(config: ExperimentConfig | null): DurationEstimatePayload | null {
  const costs = useUnitCosts();
  const forKey = useDurationEstimates((s) => s.forKey);
  const byBudget = useDurationEstimates((s) => s.byBudget);
  if (!config || !costs || forKey !== estimateKey(config, costs)) return null;
  return byBudget[config.budget] ?? null;
}
