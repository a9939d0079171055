// Tests of the jobs reducer: job life cycle from worker events, errors, cancellations, backend report kept.
import { describe, expect, it } from 'vitest';
import type { BackendReport } from '../protocol/backend';
import { applyWorkerEvent, INITIAL_JOBS_STATE, type JobsState, submitJob } from './jobsStore';

function reduce(s: JobsState, ...events: Parameters<typeof applyWorkerEvent>[1][]): JobsState {
  let state = s;
  for (const e of events) state = { ...state, ...applyWorkerEvent(state, e) };
  return state;
}

describe('jobsStore reducer', () => {
  it('follows a job from queued to done with progress', () => {
    let s: JobsState = { ...INITIAL_JOBS_STATE, ...submitJob(INITIAL_JOBS_STATE, 'j1', 'calibrate') };
    expect(s.jobs.j1.status).toBe('queued');
    s = reduce(
      s,
      { type: 'started', job: 'j1', stage: 'calibrate', backend: null },
      { type: 'progress', job: 'j1', stage: 'calibrate', step: 2, total: 5, loss: 0.5 },
    );
    expect(s.jobs.j1).toMatchObject({ status: 'running', step: 2, total: 5, loss: 0.5 });
    const report: BackendReport = {
      phase: 'done',
      order: ['cpu'],
      overridden: true,
      probes: [],
      best: 'cpu',
      adapter: null,
      choices: [],
    };
    s = reduce(s, { type: 'result', job: 'j1', stage: 'calibrate', payload: report });
    expect(s.jobs.j1.status).toBe('done');
    expect(s.backendReport?.best).toBe('cpu');
  });

  it('records errors and cancellations; ignores events of unknown jobs', () => {
    let s: JobsState = { ...INITIAL_JOBS_STATE, ...submitJob(INITIAL_JOBS_STATE, 'a', 'train-base') };
    s = { ...s, ...submitJob(s, 'b', 'train-base') };
    s = reduce(
      s,
      { type: 'error', job: 'a', message: 'boom' },
      { type: 'cancelled', job: 'b' },
      { type: 'cancelled', job: 'zzz' },
      { type: 'error', job: null, message: 'worker died' },
    );
    expect(s.jobs.a).toMatchObject({ status: 'error', error: 'boom' });
    expect(s.jobs.b.status).toBe('cancelled');
    expect(s.jobs.zzz).toBeUndefined();
    expect(s.workerError).toBe('worker died');
  });

  it('forgets old finished jobs beyond 30', () => {
    let s: JobsState = INITIAL_JOBS_STATE;
    for (let i = 0; i < 40; i++) {
      s = { ...s, ...submitJob(s, `j${i}`, 'train-base') };
      s = reduce(s, { type: 'cancelled', job: `j${i}` });
    }
    expect(s.order.length).toBe(30);
    expect(s.order[29]).toBe('j39');
  });

  it('a flood of duration estimates never pushes a finished stage out of the list', () => {
    let s: JobsState = { ...INITIAL_JOBS_STATE, ...submitJob(INITIAL_JOBS_STATE, 'base', 'train-base') };
    s = reduce(s, { type: 'cancelled', job: 'base' });
    for (let i = 0; i < 60; i++) {
      s = { ...s, ...submitJob(s, `e${i}`, 'estimate') };
      s = reduce(s, { type: 'cancelled', job: `e${i}` });
    }
    expect(s.order.length).toBe(30);
    expect(s.order).toContain('base');
    expect(s.order.at(-1)).toBe('e59');
  });
});
