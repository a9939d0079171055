// Runs every stage in order on the current tfjs backend and returns the artifacts and the report.
import { type ExperimentConfig, resolvedTrainingAngles } from '../experimentConfig';
import type { PipelineArtifacts, StageHooks } from './artifacts';
import { baselineControlStage, otherConstraintStage } from './comparisonStages';
import { evaluationOrbit } from './evaluationOrbit';
import { buildReport } from './report';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from './reportOptions';
import {
  baselineStage,
  evaluateStage,
  evaluationAgents,
  exploreStage,
  hereditaryStage,
  rewardSymmetryStage,
  trainBaseStage,
} from './stages';

export interface PipelineRun {
  artifacts: PipelineArtifacts;
  report: ReturnType<typeof buildReport>;
}

export async function runPipeline(
  config: ExperimentConfig,
  backend: string,
  hooks: StageHooks = {},
  options: ReportOptions = DEFAULT_REPORT_OPTIONS,
): Promise<PipelineRun> {
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  const timed = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await f();
    timings[name] = performance.now() - t;
    return out;
  };
  const base = await timed('base', () => trainBaseStage(config, hooks));
  const samples = await timed('explore', () => exploreStage(config, hooks));
  const race = { settings: options.raceSettings, sweep: options.raceSweep };
  const rewardSymmetry = await timed('rewardSymmetry', () =>
    rewardSymmetryStage(config, samples[0], hooks, race),
  );
  const hereditary = await timed('hereditary', () => hereditaryStage(config, samples, hooks));
  const baseline = await timed('baseline', () => baselineStage(config, hooks));
  const agents = evaluationAgents(config, base, hereditary, baseline);
  // A points family's test goals run along the orbit discovery found (or its polyline when refused).
  const orbit = evaluationOrbit(config, hereditary.result);
  const evaluation = await timed('evaluate', () =>
    evaluateStage(config, agents, hooks, hereditary.result.generator, orbit),
  );
  const other = await timed('otherConstraint', () =>
    otherConstraintStage(config, { base, hereditary }, hooks),
  );
  const control = options.withControl
    ? await timed('baselineControl', () => baselineControlStage(config, hooks))
    : null;
  timings.total = performance.now() - t0;
  const artifacts: PipelineArtifacts = {
    config,
    trainAngles: resolvedTrainingAngles(config),
    base,
    rewardSymmetry,
    hereditary,
    baseline,
    evaluation,
    ...(other ? { hereditaryOtherConstraint: other } : {}),
    ...(control ? { baselineControl: control } : {}),
  };
  return { artifacts, report: buildReport(artifacts, { backend, timings_ms: timings, options }) };
}
