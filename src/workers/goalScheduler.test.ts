// The preview-then-final schedule of the agents worker: superseded goals never get their full episodes.
import { describe, expect, it } from 'vitest';
import { GOAL_TIMING, goalScheduler } from './goalScheduler';

function harness() {
  const done: string[] = [];
  const later: (() => void)[] = [];
  const delays: number[] = [];
  let clock = 0;
  const handle = goalScheduler<{ id: number; episodes: number }>(
    (r, phase) => done.push(`${r.id}:${phase}`),
    (run, ms) => {
      later.push(run);
      delays.push(ms);
    },
    () => clock,
  );
  const flush = () => {
    while (later.length) later.shift()?.();
  };
  const wait = (ms: number) => {
    clock += ms;
  };
  return { done, handle, flush, delays, wait };
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

  it('a lone goal gets its full set at once; in a burst the full set waits for the goal to rest', () => {
    const h = harness();
    h.handle({ id: 1, episodes: 8 }); // the page opens
    h.wait(1000);
    h.handle({ id: 2, episodes: 8 }); // a drag starts …
    h.wait(16);
    h.handle({ id: 3, episodes: 8 }); // … and goes on
    h.wait(500);
    h.handle({ id: 4, episodes: 8 }); // one key press later
    expect(h.delays).toEqual([0, 0, GOAL_TIMING.restMs, 0]);
  });

  it('one episode needs no preview', () => {
    const h = harness();
    h.handle({ id: 4, episodes: 1 });
    h.flush();
    expect(h.done).toEqual(['4:final']);
  });
});
