// Re-run the oracle and random reference rollouts whenever the test goal or the task changes.
import { useEffect } from 'react';
import type { ReferencePolicyName } from '../protocol/stages';
import { degToRad, envFromSettings, familyFromSettings } from '../state/derived';
import { useSettings } from '../state/settingsStore';
import type { Compute } from './useCompute';

const POLICIES: readonly ReferencePolicyName[] = ['oracle', 'random'];

export function useReferenceRollouts(compute: Compute | null): void {
  const s = useSettings((st) => st.settings);
  const { family, cx, cy, radius, alpha, beta, tilt, reward, goal, constraint, episodes, seed } = s;
  useEffect(() => {
    if (!compute) return;
    const familyValue = familyFromSettings({ family, cx, cy, radius, alpha, beta, tilt, reward });
    const env = envFromSettings({ constraint });
    const jobs = POLICIES.map((policy) =>
      compute.run(
        'rollout',
        { family: familyValue, angle: degToRad(goal), env, policy, episodes, seed },
        policy,
      ),
    );
    // Latest wins: a moved goal cancels the previous rollouts.
    return () => {
      for (const job of jobs) compute.cancel(job);
    };
  }, [compute, family, cx, cy, radius, alpha, beta, tilt, reward, goal, constraint, episodes, seed]);
}
