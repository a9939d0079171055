// `npm run bench`: prints one table of measured speeds (Node backends), with ratios against tfjs-cpu.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { benchSacUpdate, sacUpdateMultiplyAdds } from '../core/sac/benchSac';
import { benchFramesPlain, benchFramesTf, benchLossSteps, benchThetaInference } from './benchDiscovery';
import { benchEnvSteps } from './benchEnv';
import { benchDragPreview } from './benchPreview';
import { benchEncoderStep, benchLossStepsJs } from './benchRaceEncoder';
import { profileTfjsSacUpdate, type SacUpdateProfile } from './benchSacProfile';
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
  const sacRows = await benchSacRows();
  rows.push(...sacRows.rows);

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
  log('bench: discovery loss steps in plain JS (what the race runs)…');
  const js = benchLossStepsJs();
  for (const side of ['differential', 'functional'] as const)
    rows.push({
      what: `discovery step, ${side} (batch 128)`,
      backend: 'plain JS',
      value: js[side],
      unit: 'ms',
      ratio: js[side] / steps.cpu[side],
      note: `${(steps.wasm[side] / js[side]).toFixed(1)}× faster than tfjs wasm`,
    });
  const encoder: Record<string, number> = {};
  for (const b of backends) {
    await tf.setBackend(b);
    log(`bench: encoder training step, tfjs on ${b}…`);
    encoder[b] = benchEncoderStep('tfjs', b === 'cpu' ? 10 : 60);
  }
  log('bench: encoder training step, fused…');
  encoder.fused = benchEncoderStep('fused', 400);
  for (const b of [...backends, 'fused'] as const)
    rows.push({
      what: 'encoder step (deep set + reconstruction, 256 rows)',
      backend: b === 'fused' ? 'fused' : b,
      value: encoder[b],
      unit: 'ms',
      ratio: encoder[b] / encoder.cpu,
      note: b === 'fused' ? `${(encoder.wasm / encoder.fused).toFixed(1)}× faster than tfjs wasm` : undefined,
    });
  log('bench: θ inference…');
  rows.push({
    what: 'θ inference, K = 16 (256-grid + golden)',
    backend: 'plain JS',
    value: await benchThetaInference(),
    unit: 'ms',
  });
  log('bench: drag previews…');
  const preview = benchDragPreview();
  rows.push({
    what: "a drag's one-episode preview (context, θ*, 4 rollouts; shipped agents)",
    backend: 'plain JS',
    value: preview.p50,
    unit: 'ms',
    note: `median of ${preview.count} goals round the circle; p95 ${preview.p95.toFixed(2)} ms (the page computes it per move)`,
  });
  process.stdout.write(`\n${formatBenchTable(rows)}\n\n`);
  for (const p of sacRows.profiles)
    process.stdout.write(
      `tfjs SAC update on ${p.backend}, top kernels per update: ${p.top
        .map((k) => `${k.name}×${k.count} ${k.ms.toFixed(2)} ms`)
        .join(', ')}\n`,
    );
  process.stdout.write(
    'Browser figures (webgpu/webgl/wasm/cpu in a worker, drag p95, first screen) come from the e2e run: see e2e/ reports.\n',
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * SAC update: the tfjs reference on cpu and wasm and the fused step, in the same run (wasm and fused
 * interleaved over 3 rounds, medians), then where the tfjs update's time goes on each backend.
 */
async function benchSacRows(): Promise<{ rows: BenchRow[]; profiles: SacUpdateProfile[] }> {
  const ms: Record<'cpu' | 'wasm' | 'fused', number[]> = { cpu: [], wasm: [], fused: [] };
  let fusedLabel = 'fused';
  log('bench: SAC update on cpu…');
  ms.cpu.push((await benchSacUpdate('cpu', 40)).msPerUpdate);
  for (let round = 0; round < 3; round++) {
    log(`bench: SAC update on wasm and fused (round ${round + 1} of 3)…`);
    ms.wasm.push((await benchSacUpdate('wasm', 150)).msPerUpdate);
    const fused = await benchSacUpdate('wasm', 600, { impl: 'fused' });
    ms.fused.push(fused.msPerUpdate);
    fusedLabel = fused.backend;
  }
  log('bench: SAC update, fused step on plain-JS kernels (the no-SIMD fallback)…');
  const fusedJs = await benchSacUpdate('wasm', 100, { impl: 'fused', kernels: 'js' });
  const [cpu, wasm, fused] = [median(ms.cpu), median(ms.wasm), median(ms.fused)];
  const what = 'SAC update (batch 256, 2×64)';
  const flops = 2 * sacUpdateMultiplyAdds(2, 2, 64, 2, 256);
  const speedup = wasm / fused;
  const rows: BenchRow[] = [
    { what, backend: 'cpu', value: cpu, unit: 'ms', ratio: 1 },
    { what, backend: 'wasm', value: wasm, unit: 'ms', ratio: wasm / cpu },
    {
      what,
      backend: fusedLabel,
      value: fused,
      unit: 'ms',
      ratio: fused / cpu,
      note:
        `${speedup.toFixed(1)}× faster than tfjs wasm, ${(cpu / fused).toFixed(0)}× than cpu; ` +
        `${(flops / fused / 1e6).toFixed(1)} GFLOP/s of ${(flops / 1e6).toFixed(0)} MFLOP; ` +
        `goal ≤ 4 ms and ≥ 2.5× tfjs: ${fused <= 4 && speedup >= 2.5 ? 'met' : 'NOT met'}`,
    },
    {
      what,
      backend: fusedJs.backend,
      value: fusedJs.msPerUpdate,
      unit: 'ms',
      ratio: fusedJs.msPerUpdate / cpu,
      note: `same step without SIMD: ${((flops / fusedJs.msPerUpdate) * 1e-6).toFixed(1)} GFLOP/s`,
    },
  ];
  const profiles: SacUpdateProfile[] = [];
  for (const b of ['wasm', 'cpu'] as const) {
    log(`bench: profiling the tfjs SAC update on ${b}…`);
    const p = await profileTfjsSacUpdate(b, b === 'cpu' ? 20 : 100);
    profiles.push(p);
    const share = (x: number) => `${((100 * x) / p.wallMs).toFixed(0)}% of ${p.wallMs.toFixed(1)} ms`;
    const part = (label: string, value: number, note = share(value)): BenchRow => ({
      what: `  tfjs SAC update: ${label}`,
      backend: b,
      value,
      unit: 'ms',
      note,
    });
    rows.push(
      part(`kernel compute (${p.kernels.toFixed(0)} kernels)`, p.kernelMs),
      part(`dispatch + tensor bookkeeping (${p.tensorsPerUpdate.toFixed(0)} tensors)`, p.overheadMs),
      part('batch upload + loss readback', p.dataMs),
      part('GC pauses (within the rows above)', p.gcMs, `${share(p.gcMs)}, during kernels or dispatch`),
    );
  }
  return { rows, profiles };
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
