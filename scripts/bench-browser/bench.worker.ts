// Benchmark worker: activates one tfjs backend and times SAC updates (tfjs or fused), kernel frames and discovery steps on it.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { benchFramesPlain, benchFramesTf, benchLossSteps } from '../../src/cli/benchDiscovery';
import { benchEncoderStep, benchLossStepsJs } from '../../src/cli/benchRaceEncoder';
import { benchSacUpdate } from '../../src/core/sac/benchSac';
// tfjs-wasm, registered with our binaries' paths as this module loads.
import '../../src/workers/wasmPaths';
import type { BenchReply, BenchRequest } from './protocol';

tf.enableProdMode();

async function handle(req: BenchRequest): Promise<BenchReply> {
  switch (req.kind) {
    case 'setup': {
      if (!(await tf.setBackend(req.backend))) return { ok: false, error: `${req.backend} is not available` };
      await tf.ready();
      const probe = tf.tensor1d([1, 2, 3]).square();
      await probe.data();
      probe.dispose();
      return { ok: true, backend: tf.getBackend(), ms: {} };
    }
    case 'sac': {
      // benchSacUpdate only passes the name to tf.setBackend; its type lists the Node backends.
      const r = await benchSacUpdate(tf.getBackend() as 'wasm', req.updates, { warmupUpdates: req.warmup });
      return { ok: true, backend: r.backend, ms: { perUpdate: r.msPerUpdate } };
    }
    case 'sac-fused': {
      const r = await benchSacUpdate(tf.getBackend() as 'wasm', req.updates, {
        warmupUpdates: req.warmup,
        impl: 'fused',
        kernels: req.kernels,
      });
      return { ok: true, backend: r.backend, ms: { perUpdate: r.msPerUpdate } };
    }
    case 'race-js':
      return { ok: true, backend: 'plain JS', ms: benchLossStepsJs() };
    case 'encoder':
      return {
        ok: true,
        backend: req.impl === 'fused' ? 'fused' : tf.getBackend(),
        ms: { perStep: benchEncoderStep(req.impl, req.steps) },
      };
    case 'frames-plain':
      return { ok: true, backend: 'plain JS', ms: { total: await benchFramesPlain(req.n) } };
    case 'frames-tf':
      return { ok: true, backend: tf.getBackend(), ms: { total: await benchFramesTf(req.n) } };
    case 'discovery': {
      const s = await benchLossSteps();
      return {
        ok: true,
        backend: tf.getBackend(),
        ms: { differential: s.differential, functional: s.functional },
      };
    }
  }
}

self.onmessage = async (e: MessageEvent<BenchRequest>) => {
  let reply: BenchReply;
  try {
    reply = await handle(e.data);
  } catch (err) {
    reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
