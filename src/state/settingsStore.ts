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
 * Calls `write` with the newest value once no new one came for `quietMs` (or at once on `flush`). The hash is
 * written this way: history.replaceState takes 10–20 ms of the main thread about one call in three (measured in
 * Chromium, even a call every 220 ms), so during a drag it would land on the drag's own updates.
 */
export function quietLatest<T>(write: (value: T) => void, quietMs: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { value: T } | null = null;
  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    write(value);
  };
  const push = (value: T): void => {
    pending = { value };
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, quietMs);
  };
  return { push, flush };
}

/** The link follows the settings this long after the last change (a drag writes it once, when it pauses). */
const HASH_QUIET_MS = 300;
let hashWriter: ReturnType<typeof quietLatest<UrlState>> | null = null;

/** Write any settings change still waiting for the hash (e.g. before the link is copied). */
export function flushHash(): void {
  hashWriter?.flush();
}

/**
 * Keep location.hash equal to the settings (history.replaceState: no history entries, no hashchange
 * loop; once the settings rest for HASH_QUIET_MS, so not during a drag) and reload the settings when the
 * user edits the hash. Returns an unbind function.
 */
export function bindHashSync(): () => void {
  const writer = quietLatest<UrlState>((settings) => {
    const hash = formatHash(settings);
    if (hash !== location.hash) history.replaceState(history.state, '', hash);
  }, HASH_QUIET_MS);
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
