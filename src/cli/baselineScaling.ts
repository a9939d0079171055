// `npm run baseline-scaling -- [--seed S] [--scales 1,2,4] [--budget quick|full] [--out f.json]`: more data vs locality.
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { baselineScaling, clusteredConfig } from '../core/pipeline/baselineScaling';
import { stderrProgress } from './progress';

const USAGE =
  'usage: npm run baseline-scaling -- [--seed S] [--scales 1,2,4] [--budget quick|full] [--out file]';

function parse(argv: readonly string[]) {
  const o = { seed: 3, scales: [1, 2, 4], budget: 'quick' as 'quick' | 'full', out: null as string | null };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${name}: missing value`);
    if (name === '--seed' && /^\d+$/.test(value)) o.seed = Number(value);
    else if (name === '--scales' && value.split(',').every((v) => Number(v) >= 0.25 && Number(v) <= 16))
      o.scales = value.split(',').map(Number);
    else if (name === '--budget' && (value === 'quick' || value === 'full')) o.budget = value;
    else if (name === '--out') o.out = value;
    else throw new Error(`bad option ${name} ${value}`);
  }
  return o;
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof parse>;
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    process.exit(2);
  }
  tf.enableProdMode();
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs backend wasm is not available');
  await tf.ready();
  const log = stderrProgress();
  const report = await baselineScaling(clusteredConfig(opts.seed, opts.budget), opts.scales, {
    onProgress: (p) => log(p.stage, p.step, p.total, p.message),
  });
  for (const s of report.scales)
    process.stderr.write(
      `${s.scale}×: ${s.env_steps} env steps, ${s.gradient_updates} updates; training ${s.training_scores.join(' ')}; far (${s.far_goals} goals) mean ${s.far_mean_score}, min ${s.far_min_score}; ${(s.train_ms / 1000).toFixed(0)} s\n`,
    );
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (opts.out) {
    writeFileSync(opts.out, text);
    process.stderr.write(`wrote ${opts.out}\n`);
  } else process.stdout.write(text);
}

main().catch((e) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
