// The app shell: layout, the compute worker's lifetime, and the jobs the current settings ask for.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useResults } from '../state/resultsStore';
import { useSettings } from '../state/settingsStore';
import { Controls } from './Controls';
import { CopyLinkButton } from './CopyLinkButton';
import { EditToolbar } from './EditToolbar';
import { LinkErrorBanner } from './LinkErrorBanner';
import { ResultsBanner } from './narrative/ResultsBanner';
import { OfflineStatus } from './OfflineStatus';
import { registerOfflineCache } from './offlineCache';
import { RolloutPanel } from './RolloutPanel';
import { StaleRegion } from './StaleRegion';
import { TaskSpaceView } from './TaskSpaceView';
import { type Compute, ComputeContext, createCompute } from './useCompute';
import { startWholePretrainedLoad } from './usePretrained';
import { useScience } from './useScience';
import { VerdictBox } from './VerdictBox';

// The stories below the first screen load as their own chunk (fetched at once, drawn once the first screen is).
const loadStories = () => import('./narrative/Stories');
const Stories = lazy(loadStories);
// The backend and jobs panels, below the stories, likewise (they show nothing before the compute worker starts).
const loadComputeSection = () => import('./ComputeSection');
const ComputeSection = lazy(loadComputeSection);

/** How long the compute workers wait for the first screen at most (a page whose results never load still trains). */
const COMPUTE_START_LIMIT_MS = 3000;

/**
 * True once the first screen is complete, or COMPUTE_START_LIMIT_MS after mounting: the compute workers and the
 * stories start then. The workers' start-up (a 2 MB tfjs chunk, backend probes, calibration) takes both cores of a
 * small machine for seconds, and the first screen needs neither (the agents worker draws it).
 */
function useAfterFirstScreen(ready: boolean): boolean {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (started) return;
    if (ready) {
      setStarted(true);
      return;
    }
    const timer = setTimeout(() => setStarted(true), COMPUTE_START_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [ready, started]);
  return started;
}

export function App() {
  const [compute, setCompute] = useState<Compute | null>(null);
  const backendOverride = useSettings((s) => s.settings.backend);
  // Pretrained results, agents at the goal, live training; true once the first screen is complete.
  const ready = useScience(compute);
  const firstScreenDone = useAfterFirstScreen(ready);
  // The stories read parts of the shipped run that only its whole file has (first-screen.json leaves them out).
  const wholeSettled = useResults((s) => s.pretrained !== 'loading');
  useEffect(() => {
    void loadStories();
    void loadComputeSection();
  }, []);

  useEffect(() => {
    if (!firstScreenDone) return;
    // Parsing the whole pretrained file (800 kB) would delay the first screen; the stories wait for it instead.
    void startWholePretrainedLoad();
    // The service worker's precache (the whole build, 4 MB) would share the two cores with the first screen.
    registerOfflineCache();
    const { compute: c, dispose } = createCompute();
    // A restart hands out a new facade object, so every effect that depends on it runs again.
    const facade = (): Compute => ({
      ...c,
      restart: () => {
        c.restart();
        setCompute(facade());
      },
    });
    setCompute(facade());
    return dispose;
  }, [firstScreenDone]);

  const overrideKey = backendOverride.join(',');
  useEffect(() => {
    if (!compute) return;
    const override = overrideKey === '' ? null : (overrideKey.split(',') as typeof backendOverride);
    const job = compute.run('calibrate', { override });
    return () => compute.cancel(job);
  }, [compute, overrideKey]);

  const main = useMemo(
    () => (
      <>
        <main className="layout">
          <section className="panel controls" aria-label="Settings">
            <Controls />
          </section>
          <section className="panel view" aria-labelledby="task-space-heading">
            <StaleRegion banner>
              <TaskSpaceView />
            </StaleRegion>
            {/* Not dimmed when the results are stale: the set being edited and its verdict are always current. */}
            <EditToolbar />
            <VerdictBox />
          </section>
          <section className="panel side" aria-label="Rollouts at the test goal">
            <StaleRegion>
              <RolloutPanel />
            </StaleRegion>
          </section>
        </main>
        {firstScreenDone && (
          // Below the first screen: the stories, once the whole pretrained file is in, and the compute section (empty
          // until the compute worker starts), each in its own boundary so that one arriving later blanks nothing.
          <>
            <Suspense fallback={null}>{wholeSettled && <Stories />}</Suspense>
            <Suspense fallback={null}>
              <ComputeSection />
            </Suspense>
          </>
        )}
      </>
    ),
    [firstScreenDone, wholeSettled],
  );

  return (
    <ComputeContext.Provider value={compute}>
      <div className="app" data-testid={ready ? 'app-ready' : 'app-loading'}>
        <header className="topbar">
          <div>
            <h1>Hereditary geometric meta-RL</h1>
            <p className="subtitle">
              One base policy, carried to every goal on the task family by a learned symmetry.
            </p>
          </div>
          <div className="topbar-actions">
            <OfflineStatus />
            <CopyLinkButton />
          </div>
        </header>
        <LinkErrorBanner />
        <ResultsBanner />
        {main}
      </div>
    </ComputeContext.Provider>
  );
}
