// The runs list over an in-memory database: keep, open, rename, delete, import, and failures that lose nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PRETRAINED_PATH, parsePretrained } from '../core/pipeline/pretrainedFile';
import { useResults } from './resultsStore';
import { memoryRunDb, RunDbError } from './runDb';
import { makeRun, PRETRAINED_RUN_ID, runFileText } from './runs';
import {
  allRuns,
  deleteRun,
  importRunFile,
  initRuns,
  keepRun,
  openRun,
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
