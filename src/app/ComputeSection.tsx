// The compute section below the stories: the backend in use and the jobs (its own chunk, loaded after the first screen).
import { BackendPanel } from './BackendPanel';
import { JobsPanel } from './JobsPanel';

export default function ComputeSection() {
  return (
    <section className="panel compute" aria-label="Compute">
      <BackendPanel />
      <JobsPanel />
    </section>
  );
}
