// Page entry: mount the React shell and keep the link in sync with the settings.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bindHashSync } from '../state/settingsStore';
import { App } from './App';
import './app.css';

bindHashSync();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
