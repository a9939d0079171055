// Agents at the dragged goal: requests go to a plain-JS agents worker (latest goal wins); the page never blocks.
import { useEffect, useMemo, useRef } from 'react';
import type { PipelineArtifacts } from '../core/pipeline/artifacts';
import type { AgentsCommand, AgentsEvent, GoalRequest } from '../protocol/agents';
import { degToRad, envFromSettings, familyFromSettings } from '../state/derived';
import { useJobs } from '../state/jobsStore';
import { useResults } from '../state/resultsStore';
import { useSettings } from '../state/settingsStore';

/** performance.measure names: request → result latency, and the worker's own compute time. */
export const DRAG_UPDATE_MEASURE = 'drag-update';
export const DRAG_COMPUTE_MEASURE = 'drag-update-compute';
const MAX_MEASURES = 2000;

function record(name: string, start: number, end: number): void {
  if (performance.getEntriesByName(name).length >= MAX_MEASURES) performance.clearMeasures(name);
  performance.measure(name, { start, end });
}

/** One agents worker per mounted page; at most one request in flight, the newest waiting one replaces older ones. */
class AgentsChannel {
  private readonly worker: Worker;
  private version = 0;
  private nextId = 1;
  private inFlight: { id: number; sentAt: number; goalDeg: number } | null = null;
  private pending: { request: Omit<GoalRequest, 'id'>; goalDeg: number } | null = null;
  private last: { request: Omit<GoalRequest, 'id'>; goalDeg: number } | null = null;

  constructor() {
    this.worker = new Worker(new URL('../workers/agents.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<AgentsEvent>) => this.receive(e.data);
    this.worker.onerror = (e) =>
      useResults.getState().setError(`agents worker failed: ${e.message || 'load error'}`);
  }

  setResults(artifacts: PipelineArtifacts | null): void {
    this.version++;
    this.post({ type: 'set-results', version: this.version, artifacts });
    // New agents: roll them out at the current goal at once.
    if (this.last) this.request(this.last.request, this.last.goalDeg);
  }

  request(request: Omit<GoalRequest, 'id'>, goalDeg: number): void {
    this.pending = { request, goalDeg };
    this.last = this.pending;
    if (!this.inFlight) this.sendPending();
  }

  dispose(): void {
    this.worker.terminate();
  }

  private sendPending(): void {
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    const id = this.nextId++;
    this.inFlight = { id, sentAt: performance.now(), goalDeg: next.goalDeg };
    this.post({ type: 'goal', request: { ...next.request, id } });
  }

  private receive(event: AgentsEvent): void {
    const sent = this.inFlight;
    if (!sent || event.id !== sent.id) return;
    this.inFlight = null;
    if (event.type === 'error') {
      useResults.getState().setError(`agents at the goal: ${event.message}`);
    } else {
      // Results arrive in request order; goals passed over while one was in flight are never computed.
      const now = performance.now();
      record(DRAG_UPDATE_MEASURE, sent.sentAt, now);
      record(DRAG_COMPUTE_MEASURE, now - event.computeMs, now);
      const fresh = event.version === this.version && event.version !== null;
      useJobs.getState().setGoalUpdate(event.update, `${fresh ? 'agents' : 'references'}:${sent.goalDeg}`);
    }
    this.sendPending();
  }

  private post(command: AgentsCommand): void {
    this.worker.postMessage(command);
  }
}

export function useGoalRollouts(): void {
  const s = useSettings((st) => st.settings);
  const artifacts = useResults((st) => st.artifacts);
  const channel = useRef<AgentsChannel | null>(null);
  const { family, cx, cy, radius, alpha, beta, tilt, reward, goal, constraint, K, episodes, seed } = s;
  const familyValue = useMemo(
    () => familyFromSettings({ family, cx, cy, radius, alpha, beta, tilt, reward }),
    [family, cx, cy, radius, alpha, beta, tilt, reward],
  );
  const env = useMemo(() => envFromSettings({ constraint }), [constraint]);

  useEffect(() => {
    const c = new AgentsChannel();
    channel.current = c;
    return () => {
      c.dispose();
      channel.current = null;
    };
  }, []);

  useEffect(() => {
    channel.current?.setResults(artifacts);
  }, [artifacts]);

  useEffect(() => {
    channel.current?.request(
      { family: familyValue, env, angle: degToRad(goal), contextSize: K, episodes, seed },
      goal,
    );
  }, [familyValue, env, goal, K, episodes, seed]);
}
