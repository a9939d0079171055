// Headless experiment: runs every stage of the pipeline in Node and writes one JSON report (or CSV).
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { evaluationCsv } from '../core/evaluation';
import type { ExperimentConfig } from '../core/experimentConfig';
import type { StageProgress } from '../core/pipeline/artifacts';
import { reportOverSeeds } from '../core/pipeline/multiSeed';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../core/pipeline/reportOptions';
import { runPipeline } from '../core/pipeline/runPipeline';
import { parseExperimentArgs, USAGE, UsageError } from './args';
import { stderrProgress } from './progress';

async function setBackend(name: ExperimentConfig['backend']): Promise<string> {
  tf.enableProdMode();
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} is not available`);
  await tf.ready();
  return tf.getBackend();
}

export async function runExperiment(
  config: ExperimentConfig,
  options: ReportOptions = DEFAULT_REPORT_OPTIONS,
  log = stderrProgress(),
) {
  const backend = await setBackend(config.backend);
  // --seeds N: the whole pipeline for seeds seed, seed + 1, …; the report is the first seed's, its summary all of them.
  const runs: ({ seed: number } & Awaited<ReturnType<typeof runPipeline>>)[] = [];
  for (let i = 0; i < Math.max(1, options.seeds); i++) {
    const seed = config.seed + i;
    const tag = options.seeds > 1 ? ` (seed ${seed}, ${i + 1} of ${options.seeds})` : '';
    const hooks = {
      onProgress: (p: StageProgress) => log(p.stage, p.step, p.total, `${p.message ?? ''}${tag}`),
    };
    runs.push({ seed, ...(await runPipeline({ ...config, seed }, backend, hooks, options)) });
  }
  return { artifacts: runs[0].artifacts, report: reportOverSeeds(runs) };
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof parseExperimentArgs>;
  try {
    opts = parseExperimentArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n${USAGE}\n`);
      process.exit(2);
    }
    throw e;
  }
  const { report } = await runExperiment(opts.config, opts.report);
  const text =
    opts.format === 'csv' ? evaluationCsv(report.evaluation ?? []) : `${JSON.stringify(report, null, 2)}\n`;
  if (opts.out) {
    writeFileSync(opts.out, text);
    process.stderr.write(`wrote ${opts.out}\n`);
  } else process.stdout.write(text);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  main().catch((e) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
