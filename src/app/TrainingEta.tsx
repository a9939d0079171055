// "About N left" under the live stages: the calibrated estimate, corrected by the run's measured progress.
import { useEffect, useRef, useState } from 'react';
import { formatDuration } from '../core/pipeline/liveSchedule';
import { LIVE_STAGES, type LiveStageName } from '../protocol/stages';
import { useJobs } from '../state/jobsStore';
import { useResults } from '../state/resultsStore';
import { remainingSeconds, type StageClock } from '../state/trainingEta';
import { useEstimateFor } from './useDurationEstimates';

/** When each job of the run was first seen running, and when it was seen done (page clock, ms). */
type Seen = Map<string, { start: number; end?: number }>;

export function TrainingEta() {
  const run = useResults((s) => s.live);
  const jobs = useJobs((s) => s.jobs);
  const estimate = useEstimateFor(run.config);
  const seen = useRef<Seen>(new Map());
  const running = run.status === 'running';
  // Re-render every second while training: elapsed time moves even between progress events.
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!running) return null;

  const t = Math.max(now, performance.now());
  const clocks = {} as Record<LiveStageName, StageClock>;
  for (const stage of LIVE_STAGES) {
    const id = run.jobs[stage];
    const job = id ? jobs[id] : undefined;
    const done = run.checkpoints[stage] !== undefined;
    const active = run.active.includes(stage) && job?.status === 'running';
    let mark = id ? seen.current.get(id) : undefined;
    if (id && active && !mark) {
      mark = { start: t };
      seen.current.set(id, mark);
    }
    if (mark && done && mark.end === undefined) mark.end = t;
    clocks[stage] = {
      status: done ? 'done' : active ? 'running' : 'pending',
      fraction: done ? 1 : job && job.total > 0 ? Math.min(1, job.step / job.total) : 0,
      elapsedS: mark ? ((mark.end ?? t) - mark.start) / 1000 : null,
    };
  }
  const left = remainingSeconds(estimate?.stages ?? null, clocks);
  return (
    <p
      className="muted training-eta"
      data-testid="training-eta"
      data-seconds={left?.toFixed(1)}
      aria-live="off"
    >
      {left === null
        ? 'Time left: not known yet (this browser’s speed is still being measured).'
        : `About ${formatDuration(left)} left — estimated from this browser’s measured speed, corrected by the progress so far.`}
    </p>
  );
}
