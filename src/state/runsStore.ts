// The runs list: kept runs (IndexedDB, or this session only when it fails), the shipped run, open/rename/delete/import.
import { create } from 'zustand';
import type { PipelineArtifacts } from '../core/pipeline/artifacts';
import { type ResultsSource, type ShownRun, useResults } from './resultsStore';
import { type RunDb, RunDbError } from './runDb';
import {
  AUTO_SAVED_RUNS_KEPT,
  makeRun,
  PRETRAINED_RUN_ID,
  type RunSummary,
  runFromFileText,
  runsPastCap,
  type StoredRun,
  settingsFromConfig,
  summaryOf,
} from './runs';
import { useSettings } from './settingsStore';

/** A run in the list; 'session': the browser would not store it, so it lasts until the page is closed. */
export interface ListedRun extends RunSummary {
  kept: 'stored' | 'session' | 'shipped';
}

export interface RunsMessage {
  kind: 'error' | 'info';
  text: string;
}

export interface RunsState {
  /** 'unavailable': no IndexedDB here; runs are kept for this session only (the page says so). */
  status: 'loading' | 'ready' | 'unavailable';
  /** Kept runs, oldest first, then this session's unstored ones. */
  runs: ListedRun[];
  /** The shipped pretrained run, once its file has loaded. */
  shipped: StoredRun | null;
  /** The run shown when the page was last closed (read at start-up). */
  lastShownId: string | null;
  message: RunsMessage | null;
  /** navigator.storage.estimate(), where the browser has it. */
  storage: { usage: number; quota: number } | null;
}

const INITIAL: RunsState = {
  status: 'loading',
  runs: [],
  shipped: null,
  lastShownId: null,
  message: null,
  storage: null,
};

export const useRuns = create<RunsState>(() => INITIAL);

let db: RunDb | null = null;
/** Runs the browser would not store: kept in memory so that nothing trained is lost before the page closes. */
const sessionRuns = new Map<string, StoredRun>();

const set = (patch: Partial<RunsState>) => useRuns.setState(patch);
const say = (kind: RunsMessage['kind'], text: string) => set({ message: { kind, text } });

function failureText(what: string, e: unknown): string {
  const err = e instanceof RunDbError ? e : new RunDbError('other', String(e));
  if (err.kind === 'quota')
    return `${what}: the browser's storage for this page is full. Nothing is lost: the run stays in the list until you close the page — export it, or delete older runs to make room.`;
  if (err.kind === 'unavailable')
    return `${what}: this browser does not let the page store runs (${err.message}). Runs last until the page is closed; export them to keep them.`;
  return `${what}: ${err.message}. Nothing is lost: the run stays in the list until you close the page.`;
}

const listed = (run: RunSummary, kept: ListedRun['kept']): ListedRun => ({ ...run, kept });

function sessionList(): ListedRun[] {
  return [...sessionRuns.values()].map((r) => listed(summaryOf(r), 'session'));
}

/** Every run the reader can open: the shipped one first, then the kept ones. */
export function allRuns(s: RunsState = useRuns.getState()): ListedRun[] {
  return s.shipped ? [listed(summaryOf(s.shipped), 'shipped'), ...s.runs] : s.runs;
}

/** Kept runs listed before "Show all": the newest ones (and the shipped and the shown run, always). */
export const RUNS_LISTED = 5;

/** The rows the list draws: every run, or (collapsed) the shipped run, the shown one and the newest few. */
export function listedRuns(runs: readonly ListedRun[], shownId: string | null, all: boolean): ListedRun[] {
  if (all) return [...runs];
  const kept = runs
    .filter((r) => r.kept !== 'shipped')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const newest = new Set(kept.slice(-RUNS_LISTED).map((r) => r.id));
  return runs.filter((r) => r.kept === 'shipped' || r.id === shownId || newest.has(r.id));
}

