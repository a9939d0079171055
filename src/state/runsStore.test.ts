// The runs list over an in-memory database: keep, open, rename, delete, import, and failures that lose nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PRETRAINED_PATH, parsePretrained } from '../core/pipeline/pretrainedFile';
import { useResults } from './resultsStore';
import { memoryRunDb, RunDbError } from './runDb';
import {
  AUTO_SAVED_RUNS_KEPT,
  isAutoSaved,
  liveRunName,
  makeRun,
  PRETRAINED_RUN_ID,
  runFileText,
} from './runs';
import {
  allRuns,
  deleteRun,
  importRunFile,
  initRuns,
  keepRun,
  listedRuns,
  openRun,
  RUNS_LISTED,
  renameRun,
  resetRunsForTests,
  setShippedRun,
  useRuns,
} from './runsStore';
import { useSettings } from './settingsStore';
import { defaultUrlState } from './urlSchema';

const shippedText = readFileSync(join('public', PRETRAINED_PATH), 'utf8');
const parsed = parsePretrained(JSON.parse(shippedText));
if ('error' in parsed) throw new Error(parsed.error);
const artifacts = parsed.artifacts;

const liveRun = (id: string, seed: number) =>
  makeRun(
    { ...artifacts, config: { ...artifacts.config, seed } },
    {
      id,
      name: `seed ${seed}`,
      createdAt: new Date(`2025-05-0${seed % 9}T00:00:00Z`),
      origin: 'live',
      trainMs: 20_000,
    },
  );

beforeEach(() => {
  resetRunsForTests();
  useResults.setState({ artifacts: null, source: null, shown: null, error: null });
  useSettings.setState({ settings: defaultUrlState() });
  setShippedRun(artifacts, '2025-03-04');
});

describe('runs kept in the database', () => {
  it('are listed after the shipped run, and survive a new page (a fresh store on the same database)', async () => {
    const db = memoryRunDb();
    await initRuns(async () => db);
    await keepRun(liveRun('a', 11));
    expect(allRuns().map((r) => [r.id, r.kept])).toEqual([
      [PRETRAINED_RUN_ID, 'shipped'],
      ['a', 'stored'],
    ]);
    resetRunsForTests();
    await initRuns(async () => db);
    expect(useRuns.getState().runs.map((r) => r.id)).toEqual(['a']);
  });

  it('open: the page shows the run, its settings become the link’s, and it is remembered', async () => {
    const db = memoryRunDb();
    await initRuns(async () => db);
    await keepRun(liveRun('a', 11));
    expect(await openRun('a', { applySettings: true })).toBe(true);
    expect(useResults.getState().shown).toMatchObject({ id: 'a', name: 'seed 11' });
    expect(useResults.getState().source).toBe('live');
    expect(useResults.getState().artifacts?.config.seed).toBe(11);
    expect(useSettings.getState().settings.seed).toBe(11);
    expect(await db.lastShown()).toBe('a');
    await openRun(PRETRAINED_RUN_ID, { applySettings: true });
    expect(useResults.getState().source).toBe('pretrained');
    expect(useSettings.getState().settings.seed).toBe(artifacts.config.seed);
  });

  it('rename renames the shown run too; delete of the shown run goes back to the shipped one', async () => {
    await initRuns(async () => memoryRunDb());
    await keepRun(liveRun('a', 11));
    await openRun('a', { applySettings: true });
    await renameRun('a', '  Best so far ');
    expect(useRuns.getState().runs[0].name).toBe('Best so far');
    expect(useResults.getState().shown?.name).toBe('Best so far');
    await deleteRun('a');
    expect(useRuns.getState().runs).toEqual([]);
    expect(useResults.getState().shown?.id).toBe(PRETRAINED_RUN_ID);
    // The shipped run cannot be deleted or renamed.
    await deleteRun(PRETRAINED_RUN_ID);
    await renameRun(PRETRAINED_RUN_ID, 'x');
    expect(allRuns().map((r) => r.name)).toEqual(['Pretrained run']);
  });
});

describe('import', () => {
  it('an exported run comes back as a new run', async () => {
    await initRuns(async () => memoryRunDb());
    const shipped = useRuns.getState().shipped!;
    const id = await importRunFile(runFileText(shipped), 'hereditary-pretrained.json');
    expect(id).not.toBeNull();
    expect(useRuns.getState().runs).toMatchObject([{ id, name: 'Pretrained run', origin: 'imported' }]);
    expect(useRuns.getState().message).toEqual({ kind: 'info', text: 'Imported “Pretrained run”.' });
  });

  it('a bad file gets a message and changes nothing', async () => {
    await initRuns(async () => memoryRunDb());
    await keepRun(liveRun('a', 11));
    const before = useRuns.getState().runs;
    expect(await importRunFile('{"format":"hereditary-pretrained/1"}', 'broken.json')).toBeNull();
    expect(useRuns.getState().runs).toBe(before);
    expect(useRuns.getState().message?.kind).toBe('error');
    expect(useRuns.getState().message?.text).toMatch(
      /^Not imported: broken\.json: the file has no artifacts/,
    );
    expect(useRuns.getState().message?.text).toMatch(/Nothing was changed\.$/);
  });
});

