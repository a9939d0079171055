// Tests of the goal store: an update replaces the shown rollouts; an unchanged θ* keeps its object (no redraw).
import { describe, expect, it } from 'vitest';
import type { GoalUpdate, HereditaryInference, ReferenceRollout } from '../core/testTime/goalRollouts';
import { applyGoalUpdate, INITIAL_GOAL_STATE } from './goalStore';

const reference = (policy: 'oracle' | 'random', meanReturn: number): ReferenceRollout => ({
  policy,
  angle: 1,
  goal: [1, 0],
  returns: [meanReturn],
  meanReturn,
  successRate: 1,
  meanLength: 10,
  path: [0, 0, 1, 0],
});

const inference = (theta: number): HereditaryInference => ({
  angle: 1,
  theta,
  loss: 0.1,
  gridThetas: [0, 1],
  gridLosses: [2, 1],
  contextStates: [0, 0],
  trueThetaDiagnostic: 0.5,
});

const update = (theta: number, hereditaryReturn: number): GoalUpdate => ({
  angle: 1,
  reference: { oracle: reference('oracle', -5), random: reference('random', -90) },
  agents: { hereditary: { angle: 1, meanReturn: hereditaryReturn, path: [0, 0] }, baseline: null },
  unavailable: { hereditary: null, baseline: 'baseline not trained in these results' },
  inference: inference(theta),
});

describe('goal store', () => {
  it('shows the newest update with its key and phase', () => {
    const s = applyGoalUpdate(INITIAL_GOAL_STATE, update(0.5, -6), 'preview:k', 'preview');
    expect(s.goalUpdatePhase).toBe('preview');
    expect(s.goalUpdateKey).toBe('preview:k');
    expect(s.agents.hereditary?.meanReturn).toBe(-6);
    expect(s.reference.oracle?.meanReturn).toBe(-5);
    expect(s.agentsUnavailable.baseline).toMatch(/not trained/);
  });

  it('keeps the inference object when the final phase re-derives the same θ*, replaces it otherwise', () => {
    const preview = applyGoalUpdate(INITIAL_GOAL_STATE, update(0.5, -6), 'preview:k', 'preview');
    const final = applyGoalUpdate(preview, update(0.5, -5.5), 'k', 'final');
    expect(final.inference).toBe(preview.inference);
    expect(final.agents.hereditary?.meanReturn).toBe(-5.5);
    const moved = applyGoalUpdate(final, update(0.7, -6), 'k2', 'final');
    expect(moved.inference).not.toBe(final.inference);
    expect(moved.inference?.theta).toBe(0.7);
  });

  it('agents stay shown through the previews after a final agents update, not before one, and not over references', () => {
    const u = update(0.5, -6);
    const opened = applyGoalUpdate(INITIAL_GOAL_STATE, u, 'preview:agents:10', 'preview');
    expect(opened.agentsAtGoal).toBe(false);
    const final = applyGoalUpdate(opened, u, 'agents:10', 'final');
    expect(final.agentsAtGoal).toBe(true);
    const dragged = applyGoalUpdate(final, u, 'preview:agents:12', 'preview');
    expect(dragged.agentsAtGoal).toBe(true);
    const references = applyGoalUpdate(dragged, u, 'references:12', 'final');
    expect(references.agentsAtGoal).toBe(false);
    expect(applyGoalUpdate(references, u, 'preview:agents:12', 'preview').agentsAtGoal).toBe(false);
    expect(applyGoalUpdate(final, u, 'agents:12:precomputed', 'final').agentsAtGoal).toBe(true);
  });
});
