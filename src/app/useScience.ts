// Mounts the science on the page: pretrained results, kept runs, agent rollouts at the goal, live retraining, test hooks.
import { useEffect } from 'react';
import { useGoal } from '../state/goalStore';
import { useJobs } from '../state/jobsStore';
import { useResults } from '../state/resultsStore';
import type { Compute } from './useCompute';
import { useEditRetrain } from './useEditRetrain';
import { DRAG_COMPUTE_MEASURE, DRAG_UPDATE_MEASURE, useGoalRollouts } from './useGoalRollouts';
import { useLiveTraining } from './useLiveTraining';
import { START_MARKS, usePretrained } from './usePretrained';
import { useRunsOnPage } from './useRuns';
import { useVerdictFit } from './useVerdictFit';

/** Test-only handles for the e2e suite (window.__hereditaryTest); nothing in the app reads them. */
export interface HereditaryTestHooks {
  /** Terminate the compute worker at once, as a crash would (a new one is started). */
  killWorker(): void;
  /** Request → result latencies (ms) of the updates at the goal so far. */
  dragUpdateDurations(): number[];
  /** The preview compute time (ms) of each of those updates (on the page for a drag, else in the agents worker). */
  dragComputeDurations(): number[];
}

declare global {
  interface Window {
    __hereditaryTest?: HereditaryTestHooks;
  }
}

/** Mark the first time `reached` becomes true (start-up timeline for the benchmark). */
function useMilestone(name: string, reached: boolean): void {
  useEffect(() => {
    if (reached && performance.getEntriesByName(name).length === 0) performance.mark(name);
  }, [name, reached]);
}

/** "First screen complete": results are present and the agents' rollouts at the goal were computed from them. */
export function useFirstScreenReady(): boolean {
  const backendKnown = useJobs((s) => s.backendReport?.best != null);
  const results = useResults((s) => s.artifacts !== null);
  // Kept through a drag's previews: a flip to loading and back would re-render the whole page at the start and
  // the end of every drag.
  const agentsComputed = useGoal((s) => s.agentsAtGoal);
  useMilestone(START_MARKS.backend, backendKnown);
  useMilestone(START_MARKS.agents, agentsComputed);
  // The first screen is the explainer's content: results and both agents at the goal. The backend probe only
  // matters for training, so it is not waited for (its own milestone is marked above; the badge says
  // "detecting…" until then).
  const ready = results && agentsComputed;
  useMilestone(START_MARKS.ready, ready);
  return ready;
}

export function useScience(compute: Compute | null): boolean {
  usePretrained();
  useRunsOnPage();
  useGoalRollouts();
  useLiveTraining(compute);
  useVerdictFit(compute);
  useEditRetrain(compute);
  useEffect(() => {
    if (!compute) return;
    window.__hereditaryTest = {
      killWorker: () => compute.restart(),
      dragUpdateDurations: () => performance.getEntriesByName(DRAG_UPDATE_MEASURE).map((e) => e.duration),
      dragComputeDurations: () => performance.getEntriesByName(DRAG_COMPUTE_MEASURE).map((e) => e.duration),
    };
  }, [compute]);
  return useFirstScreenReady();
}
