// Running and recent jobs (with the compute each uses) with progress bars, cancel buttons and a worker restart.
import { type BackendName, sacPathLabel } from '../protocol/backend';
import { useJobs } from '../state/jobsStore';
import { useCompute } from './useCompute';

export function JobsPanel() {
  const compute = useCompute();
  const jobs = useJobs((s) => s.jobs);
  const order = useJobs((s) => s.order);
  // Duration estimates are instant arithmetic, asked for on every settings change: not worth a row. Verdict fits
  // follow every edit of the training set and show their own progress in the verdict box.
  const recent = order
    .filter((id) => jobs[id]?.stage !== 'estimate' && jobs[id]?.stage !== 'verdict')
    .slice(-8)
    .reverse();
  return (
    <div className="jobs-panel">
      <div className="jobs-head">
        <h2>Jobs</h2>
        <button type="button" onClick={() => compute?.restart()} disabled={!compute}>
          Restart worker
        </button>
      </div>
      <ul className="jobs">
        {recent.map((id) => {
          const j = jobs[id];
          const active = j.status === 'queued' || j.status === 'running';
          return (
            <li
              key={id}
              className={`job ${j.status}`}
              data-testid="job"
              data-stage={j.stage}
              data-status={j.status}
            >
              <span className="job-name">
                {j.stage}
                {j.backend && (
                  <span className="muted">
                    {' '}
                    on {j.backend}
                    {j.sac &&
                      `, SAC ${sacPathLabel(j.sac, j.sac === 'tfjs' ? (j.backend as BackendName) : undefined)}`}
                  </span>
                )}
              </span>
              <progress max={Math.max(1, j.total)} value={j.status === 'done' ? j.total : j.step} />
              <span className="job-status">
                {j.status}
                {j.loss !== undefined && ` loss ${j.loss.toPrecision(3)}`}
                {j.error && `: ${j.error}`}
              </span>
              {active && (
                <button
                  type="button"
                  className="cancel"
                  aria-label={`Cancel job ${j.stage}${j.backend ? ` on ${j.backend}` : ''}`}
                  onClick={() => compute?.cancel(id)}
                >
                  Cancel
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
