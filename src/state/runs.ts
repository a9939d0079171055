// Kept runs (pure): what a stored run is, its one-line summary, its file (the shipped format), and which run fits a link.
import { radToDeg } from '../core/angles';
import { type ExperimentConfig, resolvedTrainingAngles } from '../core/experimentConfig';
import type { PipelineArtifacts } from '../core/pipeline/artifacts';
import {
  type PretrainedFile,
  parsePretrainedText,
  pretrainedFile,
  serializePretrained,
} from '../core/pipeline/pretrainedFile';
import { buildReport } from '../core/pipeline/report';
import { trainingDifferences } from './derived';
import { parseFieldValue, type UrlField, type UrlState } from './urlSchema';

/** The shipped run's id: always listed, never stored, never deleted. */
export const PRETRAINED_RUN_ID = 'pretrained';

/** Where a kept run came from: trained in this page, or read from a file. */
export type RunOrigin = 'live' | 'imported' | 'shipped';

/** Headline figures of a run, for its line in the list (null where the run has no such figure). */
export interface RunScores {
  base: number | null;
  /** Mean normalised score over the evaluated test goals. */
  hereditary: number | null;
  baseline: number | null;
}

/** What the list shows of a run (small: the list is read without the weights). */
export interface RunSummary {
  id: string;
  name: string;
  /** ISO date-time the run was kept (the shipped run: the day its file was written). */
  createdAt: string;
  origin: RunOrigin;
  config: ExperimentConfig;
  scores: RunScores;
  /** Wall time of the live training, ms (absent for imported and shipped runs). */
  trainMs?: number;
}

/** A kept run: its summary and the artifacts the page shows. */
export interface StoredRun extends RunSummary {
  artifacts: PipelineArtifacts;
}

const mean = (r: Record<string, number> | undefined, agent: string): number | null =>
  r && typeof r[agent] === 'number' ? r[agent] : null;

export function runScores(a: PipelineArtifacts): RunScores {
  const summary = a.evaluation?.summary;
  return {
    base: typeof a.base?.score === 'number' ? a.base.score : null,
    hereditary: mean(summary?.mean_score, 'hereditary'),
    baseline: a.baseline ? mean(summary?.mean_score, 'baseline') : null,
  };
}

/** A run from its artifacts; `now` and `id` are passed in so the function stays pure. */
export function makeRun(
  artifacts: PipelineArtifacts,
  meta: { id: string; name: string; createdAt: Date; origin: RunOrigin; trainMs?: number },
): StoredRun {
  const { createdAt, ...rest } = meta;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    config: artifacts.config,
    scores: runScores(artifacts),
    artifacts,
  };
}

export const summaryOf = ({ artifacts: _artifacts, ...summary }: StoredRun): RunSummary => summary;

const trim = (x: number, digits = 2) => String(+x.toFixed(digits));

/** The training settings of a config in one short line, e.g. "circle r=1 · 4 tasks · disk · seed 0 · quick". */
export function describeSettings(c: ExperimentConfig): string {
  const tasks = resolvedTrainingAngles(c).length;
  return `${describeFamilyShort(c.family)} · ${tasks} task${tasks === 1 ? '' : 's'} · ${c.actionConstraint} · seed ${c.seed} · ${c.budget}`;
}

function describeFamilyShort(f: ExperimentConfig['family']): string {
  if (f.kind === 'line')
    return `line through (${trim(f.origin[0])}, ${trim(f.origin[1])}) at ${trim(radToDeg(f.direction), 1)}°`;
  if (f.kind === 'points')
    return `${f.goals.length} goals from (${trim(f.goals[0][0])}, ${trim(f.goals[0][1])})`;
  const centre =
    f.center[0] !== 0 || f.center[1] !== 0 ? ` at (${trim(f.center[0])}, ${trim(f.center[1])})` : '';
  if (f.kind === 'circle') return `circle r=${trim(f.radius)}${centre}`;
  const reward = f.reward === 'euclidean' ? ' euclidean' : '';
  return `ellipse ${trim(f.axes[0])}×${trim(f.axes[1])} ψ=${trim(radToDeg(f.tilt), 1)}°${reward}${centre}`;
}

