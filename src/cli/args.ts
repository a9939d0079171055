// Parse and validate the experiment CLI's options into an ExperimentConfig (pure; unit-tested).

import { degToRad } from '../core/angles';
import { DEFAULT_ENV } from '../core/env';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../core/experimentConfig';
import {
  defaultLineTestExtent,
  type EllipseReward,
  goalAt,
  type LineFamily,
  type TaskFamily,
} from '../core/families';
import {
  DEFAULT_REPORT_OPTIONS,
  RACE_SETTING_NAMES,
  type RaceSettingName,
  type ReportOptions,
} from '../core/pipeline/reportOptions';
import {
  closestGoalPair,
  POINTS_MIN_GOALS,
  POINTS_MIN_SEPARATION,
  polylineOffsets,
} from '../core/pointsFamily';
import { SAC_IMPLS } from '../core/sac/sacTrainer';

export class UsageError extends Error {}

export interface CliOptions {
  config: ExperimentConfig;
  /** What the report adds beyond the pipeline (race settings and sweep, control, seeds). */
  report: ReportOptions;
  out: string | null;
  format: 'json' | 'csv';
}

const KNOWN = new Set([
  'family',
  'center',
  'radius',
  'axes',
  'tilt',
  'ellipse-reward',
  'base-angle',
  'train-angles',
  'train-tasks',
  'train-sampled',
  'origin',
  'direction',
  'train-offsets',
  'test-extent',
  'goals',
  'action-constraint',
  'context',
  'test-goals',
  'episodes',
  'seed',
  'budget',
  'backend',
  'sac-impl',
  'out',
  'race-seeds',
  'race-settings',
  'baseline-budget-scale',
  'seeds',
  'format',
]);

/** Options that take no value: present = on. */
const FLAGS = new Set(['race-sweep', 'with-control']);

function num(name: string, v: string, lo: number, hi: number, integer = false): number {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x))
    throw new UsageError(`--${name}: expected a number, got "${v}"`);
  if (integer && !Number.isInteger(x)) throw new UsageError(`--${name}: expected an integer, got "${v}"`);
  if (x < lo || x > hi) throw new UsageError(`--${name}: ${x} is outside [${lo}, ${hi}]`);
  return x;
}

function list(name: string, v: string, n: number | null, lo: number, hi: number): number[] {
  const parts = v.split(',');
  if (n !== null && parts.length !== n)
    throw new UsageError(`--${name}: expected ${n} comma-separated numbers, got "${v}"`);
  return parts.map((p) => num(name, p, lo, hi));
}

function oneOf<T extends string>(name: string, v: string, options: readonly T[]): T {
  if (!(options as readonly string[]).includes(v))
    throw new UsageError(`--${name}: expected one of ${options.join('|')}, got "${v}"`);
  return v as T;
}

