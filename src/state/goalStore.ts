// The rollouts at the current test goal (references, both agents, the hereditary inference), set from agents-worker updates.
import { create } from 'zustand';
import type {
  AgentName,
  AgentRollout,
  GoalUpdate,
  HereditaryInference,
  ReferencePolicyName,
  ReferenceRollout,
} from '../core/testTime/goalRollouts';
import type { GoalUpdatePhase } from '../protocol/agents';

export interface GoalState {
  /** Reference rollouts (oracle, random) at the test goal. */
  reference: Partial<Record<ReferencePolicyName, ReferenceRollout>>;
  /** Trained agents' rollouts: null until results have produced the agents. */
  agents: Record<AgentName, AgentRollout | null>;
  /** Why an agent has no rollout at the goal (e.g. no baseline in these results); null when it has one. */
  agentsUnavailable: Record<AgentName, string | null>;
  inference: HereditaryInference | null;
  /** Key of the settings + results the shown update belongs to; null before the first update. */
  goalUpdateKey: string | null;
  /** Whether the shown update is the one-episode preview or the final one; null before the first. */
  goalUpdatePhase: GoalUpdatePhase | null;
  /**
   * Whether trained agents are shown at the goal: set by a final agents update, kept through the one-episode
   * previews that follow it (a drag), cleared by an update without agents (the references only).
   */
  agentsAtGoal: boolean;
}

export const INITIAL_GOAL_STATE: GoalState = {
  reference: {},
  agents: { hereditary: null, baseline: null },
  agentsUnavailable: { hereditary: null, baseline: null },
  inference: null,
  goalUpdateKey: null,
  goalUpdatePhase: null,
  agentsAtGoal: false,
};

const sameInference = (a: HereditaryInference | null, b: HereditaryInference | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.angle === b.angle &&
    a.theta === b.theta &&
    a.loss === b.loss &&
    a.trueThetaDiagnostic === b.trueThetaDiagnostic);

/** The store patch for one update at the goal (pure, so it is tested without React). */
export function applyGoalUpdate(
  state: GoalState,
  update: GoalUpdate,
  key: string,
  phase: GoalUpdatePhase,
): GoalState {
  return {
    goalUpdatePhase: phase,
    reference: update.reference,
    agents: update.agents,
    agentsUnavailable: update.unavailable,
    // The final phase re-derives the preview's θ* from the same context: keep the object, skip the redraw.
    inference: sameInference(state.inference, update.inference) ? state.inference : update.inference,
    goalUpdateKey: key,
    agentsAtGoal: key.startsWith('agents:') || (key.startsWith('preview:agents:') && state.agentsAtGoal),
  };
}

export interface GoalStore extends GoalState {
  /** Store one update at the goal (references, agents, inference) under its key. */
  setGoalUpdate: (update: GoalUpdate, key: string, phase?: GoalUpdatePhase) => void;
}

export const useGoal = create<GoalStore>()((set) => ({
  ...INITIAL_GOAL_STATE,
  setGoalUpdate: (update, key, phase = 'final') => set((s) => applyGoalUpdate(s, update, key, phase)),
}));