/** "mean score: hereditary 0.99, baseline 0.41" (or what the run has). */
export function describeScores(s: RunScores): string {
  const parts: string[] = [];
  if (s.hereditary !== null) parts.push(`hereditary ${s.hereditary.toFixed(2)}`);
  if (s.baseline !== null) parts.push(`baseline ${s.baseline.toFixed(2)}`);
  if (parts.length) return `mean score: ${parts.join(', ')}`;
  return s.base !== null ? `base score ${s.base.toFixed(2)} (not evaluated)` : 'not evaluated';
}

/** The file of a run, in the shipped pretrained format (plus the run's name for the reader). */
export function runFile(run: StoredRun): PretrainedFile & { run_name: string } {
  const report = buildReport(run.artifacts, { backend: 'browser', timings_ms: {} });
  const file = pretrainedFile(run.artifacts, report, {
    generatedBy: `hereditary page: ${run.origin === 'shipped' ? 'shipped pretrained run' : run.name}`,
    generatedAt: new Date(run.createdAt),
  });
  return { ...file, run_name: run.name };
}

export const runFileText = (run: StoredRun): string => serializePretrained(runFile(run));

/** A safe download name: "hereditary-run-seed-0-quick-2025-01-31.json". */
export function runFileName(run: RunSummary): string {
  const slug = run.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `hereditary-${slug || 'run'}-${run.createdAt.slice(0, 10)}.json`;
}

export type RunImport = { run: StoredRun } | { error: string };

/** A run from a file's text: checked with the shipped file's schema; a bad file yields a message, never a run. */
export function runFromFileText(text: string, fileName: string, meta: { id: string; now: Date }): RunImport {
  const parsed = parsePretrainedText(text);
  if ('error' in parsed)
    return { error: `${fileName}: ${parsed.error.replace(/^the pretrained file/, 'the file')}` };
  let name = fileName.replace(/\.json$/i, '');
  try {
    const json = JSON.parse(text) as { run_name?: unknown };
    if (typeof json.run_name === 'string' && json.run_name.trim()) name = json.run_name.trim().slice(0, 80);
  } catch {
    // parsePretrainedText already read it.
  }
  return { run: makeRun(parsed.artifacts, { id: meta.id, name, createdAt: meta.now, origin: 'imported' }) };
}

/** Default name of a run trained in the page. */
export const liveRunName = (c: ExperimentConfig): string => `Live run, seed ${c.seed}, ${c.budget}`;

/** Auto-saved runs kept (the most recent); renamed and imported runs are kept until the reader deletes them. */
export const AUTO_SAVED_RUNS_KEPT = 20;

/**
 * A run the page saved by itself: trained here and still under the name it was given (liveRunName, with the
 * "(cancelled, partial)" tail of an unfinished run). Renaming a run, or importing one, keeps it for good.
 */
export function isAutoSaved(run: RunSummary): boolean {
  if (run.origin !== 'live') return false;
  const auto = liveRunName(run.config);
  return run.name === auto || (run.name.startsWith(`${auto} (`) && run.name.endsWith(', partial)'));
}

/**
 * The auto-saved runs past the cap, oldest first: all but the `keep` most recent, never one in `protect` (the run
 * on screen, the one just kept).
 */
export function runsPastCap<R extends RunSummary>(
  runs: readonly R[],
  protect: ReadonlySet<string>,
  keep = AUTO_SAVED_RUNS_KEPT,
): R[] {
  const auto = runs
    .filter(isAutoSaved)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const excess = auto.length - keep;
  if (excess <= 0) return [];
  return auto.filter((r) => !protect.has(r.id)).slice(0, excess);
}

/**
 * How much a difference matters when picking the nearest run: another family or training set changes every
 * picture, the constraint changes the paths, seed and budget only the numbers.
 */
const DIFFERENCE_WEIGHT: Record<string, number> = {
  'task family': 8,
  'training angles': 4,
  'action constraint': 2,
  budget: 1,
  seed: 1,
};

