// Keeps the verdict of the training set on screen current: read from the matching run, else fitted in the worker.
import { useEffect } from 'react';
import type { ExperimentConfig } from '../core/experimentConfig';
import { trainingDifferences, trainingKey } from '../state/derived';
import { useEdit } from '../state/editStore';
import { useResults } from '../state/resultsStore';
import { summariseVerdict, useVerdict } from '../state/verdictStore';
import type { Compute } from './useCompute';
import { useWantedConfig } from './useLiveTraining';

/** Quiet time after an edit before a fit starts (a drag sends many edits; the fit follows the last). */
const FIT_DEBOUNCE_MS = 150;

/** One fit at a time; a set asked for while one runs waits, and only the latest waits. */
let running = false;
/** The set whose fit is scheduled or running (a re-render for another reason must not schedule it twice). */
let scheduledKey: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let waiting: { compute: Compute; config: ExperimentConfig; key: string; since: number } | null = null;

function fitVerdict(compute: Compute, config: ExperimentConfig, key: string, since: number): void {
  if (running) {
    waiting = { compute, config, key, since };
    return;
  }
  running = true;
  const stillWanted = () => useVerdict.getState().key === key;
  compute
    // The helper worker: the main one is busy timing this machine after the first screen (and training later), and a
    // verdict there waited behind it (3.6–5.1 s for a first edit); beside it, the fit has a thread of its own.
    .submit('verdict', { experiment: config }, 'helper')
    .done.then((result) => {
      if (stillWanted())
        useVerdict.getState().set({
          status: 'done',
          summary: summariseVerdict(result),
          source: 'fit',
          ms: performance.now() - since,
          error: null,
        });
    })
    .catch((e: unknown) => {
      if (scheduledKey === key) scheduledKey = null;
      if (stillWanted())
        useVerdict
          .getState()
          .set({ status: 'error', summary: null, error: e instanceof Error ? e.message : String(e) });
    })
    .finally(() => {
      running = false;
      const next = waiting;
      waiting = null;
      if (next && useVerdict.getState().key === next.key)
        fitVerdict(next.compute, next.config, next.key, next.since);
    });
}

export function useVerdictFit(compute: Compute | null): void {
  const wanted = useWantedConfig();
  const editing = useEdit((s) => s.editing);
  // Edits are coming: start the helper worker the verdicts run in, so the first one does not wait for its script.
  useEffect(() => {
    if (editing) compute?.prepare('helper');
  }, [editing, compute]);
  const artifacts = useResults((s) => s.artifacts);
  // Only the fields read below: the live run changes many times a second while it trains (progress, previews).
  const liveKey = useResults((s) => s.live.key);
  const liveHereditary = useResults((s) => s.live.checkpoints.hereditary);
  useEffect(() => {
    const key = trainingKey(wanted);
    const store = useVerdict.getState();
    // The results on screen (or the live run's finished geometry) were trained for exactly this set: no fit needed.
    const fromRun =
      artifacts && trainingDifferences(artifacts.config, wanted).length === 0
        ? artifacts.hereditary.result
        : liveKey === key
          ? liveHereditary?.result
          : undefined;
    if (fromRun) {
      clearTimeout(timer);
      scheduledKey = null;
      store.set({
        key,
        status: 'done',
        summary: summariseVerdict(fromRun),
        source: 'run',
        ms: null,
        error: null,
      });
      return;
    }
    if (store.key === key && (store.status === 'done' || scheduledKey === key)) return;
    clearTimeout(timer);
    store.set({ key, status: 'fitting', summary: null, error: null });
    if (!compute) return;
    scheduledKey = key;
    const since = performance.now();
    timer = setTimeout(() => fitVerdict(compute, wanted, key, since), FIT_DEBOUNCE_MS);
  }, [compute, wanted, artifacts, liveKey, liveHereditary]);
}