export async function refreshStorageEstimate(): Promise<void> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.estimate) return;
  try {
    const { usage, quota } = await storage.estimate();
    if (typeof usage === 'number' && typeof quota === 'number') set({ storage: { usage, quota } });
  } catch {
    // No estimate: the list just does not show one.
  }
}

async function reloadList(): Promise<void> {
  const stored = db ? (await db.list()).map((r) => listed(r, 'stored' as const)) : [];
  set({ runs: [...stored, ...sessionList()] });
  void refreshStorageEstimate();
}

/** Open the database and read the list; where that fails the page keeps working and says so. */
export async function initRuns(open: () => Promise<RunDb>): Promise<void> {
  try {
    db = await open();
    const lastShownId = await db.lastShown();
    await reloadList();
    // Ready only with the list read: the page picks the run for the link from it.
    set({ status: 'ready', lastShownId });
  } catch (e) {
    db = null;
    set({ status: 'unavailable', runs: sessionList() });
    say('error', failureText('Runs cannot be kept in this browser', e));
  }
}

const shippedDay = (generatedAt: string | null): Date =>
  generatedAt && !Number.isNaN(Date.parse(generatedAt)) ? new Date(generatedAt) : new Date(0);

/** The shipped run (its file has loaded); `generatedAt` is the file's day. */
export function setShippedRun(artifacts: PipelineArtifacts, generatedAt: string | null): void {
  set({
    shipped: makeRun(artifacts, {
      id: PRETRAINED_RUN_ID,
      name: 'Pretrained run',
      createdAt: shippedDay(generatedAt),
      origin: 'shipped',
    }),
  });
}

/** How the page names the shipped run of that day (the same as shownRunOf once its whole file has loaded). */
export const shippedRunShown = (generatedAt: string | null): ShownRun => ({
  id: PRETRAINED_RUN_ID,
  name: 'Pretrained run',
  createdAt: shippedDay(generatedAt).toISOString(),
});

