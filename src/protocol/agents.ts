// Typed messages between the page and the agents worker (plain JS, no tfjs): results in, goal updates out.
import type { AgentArtifacts } from '../core/testTime/agents';
import type { GoalSettings, GoalUpdate } from '../core/testTime/goalRollouts';

/** A fast one-episode preview while the goal moves, then the final update with every requested episode. */
export type GoalUpdatePhase = 'preview' | 'final';

/** One goal request; `id` tags the updates computed for it. */
export interface GoalRequest extends GoalSettings {
  id: number;
  /** The page computed and drew the one-episode preview itself (a drag): the worker runs only the final phase. */
  previewed?: boolean;
}

export type AgentsCommand =
  /** New agents (from pretrained or live results); `version` tags every later update computed from them. */
  | { type: 'set-results'; version: number; artifacts: AgentArtifacts | null }
  | { type: 'goal'; request: GoalRequest };

export type AgentsEvent =
  | {
      type: 'goal-update';
      id: number;
      /**
       * 'preview': one episode per policy (the paths drawn, episode 0 of the full set for the deterministic
       * agents) and θ*, posted first; 'final': the requested episodes, unless a newer goal superseded it.
       */
      phase: GoalUpdatePhase;
      /** The results version used; null when no results were loaded (references only). */
      version: number | null;
      update: GoalUpdate;
      /** Worker-side compute time of this update (ms). */
      computeMs: number;
      /**
       * When the worker took the request and when it posted this update: ms on the shared clock
       * (performance.timeOrigin + performance.now()), so the page can split an update into its hops.
       */
      receivedAt: number;
      postedAt: number;
    }
  | { type: 'error'; id: number | null; message: string };
