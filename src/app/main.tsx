// Page entry: mount the React shell and keep the link in sync with the settings.
import './bootMark';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bindHashSync } from '../state/settingsStore';
import { App } from './App';
import { agentsChannel } from './useGoalRollouts';
import { START_MARKS, startPretrainedLoad } from './usePretrained';
import { startRunsLoad } from './useRuns';
import './app.css';

performance.mark(START_MARKS.script);
bindHashSync();
// Start-up work that needs no React: the pretrained results load while the page mounts, and the agents channel
// follows the stores from here (its worker starts after a precomputed first screen is painted). The compute workers
// (tfjs, calibration) wait for the first screen too: on two cores they would compete with it (App.tsx).
const results = startPretrainedLoad();
startRunsLoad();
agentsChannel();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

/**
 * The page mounts once the shipped results are in (they are fetched while the script loads, so this is mostly
 * the JSON parse), or after MOUNT_WAIT_MS: a first render without results and a second one with them would put
 * one more render and layout of the whole page on the first screen's path.
 */
const MOUNT_WAIT_MS = 1500;
let mounted = false;
const mount = () => {
  if (mounted) return;
  mounted = true;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};
void results.then(mount);
setTimeout(mount, MOUNT_WAIT_MS);
