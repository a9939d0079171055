// Where kept runs live: a small typed IndexedDB wrapper (summaries and weights in two stores), and an in-memory twin.
import type { RunSummary, StoredRun } from './runs';

/** The persistence the runs store needs; every method rejects with a RunDbError on failure. */
export interface RunDb {
  /** Summaries of every kept run (without weights), oldest first. */
  list(): Promise<RunSummary[]>;
  get(id: string): Promise<StoredRun | null>;
  put(run: StoredRun): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** The id of the run shown last (restored on reload). */
  lastShown(): Promise<string | null>;
  setLastShown(id: string | null): Promise<void>;
}

/** 'quota': the browser refused the space; 'unavailable': no IndexedDB (private mode, blocked, old browser). */
export type RunDbErrorKind = 'quota' | 'unavailable' | 'other';

export class RunDbError extends Error {
  constructor(
    readonly kind: RunDbErrorKind,
    message: string,
  ) {
    super(message);
  }
}

function asRunDbError(e: unknown): RunDbError {
  if (e instanceof RunDbError) return e;
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return new RunDbError('quota', message);
  if (name === 'SecurityError' || name === 'InvalidStateError') return new RunDbError('unavailable', message);
  return new RunDbError('other', message || name || 'unknown error');
}

const DB_NAME = 'hereditary-runs';
const DB_VERSION = 1;
const SUMMARIES = 'summaries';
const ARTIFACTS = 'artifacts';
const META = 'meta';

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(asRunDbError(r.error));
  });

const completion = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(asRunDbError(tx.error));
    tx.onabort = () => reject(asRunDbError(tx.error ?? new Error('transaction aborted')));
  });

/** Open (creating on first use) the page's run database; rejects with kind 'unavailable' where there is none. */
export function openIndexedRunDb(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<RunDb> {
  if (!factory) return Promise.reject(new RunDbError('unavailable', 'this browser has no IndexedDB'));
  return new Promise<IDBDatabase>((resolve, reject) => {
    let open: IDBOpenDBRequest;
    try {
      open = factory.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(new RunDbError('unavailable', e instanceof Error ? e.message : String(e)));
      return;
    }
    open.onupgradeneeded = () => {
      const db = open.result;
      for (const store of [SUMMARIES, ARTIFACTS, META])
        if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () =>
      reject(new RunDbError('unavailable', open.error?.message ?? 'IndexedDB refused to open'));
    open.onblocked = () =>
      reject(new RunDbError('unavailable', 'the run database is blocked by another tab'));
  }).then(indexedRunDb);
}

function indexedRunDb(db: IDBDatabase): RunDb {
  // Every call runs in its own transaction; a throw while starting one (a closed database) becomes a RunDbError.
  const run = async <T>(
    stores: string[],
    mode: IDBTransactionMode,
    body: (tx: IDBTransaction) => Promise<T> | T,
  ): Promise<T> => {
    try {
      const tx = db.transaction(stores, mode);
      const done = completion(tx);
      done.catch(() => undefined); // awaited below; this only stops an early body error leaving it unhandled
      const out = await body(tx);
      await done;
      return out;
    } catch (e) {
      throw asRunDbError(e);
    }
  };
  return {
    list: () =>
      run([SUMMARIES], 'readonly', async (tx) => {
        const all = (await request(tx.objectStore(SUMMARIES).getAll())) as RunSummary[];
        return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      }),
    get: (id) =>
      run([SUMMARIES, ARTIFACTS], 'readonly', async (tx) => {
        const [summary, artifacts] = await Promise.all([
          request(tx.objectStore(SUMMARIES).get(id)),
          request(tx.objectStore(ARTIFACTS).get(id)),
        ]);
        return summary && artifacts ? ({ ...summary, artifacts } as StoredRun) : null;
      }),
    put: (storedRun) =>
      run([SUMMARIES, ARTIFACTS], 'readwrite', (tx) => {
        const { artifacts, ...summary } = storedRun;
        tx.objectStore(ARTIFACTS).put(artifacts, storedRun.id);
        tx.objectStore(SUMMARIES).put(summary, storedRun.id);
      }),
    rename: (id, name) =>
      run([SUMMARIES], 'readwrite', async (tx) => {
        const store = tx.objectStore(SUMMARIES);
        const summary = (await request(store.get(id))) as RunSummary | undefined;
        if (!summary) throw new RunDbError('other', `no kept run ${id}`);
        store.put({ ...summary, name }, id);
      }),
    remove: (id) =>
      run([SUMMARIES, ARTIFACTS], 'readwrite', (tx) => {
        tx.objectStore(SUMMARIES).delete(id);
        tx.objectStore(ARTIFACTS).delete(id);
      }),
    lastShown: () =>
      run([META], 'readonly', async (tx) => {
        const id = await request(tx.objectStore(META).get('lastShown'));
        return typeof id === 'string' ? id : null;
      }),
    setLastShown: (id) =>
      run([META], 'readwrite', (tx) => {
        tx.objectStore(META).put(id, 'lastShown');
      }),
  };
}

/** The same behaviour in memory (tests; and a stand-in nowhere else). `failPut` makes every put fail like a full disk. */
export function memoryRunDb(options: { failPut?: RunDbErrorKind } = {}): RunDb {
  const runs = new Map<string, StoredRun>();
  let last: string | null = null;
  const copy = <T>(x: T): T => structuredClone(x);
  return {
    list: async () =>
      [...runs.values()]
        .map(({ artifacts: _a, ...s }) => copy(s))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    get: async (id) => (runs.has(id) ? copy(runs.get(id) as StoredRun) : null),
    put: async (run) => {
      if (options.failPut) throw new RunDbError(options.failPut, `simulated ${options.failPut} failure`);
      runs.set(run.id, copy(run));
    },
    rename: async (id, name) => {
      const r = runs.get(id);
      if (!r) throw new RunDbError('other', `no kept run ${id}`);
      runs.set(id, { ...r, name });
    },
    remove: async (id) => {
      runs.delete(id);
    },
    lastShown: async () => last,
    setLastShown: async (id) => {
      last = id;
    },
  };
}
