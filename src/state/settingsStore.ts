// The settings store (the shareable state of the link) and its sync with location.hash.
import { create } from 'zustand';
import { defaultUrlState, formatHash, type LinkError, parseHash, type UrlState } from './urlSchema';

export interface SettingsStore {
  settings: UrlState;
  /** Problems found in the link the page was opened with (cleared by dismiss or a clean load). */
  linkErrors: LinkError[];
  update: (patch: Partial<UrlState>) => void;
  loadHash: (hash: string) => void;
  dismissLinkErrors: () => void;
}

function initial(): Pick<SettingsStore, 'settings' | 'linkErrors'> {
  if (typeof location === 'undefined') return { settings: defaultUrlState(), linkErrors: [] };
  const { state, errors } = parseHash(location.hash);
  return { settings: state, linkErrors: errors };
}

export const useSettings = create<SettingsStore>()((set) => ({
  ...initial(),
  update: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
  loadHash: (hash) => {
    const { state, errors } = parseHash(hash);
    set({ settings: state, linkErrors: errors });
  },
  dismissLinkErrors: () => set({ linkErrors: [] }),
}));

/**
 * Calls `write` with the newest value at most once per `intervalMs`: the first value of a burst at once, the
 * last one always (after the interval, or on `flush`). Chrome throttles history.replaceState when a page
 * calls it more than a few dozen times a second, so a 60 Hz drag must not write every move.
 */
export function throttleLatest<T>(
  write: (value: T) => void,
  intervalMs: number,
  now = () => performance.now(),
) {
  let lastWrite = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { value: T } | null = null;
  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastWrite = now();
    write(value);
  };
  const push = (value: T): void => {
    pending = { value };
    if (timer !== null) return;
    const wait = lastWrite + intervalMs - now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
  return { push, flush };
}

const HASH_WRITE_INTERVAL_MS = 200;
let hashWriter: ReturnType<typeof throttleLatest<UrlState>> | null = null;

/** Write any settings change still waiting for the hash (e.g. before the link is copied). */
export function flushHash(): void {
  hashWriter?.flush();
}

/**
 * Keep location.hash equal to the settings (history.replaceState: no history entries, no hashchange
 * loop; during a drag at most every 200 ms and the last value always) and reload the settings when the
 * user edits the hash. Returns an unbind function.
 */
export function bindHashSync(): () => void {
  const writer = throttleLatest<UrlState>((settings) => {
    const hash = formatHash(settings);
    if (hash !== location.hash) history.replaceState(history.state, '', hash);
  }, HASH_WRITE_INTERVAL_MS);
  hashWriter = writer;
  const unsubscribe = useSettings.subscribe((s, prev) => {
    if (s.settings !== prev.settings) writer.push(s.settings);
  });
  const onHashChange = () => {
    writer.flush();
    useSettings.getState().loadHash(location.hash);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    writer.flush();
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    if (hashWriter === writer) hashWriter = null;
  };
}
