// Headless experiment: runs every stage of the pipeline in Node and writes one JSON report (or CSV).
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { evaluationCsv } from '../core/evaluation';
import type { ExperimentConfig } from '../core/experimentConfig';
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
  return runPipeline(
    config,
    backend,
    { onProgress: (p) => log(p.stage, p.step, p.total, p.message) },
    options,
  );
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
