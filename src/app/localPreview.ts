// Drag previews computed on the page itself: a copy of the agents the worker has, one episode per policy.
import type { PipelineArtifacts } from '../core/pipeline/artifacts';
import { type AgentPair, agentArtifactsOf, agentCache } from '../core/testTime/agents';
import { computeGoalRollouts, type GoalSettings, type GoalUpdate } from '../core/testTime/goalRollouts';
import { whenIdle } from './idle';

export interface LocalPreview {
  update: GoalUpdate;
  /** Whether trained agents were rolled out (else only the references: no results loaded). */
  fresh: boolean;
  start: number;
  end: number;
}

/** Previews run to warm up, and the idle time a period must still have left to run another. */
const WARM_RUNS = 8;
const WARM_SLACK_MS = 4;

/**
 * A one-episode preview takes ≈ 1–2 ms of plain JS, less than a round trip to the agents worker costs a drag
 * move on two cores (the reply waits for the page's own work on that move: ≈ 4 ms at the median). So a drag's
 * preview is computed here, synchronously, from the same results and the same code as the worker's; the worker
 * still computes every final update (all episodes) once the goal rests.
 */
export class PagePreviews {
  private agentsFor: ((env: GoalSettings['env']) => AgentPair) | null = null;
  private fresh = false;
  private generation = 0;

  /** New results (null: none loaded, the references only). The agents are rebuilt on first use. */
  setResults(artifacts: PipelineArtifacts | null): void {
    this.agentsFor = agentCache(artifacts && agentArtifactsOf(artifacts));
    this.fresh = artifacts !== null;
    this.generation++;
  }

  /** The preview at `settings`, or null when it cannot be computed here (the worker computes it then). */
  compute(settings: GoalSettings): LocalPreview | null {
    if (!this.agentsFor) return null;
    const start = performance.now();
    try {
      const update = computeGoalRollouts({ ...settings, episodes: 1, ...this.agentsFor(settings.env) });
      return { update, fresh: this.fresh, start, end: performance.now() };
    } catch {
      // The worker computes it too and reports what went wrong.
      return null;
    }
  }

  /**
   * Build the agents and run a few previews near `settings` in the page's idle time, so that the first drag after
   * new results does not pay for deserialising the agents, filling the reward table and compiling the rollout
   * code (a cold first preview takes 10–50 ms; the JIT optimises it after a handful of runs).
   */
  warm(settings: GoalSettings): void {
    const generation = this.generation;
    let left = WARM_RUNS;
    const run = (deadline?: IdleDeadline) => {
      while (left > 0 && generation === this.generation) {
        this.compute({ ...settings, angle: settings.angle + 0.05 * (WARM_RUNS - left) });
        left--;
        if (deadline && deadline.timeRemaining() < WARM_SLACK_MS) break;
      }
      if (left > 0 && generation === this.generation) whenIdle(run);
    };
    whenIdle(run);
  }
}
