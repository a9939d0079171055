// `npm run bench`: prints one table of measured speeds (Node backends), with ratios against tfjs-cpu.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { benchSacUpdate } from '../core/sac/benchSac';
import { benchFramesPlain, benchFramesTf, benchLossSteps, benchThetaInference } from './benchDiscovery';
import { benchEnvSteps } from './benchEnv';
import { type BenchRow, formatBenchTable } from './benchTable';

const log = (s: string) => process.stderr.write(`${s}\n`);

async function main(): Promise<void> {
  tf.enableProdMode();
  const rows: BenchRow[] = [];
  log('bench: environment…');
  rows.push({
    what: 'env steps (batched rollouts)',
    backend: 'plain JS',
    value: benchEnvSteps().stepsPerSecond / 1e6,
    unit: 'M steps/s',
  });

  const backends = ['cpu', 'wasm'] as const;
  const sac: Record<string, number> = {};
  for (const b of backends) {
    log(`bench: SAC update on ${b}…`);
    const r = await benchSacUpdate(b, b === 'cpu' ? 40 : 200);
    sac[b] = r.msPerUpdate;
    rows.push({
      what: `SAC update (batch ${r.batchSize}, 2×${r.hidden})`,
      backend: b,
      value: r.msPerUpdate,
      unit: 'ms',
      ratio: r.msPerUpdate / sac.cpu,
    });
  }

  for (const n of [10_000, 50_000]) {
    log(`bench: kernel frames plain JS n=${n}…`);
    const ms = await benchFramesPlain(n);
    rows.push({
      what: `kernel frames, ${n / 1000}k samples`,
      backend: 'plain JS',
      value: ms,
      unit: 'ms',
      note: n === 50_000 ? `goal ≤ 500 ms: ${ms <= 500 ? 'met' : 'NOT met'}` : undefined,
    });
  }
  const framesTf: Record<string, number> = {};
  for (const b of backends) {
    await tf.setBackend(b);
    log(`bench: kernel frames tfjs ${b} n=10k…`);
    framesTf[b] = await benchFramesTf(10_000);
    rows.push({
      what: 'kernel frames, 10k samples (batched tfjs)',
      backend: b,
      value: framesTf[b],
      unit: 'ms',
      ratio: framesTf[b] / framesTf.cpu,
    });
  }
  const steps: Record<string, { differential: number; functional: number }> = {};
  for (const b of backends) {
    await tf.setBackend(b);
    log(`bench: discovery loss steps on ${b}…`);
    steps[b] = await benchLossSteps();
    for (const side of ['differential', 'functional'] as const) {
      rows.push({
        what: `discovery step, ${side} (batch 128)`,
        backend: b,
        value: steps[b][side],
        unit: 'ms',
        ratio: steps[b][side] / steps.cpu[side],
      });
    }
  }
  log('bench: θ inference…');
  rows.push({
    what: 'θ inference, K = 16 (256-grid + golden)',
    backend: 'plain JS',
    value: await benchThetaInference(),
    unit: 'ms',
  });
  process.stdout.write(`\n${formatBenchTable(rows)}\n\n`);
  process.stdout.write(
    'Browser figures (webgpu/webgl/wasm/cpu in a worker, drag p95, first screen) come from the e2e run: see e2e/ reports.\n',
  );
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
