// Agents at the dragged goal: a drag's one-episode preview is computed on the page (≈ 1–2 ms, localPreview.ts);
// every full update goes to a plain-JS agents worker (latest goal wins), so the page never waits for episodes.
import { useEffect } from 'react';
import type { PipelineArtifacts } from '../core/pipeline/artifacts';
import { settingsKey } from '../core/pipeline/firstScreen';
import { agentArtifactsOf, sameAgents } from '../core/testTime/agents';
import type { GoalSettings, GoalUpdate } from '../core/testTime/goalRollouts';
import type { AgentsCommand, AgentsEvent, GoalRequest } from '../protocol/agents';
import { FAMILY_FIELDS, goalSettingsOf, goalTag } from '../state/derived';
import { useGoal } from '../state/goalStore';
import { useResults } from '../state/resultsStore';
import { useSettings } from '../state/settingsStore';
import type { UrlState } from '../state/urlSchema';
import { whenIdle } from './idle';
import { noteInteraction } from './interaction';
import type { PagePreviews } from './localPreview';

/**
 * performance.measure names: goal input → preview on the page (the paths a drag redraws), the compute time of
 * that preview (on the page for a drag, else in the agents worker), the page's own time to apply it, and goal
 * input → final update (every requested episode).
 */
export const DRAG_UPDATE_MEASURE = 'drag-update';
export const DRAG_COMPUTE_MEASURE = 'drag-update-compute';
/** Main-thread time to apply a preview: preview in hand (the page's or the worker's) → stores set → redrawn. */
export const DRAG_APPLY_MEASURE = 'drag-update-apply';
export const DRAG_SETTLE_MEASURE = 'drag-settle';
/** The hops around the worker's compute: input → the worker takes the request, the worker posts → the page reads. */
export const DRAG_TO_WORKER_MEASURE = 'drag-update-to-worker';
export const DRAG_FROM_WORKER_MEASURE = 'drag-update-from-worker';
const MAX_MEASURES = 2000;

function record(name: string, start: number, end: number): void {
  if (performance.getEntriesByName(name).length >= MAX_MEASURES) performance.clearMeasures(name);
  performance.measure(name, { start, end });
}

/**
 * What asked for an update: a changed setting (a drag, a key, a control), the page opening, new results, or the
 * live check of a precomputed update (its one-episode preview is not shown: the precomputed final one is).
 */
type Cause = 'input' | 'open' | 'results' | 'confirm';

/** The key suffix of an update read from first-screen.json (a live one from the worker replaces it). */
export const PRECOMPUTED_KEY_SUFFIX = ':precomputed';

interface Queued {
  request: Omit<GoalRequest, 'id'>;
  goalDeg: string;
  /** When the goal (or a setting) changed: latency is measured from the input, queueing included. */
  inputAt: number;
  /** Only input updates are measured: the page's first update and a results switch are not drag updates. */
  cause: Cause;
}

/** The longest the agents worker waits for the first screen's paint (a background tab gets no frames). */
const RELEASE_LIMIT_MS = 1000;
/** The longest it waits for the first results: without them it still rolls out the references at the goal. */
const RESULTS_WAIT_LIMIT_MS = 3000;

/**
 * One agents worker per mounted page. A moved goal is previewed on the page and sent to the worker for its final
 * update only. Other goals (the page opening, new results) are previewed by the worker: the newest waiting goal
 * replaces older ones, and is sent at once when nothing is in flight or the one in flight has shown its preview
 * (its final phase is then dropped).
 */
class AgentsChannel {
  private worker: Worker | null = null;
  /**
   * Commands held back (null: sent at once): until the first results arrive, and when those come with a
   * precomputed update, until it is painted. On two cores the worker's start, the results' copy to it and its
   * own rollouts would otherwise share the first screen's time.
   */
  private held: AgentsCommand[] | null = [];
  private releasing = false;
  private version = 0;
  private nextId = 1;
  private inFlight: (Queued & { id: number; previewed: boolean }) | null = null;
  private pending: Queued | null = null;
  private last: Queued | null = null;
  /** A precomputed update for the next results, shown instead of computing it if the settings still match. */
  private primed: { settings: GoalSettings; update: GoalUpdate } | null = null;
  /**
   * The page's own copy of the agents, for drag previews (the worker computes every final update). Its module
   * (the agents' and rollouts' code) loads when the page is first idle, off the first screen's path; until then
   * the worker previews.
   */
  private previews: PagePreviews | null = null;
  private previewsLoading = false;
  private previewResults: PipelineArtifacts | null = null;

