// Page-side handle on the compute worker: typed send, job ids, cancel and restart. Never imports tfjs.
import type { JobId, WorkerCommand, WorkerEvent } from '../protocol/messages';
import type { StageConfig, StageName } from '../protocol/stages';

// Vite bundles the worker from this exact pattern; tfjs lives only in that chunk.
const spawn = () => new Worker(new URL('../workers/compute.worker.ts', import.meta.url), { type: 'module' });

let prespawned: Worker | null = null;

/**
 * Start loading the compute worker (tfjs is its big chunk) before React mounts; the first client adopts it. The
 * worker only speaks when spoken to, so nothing is lost before the client's handlers are attached.
 */
export function prespawnComputeWorker(): void {
  if (!prespawned) prespawned = spawn();
}

export class ComputeClient {
  private worker: Worker | null = null;
  private nextId = 1;

  constructor(private readonly onEvent: (event: WorkerEvent) => void) {}

  start(): void {
    if (this.worker) return;
    const worker = prespawned ?? spawn();
    prespawned = null;
    worker.onmessage = (e: MessageEvent<WorkerEvent>) => this.onEvent(e.data);
    worker.onerror = (e: ErrorEvent) => {
      this.onEvent({
        type: 'error',
        job: null,
        message: `compute worker failed: ${e.message || 'load error'}`,
      });
    };
    this.worker = worker;
  }

  /** Send a stage to the worker; returns the job id used in its events. */
  run<S extends StageName>(stage: S, config: StageConfig<S>): JobId {
    this.start();
    const job = `${stage}-${this.nextId++}`;
    this.send({ type: 'run-stage', job, stage, config } as WorkerCommand);
    return job;
  }

  cancel(job: JobId): void {
    this.send({ type: 'cancel', job });
  }

  /** Kill the worker (stops any stage at once, even one that never checks shouldStop) and start afresh. */
  restart(): void {
    this.terminate();
    this.start();
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private send(command: WorkerCommand): void {
    this.worker?.postMessage(command);
  }
}
