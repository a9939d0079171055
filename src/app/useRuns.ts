// Runs on the page: open the run store, keep every finished or cancelled live run, and show the run the link names.
import { useEffect, useRef } from 'react';
import type { HereditaryArtifact } from '../core/pipeline/artifacts';
import { trainingDifferences } from '../state/derived';
import { isBusy, useResults } from '../state/resultsStore';
import { openIndexedRunDb } from '../state/runDb';
import { chooseRun, liveRunName, makeRun } from '../state/runs';
import {
  allRuns,
  initRuns,
  keepRun,
  newRunId,
  openRun,
  rememberShown,
  shownRunOf,
  useRuns,
} from '../state/runsStore';
import { liveRunArtifacts, useWantedConfig } from './useLiveTraining';

let started = false;

/** Open the run database once per page (main.tsx may call it before the first render). */
export function startRunsLoad(): void {
  if (started) return;
  started = true;
  void initRuns(() => openIndexedRunDb());
}

const TERMINAL = new Set(['done', 'cancelled', 'error']);
/** The last live run kept: a run continued after a cancel is kept again under the same id (one entry, completed). */
let lastKept: { hereditary: HereditaryArtifact; id: string } | null = null;

/** Keep a live run that ended with results (geometry at least); the page then names it as shown. */
async function keepEndedLiveRun(): Promise<void> {
  const { live } = useResults.getState();
  if (!live.config) return;
  const artifacts = liveRunArtifacts(live.config, live.checkpoints);
  if (!artifacts) return;
  const id = lastKept?.hereditary === artifacts.hereditary ? lastKept.id : newRunId();
  lastKept = { hereditary: artifacts.hereditary, id };
  const now = new Date();
  const trainMs = live.status === 'done' && live.startedAt ? now.getTime() - live.startedAt : undefined;
  const name = liveRunName(live.config) + (live.status === 'done' ? '' : ` (${live.status}, partial)`);
  const run = makeRun(artifacts, { id, name, createdAt: now, origin: 'live', trainMs });
  await keepRun(run);
  const results = useResults.getState();
  // The page shows this run (not one opened meanwhile): it now has a name and a date.
  if (results.source === 'live' && results.artifacts?.hereditary === artifacts.hereditary) {
    results.setShown(shownRunOf(run));
    rememberShown(id);
  }
}

function useKeepLiveRuns(): void {
  useEffect(
    () =>
      useResults.subscribe((s, prev) => {
        if (s.live.status !== prev.live.status && TERMINAL.has(s.live.status)) void keepEndedLiveRun();
      }),
    [],
  );
}

/**
 * The link names settings, not weights: on open the page shows the run whose settings match (the one shown
 * last among equals), else the nearest one (the stale banner says what differs). Later, a settings change shows a
 * kept run that matches exactly; nothing ever trains from here.
 */
function useRunForSettings(): void {
  const wanted = useWantedConfig();
  const pretrained = useResults((s) => s.pretrained);
  const runsStatus = useRuns((s) => s.status);
  const opened = useRef(false);
  useEffect(() => {
    if (runsStatus === 'loading') return;
    const { lastShownId } = useRuns.getState();
    const choice = chooseRun(wanted, allRuns(), lastShownId);
    // Before the shipped file is in, only the run shown last, matching exactly, is sure to be the answer.
    const restoring = choice?.run.id === lastShownId && choice?.differences.length === 0;
    if (pretrained === 'loading' && !restoring) return;
    const results = useResults.getState();
    const busy = isBusy(results.live.status);
    const first = !opened.current;
    opened.current = true;
    if (!choice || choice.run.id === results.shown?.id) return;
    if (first) {
      void openRun(choice.run.id, { applySettings: false });
      return;
    }
    const shownFits = results.artifacts && trainingDifferences(results.artifacts.config, wanted).length === 0;
    if (!busy && !shownFits && choice.differences.length === 0)
      void openRun(choice.run.id, { applySettings: false });
  }, [wanted, pretrained, runsStatus]);
}

/** Mounts the runs: the store, keeping live runs, and the run for the link's settings. */
export function useRunsOnPage(): void {
  useEffect(startRunsLoad, []);
  useKeepLiveRuns();
  useRunForSettings();
}
