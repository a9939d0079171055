// The app shell: layout, the compute worker's lifetime, and the jobs the current settings ask for.
import { useEffect, useMemo, useState } from 'react';
import { useSettings } from '../state/settingsStore';
import { BackendPanel } from './BackendPanel';
import { Controls } from './Controls';
import { CopyLinkButton } from './CopyLinkButton';
import { JobsPanel } from './JobsPanel';
import { LinkErrorBanner } from './LinkErrorBanner';
import { DiscoverySection } from './narrative/DiscoverySection';
import { ResultsBanner } from './narrative/ResultsBanner';
import { ReuseSection } from './narrative/ReuseSection';
import { ScoreSection } from './narrative/ScoreSection';
import { SymmetrySection } from './narrative/SymmetrySection';
import { RolloutPanel } from './RolloutPanel';
import { StaleRegion } from './StaleRegion';
import { TaskSpaceView } from './TaskSpaceView';
import { type Compute, ComputeContext, createCompute } from './useCompute';
import { useScience } from './useScience';

export function App() {
  const [compute, setCompute] = useState<Compute | null>(null);
  const backendOverride = useSettings((s) => s.settings.backend);

  useEffect(() => {
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
  }, []);

  const overrideKey = backendOverride.join(',');
  useEffect(() => {
    if (!compute) return;
    const override = overrideKey === '' ? null : (overrideKey.split(',') as typeof backendOverride);
    const job = compute.run('calibrate', { override });
    return () => compute.cancel(job);
  }, [compute, overrideKey]);

  // Pretrained results, agents at the goal, live training; true once the first screen is complete.
  const ready = useScience(compute);
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
          </section>
          <section className="panel side" aria-label="Rollouts at the test goal">
            <StaleRegion>
              <RolloutPanel />
            </StaleRegion>
          </section>
        </main>
        <StaleRegion>
          <div className="stories">
            <ScoreSection />
            <SymmetrySection />
            <DiscoverySection />
            <ReuseSection />
          </div>
        </StaleRegion>
        <section className="panel compute" aria-label="Compute">
          <BackendPanel />
          <JobsPanel />
        </section>
      </>
    ),
    [],
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
          <CopyLinkButton />
        </header>
        <LinkErrorBanner />
        <ResultsBanner />
        {main}
      </div>
    </ComputeContext.Provider>
  );
}
