// Page-side handle on a compute worker: typed send, job ids, cancel and restart. Never imports tfjs.
import type { BackendReport } from '../protocol/backend';
import type { JobId, WorkerCommand, WorkerEvent } from '../protocol/messages';
import type { StageConfig, StageName } from '../protocol/stages';

// Vite bundles the worker from this exact pattern; tfjs lives only in that chunk.
const spawn = () => new Worker(new URL('../workers/compute.worker.ts', import.meta.url), { type: 'module' });

export class ComputeClient {
  private worker: Worker | null = null;
  private nextId = 1;
  /** The reader's play/pause/speed, sent again to a restarted worker. */
  private control: { paused: boolean; speed: number } = { paused: false, speed: 1 };

  /** `name` prefixes job ids, so jobs of several clients never share one. */
  constructor(
    private readonly onEvent: (event: WorkerEvent) => void,
    readonly name: 'main' | 'helper' = 'main',
  ) {}

  /** True for the ids this client handed out. */
  owns(job: JobId): boolean {
    return this.name === 'main' ? !job.startsWith('helper:') : job.startsWith('helper:');
  }

  start(): void {
    if (this.worker) return;
    const worker = spawn();
    worker.onmessage = (e: MessageEvent<WorkerEvent>) => this.onEvent(e.data);
    worker.onerror = (e: ErrorEvent) => {
      this.onEvent({
        type: 'error',
        job: null,
        message: `compute worker failed: ${e.message || 'load error'}`,
      });
    };
    this.worker = worker;
    if (this.control.paused || this.control.speed !== 1)
      this.send({ type: 'run-control', control: this.control });
  }

  /** Play/pause/speed of training in this worker; `step` runs one chunk and pauses (see RunControlCommand). */
  setControl(control: { paused: boolean; speed: number }, step = false): void {
    this.control = control;
    this.send({ type: 'run-control', control, ...(step ? { step } : {}) });
  }

  /** Send a stage to the worker; returns the job id used in its events. */
  run<S extends StageName>(stage: S, config: StageConfig<S>): JobId {
    this.start();
    const job = `${this.name === 'main' ? '' : 'helper:'}${stage}-${this.nextId++}`;
    this.send({ type: 'run-stage', job, stage, config } as WorkerCommand);
    return job;
  }

  cancel(job: JobId): void {
    this.send({ type: 'cancel', job });
  }

  /** Hold training at its next yields for `ms` (see YieldToPageCommand); nothing happens without a worker. */
  yieldToPage(ms: number): void {
    this.send({ type: 'yield-to-page', ms });
  }

  /** Use a finished backend report instead of calibrating (see AdoptBackendsCommand). */
  adoptBackends(report: BackendReport): void {
    this.start();
    this.send({ type: 'adopt-backends', report });
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
