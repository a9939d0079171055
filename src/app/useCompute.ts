// React glue: one compute worker per mounted app, feeding events into the jobs store.
import { createContext, useContext } from 'react';
import type { JobId } from '../protocol/messages';
import type { ReferencePolicyName, StageConfig, StageName } from '../protocol/stages';
import { useJobs } from '../state/jobsStore';
import { ComputeClient } from './computeClient';

export interface Compute {
  run<S extends StageName>(stage: S, config: StageConfig<S>, policy?: ReferencePolicyName): JobId;
  cancel(job: JobId): void;
  /** Terminate and restart the worker; unfinished jobs become cancelled. */
  restart(): void;
}

/** Build the compute facade and its teardown (called from an effect, so StrictMode's double run is safe). */
export function createCompute(): { compute: Compute; dispose: () => void } {
  const client = new ComputeClient((event) => useJobs.getState().apply(event));
  client.start();
  const compute: Compute = {
    run(stage, config, policy) {
      const job = client.run(stage, config);
      useJobs.getState().submit(job, stage, policy);
      return job;
    },
    cancel(job) {
      client.cancel(job);
    },
    restart() {
      useJobs.getState().abandonAll();
      client.restart();
    },
  };
  return { compute, dispose: () => client.terminate() };
}

export const ComputeContext = createContext<Compute | null>(null);

export function useCompute(): Compute | null {
  return useContext(ComputeContext);
}
