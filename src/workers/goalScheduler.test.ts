// The preview-then-final schedule of the agents worker: superseded goals never get their full episodes.
import { describe, expect, it } from 'vitest';
import { goalScheduler } from './goalScheduler';

function harness() {
  const done: string[] = [];
  const later: (() => void)[] = [];
  const handle = goalScheduler<{ id: number; episodes: number }>(
    (r, phase) => done.push(`${r.id}:${phase}`),
    (run) => later.push(run),
  );
  const flush = () => {
    while (later.length) later.shift()?.();
  };
  return { done, handle, flush };
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

  it('one episode needs no preview', () => {
    const h = harness();
    h.handle({ id: 4, episodes: 1 });
    h.flush();
    expect(h.done).toEqual(['4:final']);
  });
});
