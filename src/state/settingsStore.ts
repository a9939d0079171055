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
 * Keep location.hash equal to the settings (history.replaceState: no history entries, no
 * hashchange loop) and reload the settings when the user edits the hash. Returns an unbind function.
 */
export function bindHashSync(): () => void {
  const unsubscribe = useSettings.subscribe((s, prev) => {
    if (s.settings === prev.settings) return;
    const hash = formatHash(s.settings);
    if (hash !== location.hash) history.replaceState(history.state, '', hash);
  });
  const onHashChange = () => useSettings.getState().loadHash(location.hash);
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
