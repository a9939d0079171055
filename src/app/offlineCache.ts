// Registers the service worker (production builds only) and tracks whether the page is kept for offline use.
import { useSyncExternalStore } from 'react';

/** off: no service worker (dev server, unsupported browser); saving: precaching; ready: a reload works offline. */
export type OfflineState = 'off' | 'saving' | 'ready' | 'failed';

let state: OfflineState = 'off';
const listeners = new Set<() => void>();

function setState(next: OfflineState): void {
  if (next === state) return;
  state = next;
  for (const l of listeners) l();
}

/** Watch an installing worker: if it ends redundant before any worker is active, the precache failed. */
function watchInstall(registration: ServiceWorkerRegistration): void {
  const worker = registration.installing;
  worker?.addEventListener('statechange', () => {
    if (worker.state === 'redundant' && !registration.active) setState('failed');
  });
}

let started = false;

/**
 * Register sw.js next to index.html (relative to the document, so a sub-path deploy gets its own scope). App.tsx
 * calls it once the first screen is drawn, and it still waits for the load event: precaching (the whole build)
 * never competes with the first screen's downloads or its two cores. The dev server has no sw.js.
 */
export function registerOfflineCache(): void {
  if (started || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  started = true;
  setState('saving');
  const container = navigator.serviceWorker;
  const register = () => {
    container
      .register(new URL('sw.js', document.baseURI), {
        scope: new URL('./', document.baseURI).href,
        updateViaCache: 'none',
      })
      .then((registration) => {
        watchInstall(registration);
        registration.addEventListener('updatefound', () => watchInstall(registration));
      })
      .catch((e: unknown) => {
        console.warn('Offline copy unavailable:', e);
        setState('failed');
      });
  };
  // The active worker installed only after its whole precache was stored.
  void container.ready.then(() => setState('ready'));
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useOfflineState(): OfflineState {
  return useSyncExternalStore(subscribe, () => state);
}

const subscribeOnline = (listener: () => void) => {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

/** navigator.onLine, kept current. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}