/** Parse argv (without node and script). Throws UsageError with a one-line message on bad input. */
export function parseExperimentArgs(argv: readonly string[]): CliOptions {
  const raw = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--'))
      throw new UsageError(`unexpected argument "${a}" (options look like --name value)`);
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (FLAGS.has(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      if (raw.has(name)) throw new UsageError(`--${name} given twice`);
      raw.set(name, 'true');
      continue;
    }
    if (!KNOWN.has(name)) throw new UsageError(`unknown option --${name}`);
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name}: missing value`);
      i++;
    }
    if (raw.has(name)) throw new UsageError(`--${name} given twice`);
    raw.set(name, value);
  }
  const get = (k: string) => raw.get(k);
  const cfg: ExperimentConfig = { ...DEFAULT_CONFIG };
  const kind = oneOf('family', get('family') ?? 'circle', ['circle', 'ellipse', 'line', 'points'] as const);
  if (kind !== 'points' && raw.has('goals')) throw new UsageError('--goals applies to --family points only');
  if (kind === 'points') {
    pointsOptions(raw, cfg);
    return commonOptions(raw, cfg);
  }
  const lineOnly = ['origin', 'direction', 'train-offsets', 'test-extent'].filter((k) => raw.has(k));
  if (kind !== 'line' && lineOnly.length)
    throw new UsageError(`--${lineOnly[0]} applies to --family line only`);
  if (kind === 'line') {
    lineOptions(raw, cfg);
    return commonOptions(raw, cfg);
  }
  const center = get('center')
    ? (list('center', get('center')!, 2, -4, 4) as [number, number])
    : ([0, 0] as const);
  let family: TaskFamily;
  if (kind === 'circle') {
    for (const k of ['axes', 'tilt', 'ellipse-reward'])
      if (raw.has(k)) throw new UsageError(`--${k} applies to --family ellipse only`);
    family = { kind, center: [center[0], center[1]], radius: num('radius', get('radius') ?? '1', 0.2, 3) };
  } else {
    if (raw.has('radius'))
      throw new UsageError('--radius applies to --family circle only (use --axes for ellipses)');
    const axes = list('axes', get('axes') ?? '0.7,0.9', 2, 0.2, 3);
    const reward = oneOf<EllipseReward>('ellipse-reward', get('ellipse-reward') ?? 'pushforward', [
      'pushforward',
      'euclidean',
    ]);
    family = {
      kind,
      center: [center[0], center[1]],
      axes: [axes[0], axes[1]],
      tilt: degToRad(num('tilt', get('tilt') ?? '0', -180, 180)),
      reward,
    };
  }
  cfg.family = family;
  const exclusive = ['train-angles', 'train-tasks', 'train-sampled'].filter((k) => raw.has(k));
  if (exclusive.length > 1)
    throw new UsageError(`--${exclusive[0]} and --${exclusive[1]} are mutually exclusive`);
  const baseDeg = get('base-angle');
  if (raw.has('train-angles')) {
    if (baseDeg !== undefined)
      throw new UsageError('--base-angle conflicts with --train-angles (the first angle is the base)');
    const angles = list('train-angles', get('train-angles')!, null, -360, 360);
    if (angles.length < 2) throw new UsageError('--train-angles: give the base angle and at least one more');
    cfg.training = { kind: 'angles', angles: angles.map(degToRad) };
  } else if (raw.has('train-tasks') || raw.has('train-sampled')) {
    // N counts all training tasks, the base included: --train-tasks spreads them evenly, --train-sampled draws by seed.
    const sampled = raw.has('train-sampled');
    const name = sampled ? 'train-sampled' : 'train-tasks';
    const count = num(name, get(name)!, 2, 64, true) - 1;
    const baseAngle = degToRad(num('base-angle', baseDeg ?? '0', -360, 360));
    cfg.training = sampled
      ? { kind: 'sampled', baseAngle, count, seed: 0 }
      : { kind: 'spread', baseAngle, count };
  } else if (baseDeg !== undefined) {
    throw new UsageError('--base-angle needs --train-tasks or --train-sampled');
  }
  return commonOptions(raw, cfg);
}

/** The options every family shares (action set, test-time and budget settings, report options, output). */
function commonOptions(raw: ReadonlyMap<string, string>, cfg: ExperimentConfig): CliOptions {
  const get = (k: string) => raw.get(k);
  cfg.actionConstraint = oneOf('action-constraint', get('action-constraint') ?? 'disk', [
    'disk',
    'box',
  ] as const);
  cfg.context = num('context', get('context') ?? String(DEFAULT_CONFIG.context), 1, 256, true);
  cfg.testGoals = num('test-goals', get('test-goals') ?? String(DEFAULT_CONFIG.testGoals), 1, 720, true);
  cfg.episodes = num('episodes', get('episodes') ?? String(DEFAULT_CONFIG.episodes), 1, 256, true);
  cfg.seed = num('seed', get('seed') ?? '0', 0, 2 ** 31 - 1, true);
  if (cfg.training.kind === 'sampled') cfg.training = { ...cfg.training, seed: cfg.seed };
  cfg.budget = oneOf('budget', get('budget') ?? 'quick', ['quick', 'full'] as const);
  cfg.backend = oneOf('backend', get('backend') ?? 'wasm', ['wasm', 'cpu'] as const);
  // Absent: the fused SAC step (the report's config keeps no sacImpl key); 'tfjs' selects the reference path.
  if (raw.has('sac-impl')) cfg.sacImpl = oneOf('sac-impl', get('sac-impl')!, SAC_IMPLS);
  cfg.raceSeeds = num('race-seeds', get('race-seeds') ?? String(DEFAULT_CONFIG.raceSeeds), 1, 100, true);
  cfg.baselineBudgetScale = num('baseline-budget-scale', get('baseline-budget-scale') ?? '1', 0.25, 16);
  const format = oneOf('format', get('format') ?? 'json', ['json', 'csv'] as const);
  return { config: cfg, report: reportOptions(get), out: get('out') ?? null, format };
}

/** Bound for line offsets and extents given on the command line (the arena check below is the real limit). */
const LINE_NUMBER_LIMIT = 20;

/** Options of the circle and ellipse families (refused with another family). */
const PERIODIC_FAMILY_FLAGS = [
  'center',
  'radius',
  'axes',
  'tilt',
  'ellipse-reward',
  'train-angles',
  'train-tasks',
  'train-sampled',
  'base-angle',
] as const;
/** Options of the line family. */
const LINE_FAMILY_FLAGS = ['origin', 'direction', 'train-offsets', 'test-extent'] as const;

/**
 * --family line: --origin x,y (default 0,0), --direction deg (default 0), --train-offsets t0,t1,… (t0 the base;
 * at least 2, distinct; default 0,0.3,0.6) and --test-extent L (default defaultLineTestExtent). Every training goal
 * and both ends of the test range must lie inside the arena.
 */
function lineOptions(raw: ReadonlyMap<string, string>, cfg: ExperimentConfig): void {
  const get = (k: string) => raw.get(k);
  const periodicOnly = PERIODIC_FAMILY_FLAGS.filter((k) => raw.has(k));
  if (periodicOnly.length)
    throw new UsageError(
      `--${periodicOnly[0]} does not apply to --family line (use --origin, --direction, --train-offsets, --test-extent)`,
    );
  const bound = DEFAULT_ENV.stateBound;
  const o = list('origin', get('origin') ?? '0,0', 2, -bound, bound);
  const family: LineFamily = {
    kind: 'line',
    origin: [o[0], o[1]],
    direction: degToRad(num('direction', get('direction') ?? '0', -360, 360)),
  };
  const offsets = list(
    'train-offsets',
    get('train-offsets') ?? '0,0.3,0.6',
    null,
    -LINE_NUMBER_LIMIT,
    LINE_NUMBER_LIMIT,
  );
  if (offsets.length < 2)
    throw new UsageError('--train-offsets: give the base offset and at least one more (e.g. 0,0.3,0.6)');
  if (new Set(offsets).size !== offsets.length)
    throw new UsageError(
      `--train-offsets: "${get('train-offsets')}" repeats an offset (each task must differ)`,
    );
  const outside = (t: number) => {
    const g = goalAt(family, t);
    return Math.abs(g[0]) > bound || Math.abs(g[1]) > bound ? g : null;
  };
  const where = (t: number, g: readonly number[]) =>
    `the goal at offset ${t} is (${g.map((v) => +v.toFixed(3)).join(', ')}), outside the arena [−${bound}, ${bound}]²`;
  for (const t of offsets) {
    const g = outside(t);
    if (g) throw new UsageError(`--train-offsets: ${where(t, g)}`);
  }
  let extent: number;
  if (raw.has('test-extent')) {
    extent = num('test-extent', get('test-extent') as string, 0, LINE_NUMBER_LIMIT);
    if (extent === 0)
      throw new UsageError('--test-extent: must be greater than 0 (test offsets span [−L, L])');
    for (const t of [-extent, extent]) {
      const g = outside(t);
      if (g) throw new UsageError(`--test-extent: ${where(t, g)}; choose a smaller L`);
    }
  } else {
    extent = defaultLineTestExtent(family, offsets, bound);
    if (!(extent > 0))
      throw new UsageError(`--origin: (${o.join(', ')}) leaves no room for test goals inside the arena`);
  }
  cfg.family = family;
  cfg.training = { kind: 'offsets', offsets };
  cfg.testExtent = extent;
}

/**
 * --family points --goals "x0,y0;x1,y1;…": the reader's own goals, the first the base; at least 3, each inside the
 * arena, no two closer than POINTS_MIN_SEPARATION. No other family option applies; nor does the dense control (its
 * tasks are spread along an orbit known only after discovery).
 */
function pointsOptions(raw: ReadonlyMap<string, string>, cfg: ExperimentConfig): void {
  const other = [...PERIODIC_FAMILY_FLAGS, ...LINE_FAMILY_FLAGS, 'with-control'].filter((k) => raw.has(k));
  if (other.length)
    throw new UsageError(`--${other[0]} does not apply to --family points (give the goals with --goals)`);
  const text = raw.get('goals');
  if (text === undefined)
    throw new UsageError('--goals: required with --family points, e.g. --goals "1,0;0,1;-1,0;0,-1"');
  const bound = DEFAULT_ENV.stateBound;
  const goals = text.split(';').map((pair, i) => {
    const xy = pair.split(',');
    if (xy.length !== 2)
      throw new UsageError(
        `--goals: goal ${i + 1} "${pair}" is not x,y (goals are x,y pairs separated by ";")`,
      );
    const [x, y] = xy.map((v) => num('goals', v, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY));
    if (Math.abs(x) > bound || Math.abs(y) > bound)
      throw new UsageError(`--goals: goal ${i + 1} (${x}, ${y}) is outside the arena [−${bound}, ${bound}]²`);
    return [x, y] as [number, number];
  });
  if (goals.length < POINTS_MIN_GOALS)
    throw new UsageError(
      `--goals: give at least ${POINTS_MIN_GOALS} goals (the base and two more; got ${goals.length})`,
    );
  const close = closestGoalPair(goals);
  if (close.distance < POINTS_MIN_SEPARATION)
    throw new UsageError(
      `--goals: goals ${close.i + 1} and ${close.j + 1} are ${+close.distance.toFixed(4)} apart, the same task (keep them ≥ ${POINTS_MIN_SEPARATION} apart)`,
    );
  cfg.family = { kind: 'points', goals };
  // Each goal's task is the polyline's point at its own arc length (families.ts), so these select the goals.
  cfg.training = { kind: 'offsets', offsets: polylineOffsets(goals) };
}

function reportOptions(get: (k: string) => string | undefined): ReportOptions {
  const settingsArg = get('race-settings');
  let raceSettings: readonly RaceSettingName[] = DEFAULT_REPORT_OPTIONS.raceSettings;
  if (settingsArg !== undefined) {
    const names = settingsArg.split(',').map((s) => oneOf('race-settings', s.trim(), RACE_SETTING_NAMES));
    if (new Set(names).size !== names.length)
      throw new UsageError(`--race-settings: "${settingsArg}" repeats a setting`);
    raceSettings = names;
  }
  return {
    raceSettings,
    raceSweep: get('race-sweep') === 'true',
    withControl: get('with-control') === 'true',
    seeds: num('seeds', get('seeds') ?? '1', 1, 32, true),
  };
}

export const USAGE = `usage: npm run experiment -- [--family circle|ellipse|line|points] [--goals "x0,y0;x1,y1;..."] [--center x,y] [--radius r] [--axes a,b]
  [--tilt deg] [--ellipse-reward pushforward|euclidean] [--train-angles d0,d1,... | --train-tasks N | --train-sampled N]
  [--base-angle deg] [--origin x,y] [--direction deg] [--train-offsets t0,t1,...] [--test-extent L] [--action-constraint disk|box] [--context K] [--test-goals M] [--episodes E] [--seed S]
  [--budget quick|full] [--backend wasm|cpu] [--sac-impl fused|tfjs] [--race-seeds N] [--race-settings paper,fitted,masked,small-theta]
  [--race-sweep] [--baseline-budget-scale k] [--with-control] [--seeds N] [--format json|csv] [--out file]`;
