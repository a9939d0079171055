// Page entry: mount the React shell and keep the link in sync with the settings.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bindHashSync } from '../state/settingsStore';
import { App } from './App';
import { registerOfflineCache } from './offlineCache';
import { agentsChannel } from './useGoalRollouts';
import { startPretrainedLoad } from './usePretrained';
import { startRunsLoad } from './useRuns';
import './app.css';

bindHashSync();
// Start-up work that needs no React: the pretrained results and the agents worker load while the page mounts. The
// compute workers (tfjs, calibration) wait for the first screen: on two cores they would compete with it (App.tsx).
startPretrainedLoad();
startRunsLoad();
agentsChannel();
registerOfflineCache();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
