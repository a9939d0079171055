// The shipped pretrained file (public/pretrained/default.json): its format, schema check, reader and writer (pure).
import { DEFAULT_CONFIG } from '../experimentConfig';
import type { PipelineArtifacts } from './artifacts';
import type { ExperimentReport } from './report';

export const PRETRAINED_FORMAT = 'hereditary-pretrained/1';
/** Relative to the site root (public/ in the repository), so the page can resolve it from any sub-path. */
export const PRETRAINED_PATH = 'pretrained/default.json';

/** The few report figures the file carries for people reading it (the page ignores them). */
export interface PretrainedSummary {
  timings_ms: ExperimentReport['timings_ms'];
  base_score?: number;
  generators: ExperimentReport['generators'];
  truth_errors_deg: ExperimentReport['truth']['errors_deg'];
  evaluation_summary: ExperimentReport['evaluation_summary'];
  race_speedup_median?: number;
}

/** The file as written: format tag, provenance, the artifacts the page shows, and a summary of the report. */
export interface PretrainedFile {
  format: typeof PRETRAINED_FORMAT;
  generated_by: string;
  generated_at: string;
  seed: number;
  artifacts: PipelineArtifacts;
  report_summary: PretrainedSummary;
}

export type PretrainedParse = { artifacts: PipelineArtifacts } | { error: string };

/** The file for one headless run; `generatedBy` names the command, `generatedAt` its day. */
export function pretrainedFile(
  artifacts: PipelineArtifacts,
  report: ExperimentReport,
  provenance: { generatedBy: string; generatedAt: Date },
): PretrainedFile {
  return {
    format: PRETRAINED_FORMAT,
    generated_by: provenance.generatedBy,
    generated_at: provenance.generatedAt.toISOString().slice(0, 10),
    seed: artifacts.config.seed,
    artifacts,
    report_summary: {
      timings_ms: report.timings_ms,
      base_score: report.base_policy?.score,
      generators: report.generators,
      truth_errors_deg: report.truth.errors_deg,
      evaluation_summary: report.evaluation_summary,
      race_speedup_median: report.discovery_race?.speedup_median,
    },
  };
}

/** The file's bytes (compact JSON: it is fetched at start-up). */
export const serializePretrained = (file: PretrainedFile): string => JSON.stringify(file);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function describeValue(x: unknown): string {
  if (x === undefined) return 'missing';
  if (x === null) return 'null';
  if (Array.isArray(x)) {
    const bad = x.findIndex((v) => typeof v !== 'number');
    if (bad >= 0) return `an array with ${describeValue(x[bad])} at [${bad}]`;
    return `an array of ${x.length} number${x.length === 1 ? '' : 's'}`;
  }
  return typeof x === 'object' ? 'an object' : `a ${typeof x}`;
}

interface Rule {
  /** Dotted path from the file's root; every step before the last must be an object. */
  path: string;
  /** What is wrong with the file, for people, when the rule fails. */
  problem: string;
  expected: string;
  ok: (x: unknown) => boolean;
}

const object = (path: string, problem: string): Rule => ({
  path,
  problem,
  expected: 'an object',
  ok: isObject,
});

const numbers = (path: string, problem: string, length: { min?: number; exact?: number }): Rule => ({
  path,
  problem,
  expected: length.exact !== undefined ? `${length.exact} numbers` : `at least ${length.min} numbers`,
  ok: (x) =>
    Array.isArray(x) &&
    x.every((v) => typeof v === 'number') &&
    (length.exact === undefined || x.length === length.exact) &&
    (length.min === undefined || x.length >= length.min),
});

/** What the page needs from the file, checked in this order (the first failure is reported). */
const RULES: readonly Rule[] = [
  object('artifacts', 'the pretrained file has no artifacts'),
  object('artifacts.config.family', 'the pretrained file has no experiment config'),
  object('artifacts.config.training', 'the pretrained file has no experiment config'),
  numbers('artifacts.trainAngles', 'the pretrained file has no training angles', { min: 2 }),
  object('artifacts.base.actor', 'the pretrained file has no base policy'),
  object('artifacts.hereditary.result', 'the pretrained file has no hereditary geometry'),
  object('artifacts.hereditary.baseRewardModel', 'the pretrained file has no hereditary geometry'),
  numbers('artifacts.hereditary.result.generator', 'the pretrained generator is not a 3×3 matrix', {
    exact: 9,
  }),
  object('artifacts.rewardSymmetry', 'the pretrained file has no reward symmetry'),
];

/** Why `json` breaks the rule (naming the first bad field), or null. */
function ruleError(json: Record<string, unknown>, rule: Rule): string | null {
  const steps = rule.path.split('.');
  let at: unknown = json;
  for (let i = 0; i < steps.length; i++) {
    at = (at as Record<string, unknown>)[steps[i]];
    const last = i === steps.length - 1;
    if (last ? rule.ok(at) : isObject(at)) continue;
    const field = steps.slice(0, i + 1).join('.');
    const expected = last ? rule.expected : 'an object';
    return `${rule.problem} (${field} is ${describeValue(at)}, expected ${expected})`;
  }
  return null;
}

/** The artifacts of a parsed pretrained file, or why the file cannot be used (never throws, never partial). */
export function parsePretrained(json: unknown): PretrainedParse {
  if (!isObject(json)) return { error: 'the pretrained file is not a JSON object' };
  if (json.format !== PRETRAINED_FORMAT) {
    return {
      error: `the pretrained file has format ${JSON.stringify(json.format)}, expected ${PRETRAINED_FORMAT}`,
    };
  }
  for (const rule of RULES) {
    const error = ruleError(json, rule);
    if (error !== null) return { error };
  }
  const a = json.artifacts as Record<string, unknown>;
  return {
    artifacts: {
      ...(a as unknown as PipelineArtifacts),
      // Config fields added after a file was written take their defaults (what that run used).
      config: { ...DEFAULT_CONFIG, ...(a.config as PipelineArtifacts['config']) },
      baseline: (a.baseline as PipelineArtifacts['baseline']) ?? null,
      evaluation: (a.evaluation as PipelineArtifacts['evaluation']) ?? null,
    },
  };
}

/** The same, from the file's text (as read from disk). */
export function parsePretrainedText(text: string): PretrainedParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { error: `the pretrained file is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  return parsePretrained(json);
}