let idCounter = 0;
/** A fresh run id (time-ordered, unique within the page). */
export const newRunId = (now = Date.now()): string =>
  `run-${now.toString(36)}-${(++idCounter).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Keep a run: stored when the browser allows, else for this session (with a message). Resolves to the run's id. */
export async function keepRun(run: StoredRun): Promise<string> {
  if (db) {
    try {
      await db.put(run);
      sessionRuns.delete(run.id);
      await reloadList();
      await removeRunsPastCap(run.id);
      return run.id;
    } catch (e) {
      say('error', failureText(`“${run.name}” could not be stored`, e));
    }
  }
  sessionRuns.set(run.id, run);
  set({
    runs: [...useRuns.getState().runs.filter((r) => r.id !== run.id), listed(summaryOf(run), 'session')],
  });
  await removeRunsPastCap(run.id);
  return run.id;
}

const shortDate = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/**
 * Keep the AUTO_SAVED_RUNS_KEPT most recent auto-saved runs (every retrain saves one, and a long session would
 * otherwise fill the browser's storage and the list): older ones are deleted, and the message names them. Renamed
 * and imported runs, the run on screen and the one just kept are never removed.
 */
async function removeRunsPastCap(justKept: string): Promise<void> {
  const { lastShownId } = useRuns.getState();
  const protect = new Set([justKept, useResults.getState().shown?.id ?? '', lastShownId ?? '']);
  const past = runsPastCap(useRuns.getState().runs, protect);
  if (past.length === 0) return;
  try {
    for (const r of past) {
      if (r.kept === 'session') sessionRuns.delete(r.id);
      else if (db) await db.remove(r.id);
    }
    await reloadList();
  } catch (e) {
    say('error', failureText('An old auto-saved run could not be removed', e));
    return;
  }
  const names = past.map((r) => `“${r.name}” (${shortDate(r.createdAt)})`).join(', ');
  const text =
    `Removed the oldest auto-saved run${past.length === 1 ? '' : 's'}: ${names}. The page keeps the ` +
    `${AUTO_SAVED_RUNS_KEPT} most recent; rename a run (or export it) to keep it for good.`;
  const current = useRuns.getState().message;
  if (current?.kind === 'error') say('error', `${current.text} ${text}`);
  else say('info', text);
}

/** A run with its weights, from wherever it is kept. */
export async function loadRun(id: string): Promise<StoredRun | null> {
  const { shipped } = useRuns.getState();
  if (id === PRETRAINED_RUN_ID) return shipped;
  if (sessionRuns.has(id)) return sessionRuns.get(id) ?? null;
  if (!db) return null;
  try {
    return await db.get(id);
  } catch (e) {
    say('error', failureText('The run could not be read', e));
    return null;
  }
}

export const shownRunOf = (run: RunSummary): ShownRun => ({
  id: run.id,
  name: run.name,
  createdAt: run.createdAt,
});
const sourceOf = (run: RunSummary): ResultsSource => (run.origin === 'shipped' ? 'pretrained' : 'live');

let openToken = 0;

/**
 * Show a run. With `applySettings` the link's training settings become the run's (opening from the list); without,
 * the settings stay (the page picked the run for them). Resolves false when the run could not be read.
 */
export async function openRun(id: string, options: { applySettings: boolean }): Promise<boolean> {
  const token = ++openToken;
  const run = await loadRun(id);
  if (token !== openToken) return false;
  if (!run) {
    say('error', 'That run is no longer kept; the page still shows the previous one.');
    return false;
  }
  useResults.getState().setArtifacts(run.artifacts, sourceOf(run), shownRunOf(run));
  if (options.applySettings) useSettings.getState().update(settingsFromConfig(run.config));
  rememberShown(run.id);
  return true;
}

/** Remember the shown run for the next visit (best effort: a failure only loses that preference). */
export function rememberShown(id: string | null): void {
  set({ lastShownId: id });
  db?.setLastShown(id).catch(() => undefined);
}

export async function renameRun(id: string, name: string): Promise<void> {
  const clean = name.trim().slice(0, 80);
  if (!clean || id === PRETRAINED_RUN_ID) return;
  const session = sessionRuns.get(id);
  try {
    if (session) sessionRuns.set(id, { ...session, name: clean });
    else if (db) await db.rename(id, clean);
    await reloadList();
  } catch (e) {
    say('error', failureText('The run could not be renamed', e));
    return;
  }
  const { shown, setShown } = useResults.getState();
  if (shown?.id === id) setShown({ ...shown, name: clean });
}

/** Delete a kept run; the shown one is replaced by the shipped run (the page never shows a deleted run). */
export async function deleteRun(id: string): Promise<void> {
  if (id === PRETRAINED_RUN_ID) return;
  try {
    sessionRuns.delete(id);
    if (db) await db.remove(id);
    await reloadList();
  } catch (e) {
    say('error', failureText('The run could not be deleted', e));
    return;
  }
  if (useResults.getState().shown?.id === id && useRuns.getState().shipped) {
    await openRun(PRETRAINED_RUN_ID, { applySettings: true });
    say('info', 'The deleted run was on screen; the page now shows the pretrained run.');
  }
}

/** Import a run file; a bad file gets a message and changes nothing. Resolves to the new run's id, or null. */
export async function importRunFile(
  text: string,
  fileName: string,
  now = new Date(),
): Promise<string | null> {
  set({ message: null });
  const result = runFromFileText(text, fileName, { id: newRunId(now.getTime()), now });
  if ('error' in result) {
    say('error', `Not imported: ${result.error}. Nothing was changed.`);
    return null;
  }
  const id = await keepRun(result.run);
  if (useRuns.getState().message?.kind !== 'error') say('info', `Imported “${result.run.name}”.`);
  return id;
}

export const dismissRunsMessage = (): void => set({ message: null });

/** Forget everything (tests). */
export function resetRunsForTests(): void {
  db = null;
  sessionRuns.clear();
  openToken = 0;
  useRuns.setState(INITIAL, true);
}