  constructor() {
    setTimeout(() => this.release(false), RESULTS_WAIT_LIMIT_MS);
  }

  /** The worker starts with the first command sent. */
  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../workers/agents.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<AgentsEvent>) => this.receive(e.data);
    worker.onerror = (e) =>
      useResults.getState().setError(`agents worker failed: ${e.message || 'load error'}`);
    this.worker = worker;
    return worker;
  }

  /**
   * The update the next results give at `settings`, computed beforehand (the shipped run's first screen): the
   * page shows it at once instead of waiting for the worker.
   */
  prime(settings: GoalSettings, update: GoalUpdate): void {
    this.primed = { settings, update };
  }

  setResults(artifacts: PipelineArtifacts | null): void {
    this.version++;
    this.previewResults = artifacts;
    this.updatePreviews();
    this.post({
      type: 'set-results',
      version: this.version,
      artifacts: artifacts && agentArtifactsOf(artifacts),
    });
    const primed = this.primed;
    this.primed = null;
    const last = this.last;
    if (!last) {
      this.release(false);
      return;
    }
    if (artifacts && primed && settingsKey(primed.settings) === settingsKey(last.request)) {
      // Nothing in flight may overwrite it (an update of the old results would be dropped anyway).
      this.inFlight = null;
      this.pending = null;
      useGoal
        .getState()
        .setGoalUpdate(primed.update, `agents:${last.goalDeg}${PRECOMPUTED_KEY_SUFFIX}`, 'final');
      // The worker rolls the agents out at the same goal; its update replaces the precomputed one when it lands.
      this.request(last.request, last.goalDeg, 'confirm');
      this.release(true);
      return;
    }
    // New agents: roll them out at the current goal at once.
    this.request(last.request, last.goalDeg, 'results');
    this.release(false);
  }

  /** Hand the current results to the page's previews (loading their module first, when idle) and warm them up. */
  private updatePreviews(): void {
    const previews = this.previews;
    if (!previews) {
      if (this.previewsLoading) return;
      this.previewsLoading = true;
      whenIdle(() =>
        import('./localPreview').then(
          ({ PagePreviews }) => {
            this.previews = new PagePreviews();
            this.updatePreviews();
          },
          // Not loaded (offline before it was cached): the worker keeps previewing; the next results try again.
          () => {
            this.previewsLoading = false;
          },
        ),
      );
      return;
    }
    previews.setResults(this.previewResults);
    if (this.previewResults && this.last) previews.warm(this.last.request);
  }

  request(request: Omit<GoalRequest, 'id'>, goalDeg: string, cause: Cause): void {
    if (cause === 'input') noteInteraction();
    const queued: Queued = { request, goalDeg, inputAt: performance.now(), cause };
    this.last = queued;
    if (cause === 'input' && !this.held && this.previewHere(queued)) return;
    this.pending = queued;
    if (!this.inFlight || this.inFlight.previewed) this.sendPending();
  }

  /**
   * A moved goal's preview, computed and drawn on the page at once; the worker gets the goal for its final
   * update only (it drops it if another goal comes before the rest is over). False: the worker previews it.
   */
  private previewHere(queued: Queued): boolean {
    const preview = this.previews?.compute(queued.request);
    if (!preview) return false;
    const final = queued.request.episodes <= 1;
    const key = `${preview.fresh ? 'agents' : 'references'}:${queued.goalDeg}`;
    record(DRAG_COMPUTE_MEASURE, preview.start, preview.end);
    useGoal
      .getState()
      .setGoalUpdate(preview.update, final ? key : `preview:${key}`, final ? 'final' : 'preview');
    queueMicrotask(() => {
      const drawn = performance.now();
      record(DRAG_UPDATE_MEASURE, queued.inputAt, drawn);
      record(DRAG_APPLY_MEASURE, preview.end, drawn);
      if (final) record(DRAG_SETTLE_MEASURE, queued.inputAt, drawn);
    });
    // Whatever the worker has in flight is superseded (its updates are dropped by id).
    this.inFlight = null;
    this.pending = null;
    if (final) return true;
    const id = this.nextId++;
    this.inFlight = { ...queued, id, previewed: true };
    this.post({ type: 'goal', request: { ...queued.request, id, previewed: true } });
    return true;
  }

  private sendPending(): void {
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    const id = this.nextId++;
    this.inFlight = { ...next, id, previewed: false };
    this.post({ type: 'goal', request: { ...next.request, id } });
  }

  private receive(event: AgentsEvent): void {
    const sent = this.inFlight;
    // Updates of superseded goals (a final phase already under way) are dropped.
    if (!sent || event.id !== sent.id) return;
    if (event.type === 'error') {
      this.inFlight = null;
      useResults.getState().setError(`agents at the goal: ${event.message}`);
      this.sendPending();
      return;
    }
    const now = performance.now();
    const first = !sent.previewed;
    const measured = sent.cause === 'input';
    if (first && measured) {
      // The worker's stamps are on the shared clock; this thread's performance.now() counts from its own origin.
      const received = event.receivedAt - performance.timeOrigin;
      const posted = event.postedAt - performance.timeOrigin;
      record(DRAG_COMPUTE_MEASURE, now - event.computeMs, now);
      if (received >= sent.inputAt && posted <= now) {
        record(DRAG_TO_WORKER_MEASURE, sent.inputAt, received);
        record(DRAG_FROM_WORKER_MEASURE, posted, now);
      }
    }
    const fresh = event.version === this.version && event.version !== null;
    const key = `${fresh ? 'agents' : 'references'}:${sent.goalDeg}`;
    if (event.phase === 'preview') {
      sent.previewed = true;
      if (sent.cause !== 'confirm')
        useGoal.getState().setGoalUpdate(event.update, `preview:${key}`, 'preview');
    } else {
      this.inFlight = null;
      useGoal.getState().setGoalUpdate(event.update, key, 'final');
    }
    // React renders a store update in a microtask queued by the set above (panels update in its effects),
    // so this one runs after the page has redrawn: the measures include rendering, not just the worker.
    queueMicrotask(() => {
      const drawn = performance.now();
      if (!measured) return;
      if (first) {
        record(DRAG_UPDATE_MEASURE, sent.inputAt, drawn);
        record(DRAG_APPLY_MEASURE, now, drawn);
      }
      if (event.phase === 'final') record(DRAG_SETTLE_MEASURE, sent.inputAt, drawn);
    });
    this.sendPending();
  }

  /** Send what was held: now, or once the frame being drawn is painted (a task queued from a frame callback). */
  private release(afterPaint: boolean): void {
    if (!this.held || this.releasing) return;
    const flush = () => {
      const held = this.held;
      if (!held) return;
      this.held = null;
      this.releasing = false;
      for (const command of held) this.post(command);
    };
    if (!afterPaint) {
      flush();
      return;
    }
    this.releasing = true;
    requestAnimationFrame(() => setTimeout(flush, 0));
    setTimeout(flush, RELEASE_LIMIT_MS);
  }

  private post(command: AgentsCommand): void {
    if (this.held) this.held.push(command);
    else this.started().postMessage(command);
  }
}

