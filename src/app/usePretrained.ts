// Start-up: fetch the shipped pretrained results next to the page (sub-path safe), check them in core, store them;
// the shipped run's precomputed update at the default goal (first-screen.json) is shown without the agents worker.
import { useEffect } from 'react';
import { FIRST_SCREEN_PATH, firstScreenUpdateFor } from '../core/pipeline/firstScreen';
import { PRETRAINED_PATH, parsePretrained } from '../core/pipeline/pretrainedFile';
import { useResults } from '../state/resultsStore';
import { setShippedRun, shownRunOf, useRuns } from '../state/runsStore';
import { agentsChannel } from './useGoalRollouts';

/** performance.mark names of the start-up milestones (read by `npm run bench:browser`). */
export const START_MARKS = {
  /** main.tsx starts: the page's script is downloaded, compiled and its modules evaluated. */
  script: 'hereditary:script-start',
  pretrained: 'hereditary:pretrained-loaded',
  backend: 'hereditary:backend-known',
  agents: 'hereditary:agents-at-goal',
  ready: 'hereditary:app-ready',
} as const;

let loading: Promise<void> | null = null;

/** The precomputed first screen, or null (missing, unreadable: the agents worker computes it as for any goal). */
async function fetchFirstScreen(): Promise<unknown> {
  try {
    const res = await fetch(new URL(FIRST_SCREEN_PATH, document.baseURI));
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}

async function loadPretrained(): Promise<void> {
  const store = useResults.getState();
  const firstScreen = fetchFirstScreen();
  try {
    const url = new URL(PRETRAINED_PATH, document.baseURI);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${PRETRAINED_PATH}: HTTP ${res.status}`);
    const json: unknown = await res.json();
    const parsed = parsePretrained(json);
    if ('error' in parsed) throw new Error(parsed.error);
    const rawDay = (json as { generated_at?: unknown }).generated_at;
    const day = typeof rawDay === 'string' ? rawDay : null;
    setShippedRun(parsed.artifacts, day);
    const first = firstScreenUpdateFor(await firstScreen, parsed.artifacts, day);
    const shipped = useRuns.getState().shipped;
    // A run already shown (a kept run the link names) wins; the pretrained results never replace it.
    if (useResults.getState().artifacts === null && shipped) {
      // Used only if the page's goal settings are the ones it was computed at (the channel checks).
      if (first) agentsChannel().prime(first.settings, first.update);
      store.setArtifacts(parsed.artifacts, 'pretrained', shownRunOf(shipped));
    }
    store.setPretrained('loaded');
    performance.mark(START_MARKS.pretrained);
  } catch (e) {
    store.setError(
      `No pretrained results: ${e instanceof Error ? e.message : String(e)}. Train live instead.`,
    );
    store.setPretrained('failed');
  }
}

/** Start loading the pretrained results, once per page (main.tsx calls it before the first render). */
export function startPretrainedLoad(): Promise<void> {
  if (!loading) loading = loadPretrained();
  return loading;
}

/** Load once per page (StrictMode runs effects twice; the fetch is shared). */
export function usePretrained(): void {
  useEffect(() => {
    void startPretrainedLoad();
  }, []);
}
