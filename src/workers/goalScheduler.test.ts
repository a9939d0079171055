// The preview-then-final schedule of the agents worker: superseded goals never get their full episodes.
import { describe, expect, it } from 'vitest';
import { GOAL_TIMING, goalScheduler } from './goalScheduler';

function harness() {
  const done: string[] = [];
  const later: (() => void)[] = [];
  const delays: number[] = [];
  const handle = goalScheduler<{ id: number; episodes: number; previewed?: boolean }>(
    (r, phase) => done.push(`${r.id}:${phase}`),
    (run, ms) => {
      later.push(run);
      delays.push(ms);
    },
  );
  /** Run the deferred callbacks (the worker's later tasks) in order. */
  const flush = () => {
    while (later.length) later.shift()?.();
  };
  return { done, handle, flush, delays };
}

describe('goalScheduler', () => {
  it('previews at once and finishes in a later task', () => {
    const h = harness();
    h.handle({ id: 1, episodes: 8 });
    expect(h.done).toEqual(['1:preview']);
    h.flush();
    expect(h.done).toEqual(['1:preview', '1:final']);
  });

  it('drops the final phase of a goal passed over during a drag', () => {
    const h = harness();
    h.handle({ id: 1, episodes: 8 });
    h.handle({ id: 2, episodes: 8 });
    h.handle({ id: 3, episodes: 8 });
    h.flush();
    expect(h.done).toEqual(['1:preview', '2:preview', '3:preview', '3:final']);
  });

  it('every goal rests before its full set, so the first move of a drag does not hold the second', () => {
    const h = harness();
    h.handle({ id: 1, episodes: 8 }); // a drag starts (or the page opens, or one key press: the same)
    h.handle({ id: 2, episodes: 8 }); // the next move arrives before the rest is over
    expect(h.done).toEqual(['1:preview', '2:preview']);
    expect(h.delays).toEqual([GOAL_TIMING.restMs, GOAL_TIMING.restMs]);
    h.flush();
    expect(h.done).toEqual(['1:preview', '2:preview', '2:final']);
  });

  it('a goal the page previewed itself gets only its final phase, after the same rest', () => {
    const h = harness();
    h.handle({ id: 5, episodes: 8, previewed: true });
    h.handle({ id: 6, episodes: 8, previewed: true });
    expect(h.done).toEqual([]);
    expect(h.delays).toEqual([GOAL_TIMING.restMs, GOAL_TIMING.restMs]);
    h.flush();
    expect(h.done).toEqual(['6:final']);
  });

  it('one episode needs no preview', () => {
    const h = harness();
    h.handle({ id: 4, episodes: 1 });
    h.flush();
    expect(h.done).toEqual(['4:final']);
  });
});