let shared: AgentsChannel | null = null;

/**
 * The page's one agents channel, made on first use (main.tsx makes it before the first render, so that it follows
 * the stores from the start). Its worker starts with the first results, or once the first screen drawn from the
 * precomputed update is painted, and lives as long as the page.
 */
export function agentsChannel(): AgentsChannel {
  if (!shared) {
    const channel = new AgentsChannel();
    shared = channel;
    bindStores(channel);
  }
  return shared;
}

/** The fields of the link that decide the agents' rollouts at the goal. */
const GOAL_FIELDS = [
  ...FAMILY_FIELDS,
  'goal',
  't',
  'gx',
  'gy',
  'constraint',
  'K',
  'episodes',
  'seed',
] as const satisfies readonly (keyof UrlState)[];

/**
 * Feed the channel from the stores, not from React effects: results go to the worker as soon as they load,
 * and a goal request leaves as soon as the setting changes, whether or not the page has rendered yet.
 */
function bindStores(channel: AgentsChannel): void {
  let artifacts: PipelineArtifacts | null = null;
  const onResults = (next: PipelineArtifacts | null) => {
    // A patch that leaves the agents alone (an evaluation, the race curves arriving) needs no new rollouts.
    const same = sameAgents(artifacts, next);
    artifacts = next;
    if (!same) channel.setResults(next);
  };
  let key = '';
  const onSettings = (s: UrlState, cause: Cause = 'input') => {
    const k = GOAL_FIELDS.map((f) => String(s[f])).join('|');
    if (k === key) return;
    key = k;
    channel.request(goalSettingsOf(s), goalTag(s), cause);
  };
  onSettings(useSettings.getState().settings, 'open');
  onResults(useResults.getState().artifacts);
  useSettings.subscribe((st) => onSettings(st.settings));
  useResults.subscribe((st) => onResults(st.artifacts));
}

/** Mounts the agents worker (main.tsx has usually started it already); it follows the stores by itself. */
export function useGoalRollouts(): void {
  useEffect(() => {
    agentsChannel();
  }, []);
}
