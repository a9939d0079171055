// Headless experiment: runs every stage of the pipeline in Node and writes one JSON report (or CSV).
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { type AgentFactory, evaluationCsv } from '../core/evaluation';
import type { ExperimentConfig } from '../core/experimentConfig';
import type { PipelineArtifacts } from '../core/pipeline/artifacts';
import { buildReport } from '../core/pipeline/report';
import {
  evaluateStage,
  exploreStage,
  hereditaryAgentFactory,
  hereditaryStage,
  rewardSymmetryStage,
  trainBaseStage,
} from '../core/pipeline/stages';
import { parseExperimentArgs, USAGE, UsageError } from './args';
import { stderrProgress } from './progress';

async function setBackend(name: ExperimentConfig['backend']): Promise<string> {
  tf.enableProdMode();
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} is not available`);
  await tf.ready();
  return tf.getBackend();
}

export async function runExperiment(config: ExperimentConfig, log = stderrProgress()) {
  const backend = await setBackend(config.backend);
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  const timed = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await f();
    timings[name] = performance.now() - t;
    return out;
  };
  const hooks = {
    onProgress: (p: { stage: string; step: number; total: number; message?: string }) =>
      log(p.stage, p.step, p.total, p.message),
  };
  const base = await timed('base', () => trainBaseStage(config, hooks));
  log(
    'base',
    1,
    1,
    `score ${base.score.toFixed(3)} after ${base.updates} updates (${base.msPerUpdate.toFixed(1)} ms/update)`,
  );
  const samples = await timed('explore', () => exploreStage(config, hooks));
  const rewardSymmetry = await timed('rewardSymmetry', () => rewardSymmetryStage(config, samples[0], hooks));
  const hereditary = await timed('hereditary', () => hereditaryStage(config, samples, hooks));
  log('hereditary', 1, 1, hereditary.result.reason);
  // A non-compact generator has no bounded search over θ; then only the references are evaluated (said in the report).
  const agents: Record<string, AgentFactory> = {};
  if (hereditary.result.compact) agents.hereditary = hereditaryAgentFactory(config, base, hereditary);
  const evaluation = await timed('evaluate', () => evaluateStage(config, agents, hooks));
  timings.total = performance.now() - t0;
  const artifacts: Partial<PipelineArtifacts> & { config: ExperimentConfig } = {
    config,
    base,
    rewardSymmetry,
    hereditary,
    evaluation,
  };
  return { artifacts, report: buildReport(artifacts, { backend, timings_ms: timings }) };
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
  const { report } = await runExperiment(opts.config);
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
