// Start-up: the shipped run's first screen (first-screen.json: the run less what only the stories read, and the
// agents' update at the default goal), then the whole pretrained file after the first screen is drawn (sub-path safe).
import { useEffect } from 'react';
import {
  FIRST_SCREEN_PATH,
  type FirstScreen,
  firstScreenBelongsTo,
  readFirstScreen,
  withDeferredArtifacts,
} from '../core/pipeline/firstScreen';
import { PRETRAINED_PATH, parsePretrained } from '../core/pipeline/pretrainedFile';
import { useResults } from '../state/resultsStore';
import { setShippedRun, shippedRunShown, shownRunOf, useRuns } from '../state/runsStore';
import { BUNDLE_START_MARK } from './bootMark';
import { agentsChannel } from './useGoalRollouts';

/** performance.mark names of the start-up milestones (read by `npm run bench:browser`). */
export const START_MARKS = {
  /** The bundle starts to run (bootMark.ts, main.tsx's first import). */
  bundle: BUNDLE_START_MARK,
  /** main.tsx starts: the page's script is downloaded, compiled and its modules evaluated. */
  script: 'hereditary:script-start',
  /** The first screen's results are stored (from first-screen.json, or the whole file when that is unusable). */
  pretrained: 'hereditary:pretrained-loaded',
  /** The whole pretrained file is parsed and stored (the stories below the first screen wait for it). */
  whole: 'hereditary:pretrained-whole',
  backend: 'hereditary:backend-known',
  agents: 'hereditary:agents-at-goal',
  ready: 'hereditary:app-ready',
} as const;

let loading: Promise<void> | null = null;
let wholeLoading: Promise<void> | null = null;
/** The first screen read from first-screen.json, once it is in (null: missing or unusable). */
let firstScreen: FirstScreen | null = null;

/** The precomputed first screen, or null (missing, unreadable: the whole file is loaded at once instead). */
async function fetchFirstScreen(): Promise<FirstScreen | null> {
  try {
    const res = await fetch(new URL(FIRST_SCREEN_PATH, document.baseURI));
    return res.ok ? readFirstScreen(await res.json()) : null;
  } catch {
    return null;
  }
}

/** Show the first screen's run, unless a run is shown already (a kept run the link names wins). */
async function loadFirstScreen(): Promise<void> {
  firstScreen = await fetchFirstScreen();
  if (!firstScreen) return startWholePretrainedLoad();
  const store = useResults.getState();
  if (store.artifacts === null) {
    // Used only if the page's goal settings are the ones it was computed at (the channel checks).
    agentsChannel().prime(firstScreen.settings, firstScreen.update);
    store.setArtifacts(firstScreen.artifacts, 'pretrained', shippedRunShown(firstScreen.run.generated_at));
  }
  performance.mark(START_MARKS.pretrained);
}

async function loadWholePretrained(): Promise<void> {
  const store = useResults.getState();
  try {
    const url = new URL(PRETRAINED_PATH, document.baseURI);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${PRETRAINED_PATH}: HTTP ${res.status}`);
    const json: unknown = await res.json();
    const parsed = parsePretrained(json);
    if ('error' in parsed) throw new Error(parsed.error);
    const rawDay = (json as { generated_at?: unknown }).generated_at;
    const day = typeof rawDay === 'string' ? rawDay : null;
    const first =
      firstScreen && firstScreenBelongsTo(firstScreen, parsed.artifacts, day) ? firstScreen : null;
    // The first screen's objects completed, so the run on screen keeps its agents (no new rollouts).
    const whole = first ? withDeferredArtifacts(first.artifacts, parsed.artifacts) : parsed.artifacts;
    setShippedRun(whole, day);
    const shipped = useRuns.getState().shipped;
    const shown = useResults.getState().artifacts;
    // The first screen's run becomes the whole one; a run shown otherwise (a kept run the link names) wins.
    if (shipped && (shown === null || shown === firstScreen?.artifacts))
      store.setArtifacts(whole, 'pretrained', shownRunOf(shipped));
    store.setPretrained('loaded');
    if (!firstScreen) performance.mark(START_MARKS.pretrained);
    performance.mark(START_MARKS.whole);
  } catch (e) {
    store.setError(
      `No pretrained results: ${e instanceof Error ? e.message : String(e)}. Train live instead.`,
    );
    store.setPretrained('failed');
  }
}

/** Start loading the first screen's results, once per page (main.tsx calls it before the first render). */
export function startPretrainedLoad(): Promise<void> {
  if (!loading) loading = loadFirstScreen();
  return loading;
}

/** Load the whole pretrained file, once per page: after the first screen (App.tsx), or at once without one. */
export function startWholePretrainedLoad(): Promise<void> {
  if (!wholeLoading) wholeLoading = loadWholePretrained();
  return wholeLoading;
}

/** Load once per page (StrictMode runs effects twice; the fetch is shared). */
export function usePretrained(): void {
  useEffect(() => {
    void startPretrainedLoad();
  }, []);
}
