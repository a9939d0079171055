// A small status in the header: "Available offline" once the service worker holds the whole build.
import { useOfflineState, useOnline } from './offlineCache';

const TEXT = {
  saving: { short: 'Saving for offline…', long: 'Saving a copy of this page for offline use' },
  ready: {
    short: 'Available offline',
    long: 'Available offline: this page reloads and runs without a network',
  },
  offline: { short: 'Offline', long: 'Offline: running from the copy saved on this device' },
} as const;

export function OfflineStatus() {
  const state = useOfflineState();
  const online = useOnline();
  // Nothing to say without a service worker (dev server) or when saving failed (the page works as before).
  if (state === 'off' || state === 'failed') return null;
  const text = state === 'ready' && !online ? TEXT.offline : TEXT[state];
  return (
    <span
      className="offline-status"
      role="status"
      aria-label={text.long}
      title={text.long}
      data-testid="offline-status"
      data-state={state}
    >
      {text.short}
    </span>
  );
}