describe('failures lose nothing', () => {
  it('a full disk keeps the run for this session, says so, and it still opens', async () => {
    await initRuns(async () => memoryRunDb({ failPut: 'quota' }));
    await keepRun(liveRun('a', 11));
    expect(useRuns.getState().runs.map((r) => [r.id, r.kept])).toEqual([['a', 'session']]);
    expect(useRuns.getState().message?.text).toMatch(/storage for this page is full\. Nothing is lost/);
    expect(await openRun('a', { applySettings: false })).toBe(true);
    expect(useResults.getState().artifacts?.config.seed).toBe(11);
  });

  it('no IndexedDB: the list works for this session and the page says why', async () => {
    await initRuns(async () => {
      throw new RunDbError('unavailable', 'this browser has no IndexedDB');
    });
    expect(useRuns.getState().status).toBe('unavailable');
    expect(useRuns.getState().message?.text).toMatch(/does not let the page store runs/);
    await keepRun(liveRun('a', 11));
    await renameRun('a', 'kept anyway');
    expect(allRuns().map((r) => [r.name, r.kept])).toEqual([
      ['Pretrained run', 'shipped'],
      ['kept anyway', 'session'],
    ]);
  });
});

/** A run saved by the page after a retrain: its default name, minute `i` of one day. */
const autoRun = (i: number, status = '') => {
  const run = liveRun(`auto-${String(i).padStart(3, '0')}`, 21);
  const createdAt = new Date(Date.UTC(2025, 4, 1, 0, i)).toISOString();
  return { ...run, createdAt, name: liveRunName(run.config) + status };
};

describe('a long session keeps the most recent auto-saved runs, and says what it removed', () => {
  it('tells auto-saved runs from renamed and imported ones', () => {
    expect(isAutoSaved(autoRun(1))).toBe(true);
    expect(isAutoSaved(autoRun(1, ' (cancelled, partial)'))).toBe(true);
    expect(isAutoSaved({ ...autoRun(1), name: 'My best run' })).toBe(false);
    expect(isAutoSaved({ ...autoRun(1), origin: 'imported' })).toBe(false);
  });

  it('past the cap the oldest auto-saved runs go; renamed, imported and shown runs stay', async () => {
    const db = memoryRunDb();
    await initRuns(async () => db);
    await keepRun(autoRun(0));
    await renameRun('auto-000', 'Renamed, kept for good');
    await keepRun({ ...autoRun(1), origin: 'imported', name: 'From a file' });
    await keepRun(autoRun(2));
    await openRun('auto-002', { applySettings: false });
    const total = AUTO_SAVED_RUNS_KEPT + 6;
    for (let i = 3; i < total; i++) await keepRun(autoRun(i));
    const ids = (await db.list()).map((r) => r.id);
    const auto = (await db.list()).filter(isAutoSaved).map((r) => r.id);
    expect(auto).toHaveLength(AUTO_SAVED_RUNS_KEPT);
    // The shown run is kept past its turn; the others removed are the oldest.
    expect(ids).toEqual(
      expect.arrayContaining([
        'auto-000',
        'auto-001',
        'auto-002',
        `auto-${String(total - 1).padStart(3, '0')}`,
      ]),
    );
    expect(ids).not.toContain('auto-003');
    expect(useRuns.getState().runs.map((r) => r.id)).toEqual(ids);
    const message = useRuns.getState().message;
    expect(message?.kind).toBe('info');
    expect(message?.text).toMatch(
      /^Removed the oldest auto-saved run: “Live run, seed 21, quick” \(2025-05-01 00:\d\d\)/,
    );
    expect(message?.text).toContain(`keeps the ${AUTO_SAVED_RUNS_KEPT} most recent`);
  });

  it('runs kept for this session only are capped the same way', async () => {
    await initRuns(async () => memoryRunDb({ failPut: 'quota' }));
    for (let i = 0; i < AUTO_SAVED_RUNS_KEPT + 3; i++) await keepRun(autoRun(i));
    expect(useRuns.getState().runs).toHaveLength(AUTO_SAVED_RUNS_KEPT);
    expect(useRuns.getState().runs[0].id).toBe('auto-003');
    // The quota error stays on screen, with what was removed after it.
    expect(useRuns.getState().message?.kind).toBe('error');
    expect(useRuns.getState().message?.text).toMatch(/storage for this page is full.*Removed the oldest/s);
  });

  it('the list draws the shipped run, the shown one and the newest few until asked for all', async () => {
    await initRuns(async () => memoryRunDb());
    for (let i = 0; i < RUNS_LISTED + 4; i++) await keepRun(autoRun(i));
    const runs = allRuns();
    const collapsed = listedRuns(runs, 'auto-001', false).map((r) => r.id);
    expect(collapsed).toEqual([PRETRAINED_RUN_ID, 'auto-001', ...runs.slice(-RUNS_LISTED).map((r) => r.id)]);
    expect(listedRuns(runs, null, true)).toHaveLength(runs.length);
  });
});