const distance = (differences: string[]) =>
  differences.reduce((sum, d) => sum + (DIFFERENCE_WEIGHT[d] ?? 1), 0);

export interface RunChoice {
  run: RunSummary;
  /** Training settings in which the run differs from the wanted experiment (empty: an exact match). */
  differences: string[];
}

/**
 * The run to show for the wanted experiment: an exact match when there is one, else the nearest (weighted
 * differences). Ties go to `preferId` (the run shown last), then the shipped run, then the newest.
 */
export function chooseRun(
  wanted: ExperimentConfig,
  runs: readonly RunSummary[],
  preferId: string | null = null,
): RunChoice | null {
  let best: (RunChoice & { rank: number[] }) | null = null;
  for (const run of runs) {
    const differences = trainingDifferences(run.config, wanted);
    const rank = [
      distance(differences),
      run.id === preferId ? 0 : 1,
      run.id === PRETRAINED_RUN_ID ? 0 : 1,
      -Date.parse(run.createdAt) || 0,
    ];
    if (!best || lexLess(rank, best.rank)) best = { run, differences, rank };
  }
  return best ? { run: best.run, differences: best.differences } : null;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** The runs whose training settings are exactly the wanted ones. */
export const matchingRuns = (wanted: ExperimentConfig, runs: readonly RunSummary[]): RunSummary[] =>
  runs.filter((r) => trainingDifferences(r.config, wanted).length === 0);

type TrainingField = 'family' | 'cx' | 'cy' | 'radius' | 'alpha' | 'beta' | 'tilt' | 'reward' | 'train';

/**
 * The link's training settings that ask for this config (the inverse of experimentConfigFromSettings). A value
 * the link cannot carry (out of range) is left out, so the page then says that the settings differ.
 */
export function settingsFromConfig(c: ExperimentConfig): Partial<UrlState> {
  const f = c.family;
  const wanted: Partial<Record<TrainingField | 'constraint' | 'seed' | 'budget', unknown>> = {
    train: resolvedTrainingAngles(c).map((a) => Math.round(radToDeg(a) * 100) / 100),
    constraint: c.actionConstraint,
    seed: c.seed,
    budget: c.budget,
  };
  // The link has no line family: its family settings stay, and the page says that the family differs.
  if (f.kind === 'circle')
    Object.assign(wanted, { family: f.kind, cx: f.center[0], cy: f.center[1], radius: f.radius });
  else if (f.kind === 'ellipse')
    Object.assign(wanted, {
      family: f.kind,
      cx: f.center[0],
      cy: f.center[1],
      alpha: f.axes[0],
      beta: f.axes[1],
      tilt: radToDeg(f.tilt),
      reward: f.reward,
    });
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wanted)) {
    // Numbers carry float noise (29.999999999999996°): six decimals, then the field's own rounding.
    const text = (x: unknown) => (typeof x === 'number' ? String(+x.toFixed(6)) : String(x));
    const raw = Array.isArray(value) ? value.map(text).join(',') : text(value);
    const parsed = parseFieldValue(field as UrlField, raw);
    if (parsed.ok) out[field] = parsed.value;
  }
  return out as Partial<UrlState>;
}

/** Typical wall time of a live run per budget (README's browser benchmark, 2 cores), seconds. */
const TYPICAL_TRAIN_S: Record<ExperimentConfig['budget'], number> = { smoke: 15, quick: 90, full: 900 };

/** Expected training time: the median of this browser's own runs of that budget, else the typical figure. */
export function expectedTrainSeconds(
  budget: ExperimentConfig['budget'],
  runs: readonly RunSummary[],
): number {
  const own = runs
    .filter((r) => r.config.budget === budget && typeof r.trainMs === 'number')
    .map((r) => r.trainMs as number)
    .sort((a, b) => a - b);
  if (own.length === 0) return TYPICAL_TRAIN_S[budget];
  return Math.max(1, Math.round(own[Math.floor(own.length / 2)] / 1000));
}

/** "≈ 90 s", "≈ 15 min". */
export const formatDuration = (s: number): string => (s < 120 ? `≈ ${s} s` : `≈ ${Math.round(s / 60)} min`);
