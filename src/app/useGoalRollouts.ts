// Main-thread update at the dragged goal: agents and references re-run once per animation frame, timed as 'drag-update'.
import { useEffect, useMemo } from 'react';
import { degToRad, envFromSettings, familyFromSettings } from '../state/derived';
import { useJobs } from '../state/jobsStore';
import { useResults } from '../state/resultsStore';
import { useSettings } from '../state/settingsStore';
import { computeGoalRollouts } from './agents/goalRollouts';
import { baselineAgentFrom, hereditaryAgentFrom } from './agents/testTimeAgents';

/** performance.measure name of one update (read its p95 from performance.getEntriesByName). */
export const DRAG_UPDATE_MEASURE = 'drag-update';
const MAX_MEASURES = 2000;

const noAgents = {
  hereditary: { unavailable: 'waiting for trained agents' },
  baseline: { unavailable: 'waiting for trained agents' },
};

export function useGoalRollouts(): void {
  const s = useSettings((st) => st.settings);
  const artifacts = useResults((st) => st.artifacts);
  const { family, cx, cy, radius, alpha, beta, tilt, reward, goal, constraint, K, episodes, seed } = s;
  const familyValue = useMemo(
    () => familyFromSettings({ family, cx, cy, radius, alpha, beta, tilt, reward }),
    [family, cx, cy, radius, alpha, beta, tilt, reward],
  );
  const env = useMemo(() => envFromSettings({ constraint }), [constraint]);
  // Deserialising the agents is the slow part; it happens once per results, not once per drag.
  const agents = useMemo(
    () =>
      artifacts
        ? { hereditary: hereditaryAgentFrom(artifacts, env), baseline: baselineAgentFrom(artifacts) }
        : noAgents,
    [artifacts, env],
  );

  useEffect(() => {
    // Latest goal wins: at most one update per frame, never queued behind older goals.
    const frame = requestAnimationFrame(() => {
      const t0 = performance.now();
      const update = computeGoalRollouts({
        family: familyValue,
        env,
        angle: degToRad(goal),
        contextSize: K,
        episodes,
        seed,
        ...agents,
      });
      const t1 = performance.now();
      if (performance.getEntriesByName(DRAG_UPDATE_MEASURE).length >= MAX_MEASURES) {
        performance.clearMeasures(DRAG_UPDATE_MEASURE);
      }
      performance.measure(DRAG_UPDATE_MEASURE, { start: t0, end: t1 });
      useJobs.getState().setGoalUpdate(update, `${artifacts ? 'agents' : 'references'}:${goal}`);
    });
    return () => cancelAnimationFrame(frame);
  }, [familyValue, env, goal, K, episodes, seed, agents, artifacts]);
}
