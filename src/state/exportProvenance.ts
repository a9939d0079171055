// Which tfjs backends produced what a figure export shows (the link's `backend` field is only an override).
import type { ExperimentConfig } from '../core/experimentConfig';
import type { BackendName, BackendReport, Workload } from '../protocol/backend';
import type { JobId } from '../protocol/messages';
import type { LiveStageName } from '../protocol/stages';
import type { JobState } from './jobsStore';
import type { ResultsSource } from './resultsStore';

export interface BackendProvenance {
  /** Distinct backends this page's compute worker chose (per workload), then any a live stage ran on. */
  used: string[];
  /** The calibrated choice per workload in this browser. */
  byWorkload: Partial<Record<Workload, BackendName>>;
  /** Where the shown results were computed: the CLI's backend for the pretrained file, else each live stage's. */
  results: {
    source: ResultsSource | null;
    backend?: string;
    stages?: Partial<Record<LiveStageName, string>>;
  };
  /** The goal rollouts run in plain JS in the agents worker. */
  rollouts: 'plain JS';
}

export function backendProvenance(
  report: BackendReport | null,
  source: ResultsSource | null,
  config: ExperimentConfig | null,
  liveJobs: Partial<Record<LiveStageName, JobId>>,
  jobs: Readonly<Record<JobId, JobState>>,
): BackendProvenance {
  const byWorkload: Partial<Record<Workload, BackendName>> = {};
  for (const c of report?.choices ?? []) byWorkload[c.workload] = c.backend;
  const stages: Partial<Record<LiveStageName, string>> = {};
  for (const [stage, id] of Object.entries(liveJobs) as [LiveStageName, JobId][]) {
    const backend = jobs[id]?.backend;
    if (backend) stages[stage] = backend;
  }
  const used = [
    ...new Set([...Object.values(byWorkload), ...(source === 'live' ? Object.values(stages) : [])]),
  ];
  if (used.length === 0 && report?.best) used.push(report.best);
  return {
    used,
    byWorkload,
    results:
      source === 'live'
        ? { source, stages }
        : { source, ...(config ? { backend: `${config.backend} (tfjs in Node, the CLI)` } : {}) },
    rollouts: 'plain JS',
  };
}
