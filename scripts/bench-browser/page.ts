// Benchmark page: window.benchRun(backend, requests, timeoutMs) runs requests in a fresh worker, each with a time limit.
import type { BenchReply, BenchRequest } from './protocol';

declare global {
  interface Window {
    benchRun(backend: string, requests: BenchRequest[], timeoutMs: number): Promise<BenchReply[]>;
  }
}

const newWorker = () => new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });

function ask(worker: Worker, req: BenchRequest, timeoutMs: number): Promise<BenchReply> {
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve({ ok: false, error: `timed out after ${timeoutMs} ms` }),
      timeoutMs,
    );
    worker.onmessage = (e: MessageEvent<BenchReply>) => {
      clearTimeout(timer);
      resolve(e.data);
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      resolve({ ok: false, error: e.message || 'worker error' });
    };
    worker.postMessage(req);
  });
}

/** A timed-out request leaves its worker busy: it is terminated and the backend set up again in a new one. */
window.benchRun = async (backend, requests, timeoutMs) => {
  let worker = newWorker();
  const replies: BenchReply[] = [];
  const setup = await ask(worker, { kind: 'setup', backend }, timeoutMs);
  if (!setup.ok) {
    worker.terminate();
    return requests.map(() => setup);
  }
  for (const req of requests) {
    const reply = await ask(worker, req, timeoutMs);
    replies.push(reply);
    if (!reply.ok && reply.error.startsWith('timed out')) {
      worker.terminate();
      worker = newWorker();
      await ask(worker, { kind: 'setup', backend }, timeoutMs);
    }
  }
  worker.terminate();
  return replies;
};
document.getElementById('status')?.setAttribute('data-ready', '1');
