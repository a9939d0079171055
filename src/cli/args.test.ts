import { describe, expect, it } from 'vitest';
import { radToDeg } from '../core/angles';
import { trainingAngles } from '../core/families';
import { parseExperimentArgs, UsageError } from './args';

describe('experiment CLI options', () => {
  it('defaults to the paper preset on the unit circle', () => {
    const o = parseExperimentArgs([]);
    expect(o.config.family).toEqual({ kind: 'circle', center: [0, 0], radius: 1 });
    expect(trainingAngles(o.config.training)).toHaveLength(4);
    expect(o.config.budget).toBe('quick');
    expect(o.format).toBe('json');
  });

  it('parses a full circle specification', () => {
    const o = parseExperimentArgs([
      '--family',
      'circle',
      '--center',
      '0.5,-1',
      '--radius=1.5',
      '--seed',
      '3',
      '--budget',
      'quick',
      '--out',
      'r.json',
    ]);
    expect(o.config.family).toEqual({ kind: 'circle', center: [0.5, -1], radius: 1.5 });
    expect(o.config.seed).toBe(3);
    expect(o.out).toBe('r.json');
  });

  it('parses ellipses, training angles and evenly spread tasks', () => {
    const e = parseExperimentArgs([
      '--family',
      'ellipse',
      '--axes',
      '0.7,0.9',
      '--tilt',
      '30',
      '--ellipse-reward',
      'euclidean',
      '--train-angles',
      '0,60,140,250',
    ]);
    expect(e.config.family.kind).toBe('ellipse');
    expect(trainingAngles(e.config.training).map((a) => Math.round(radToDeg(a)))).toEqual([0, 60, 140, -110]);
    const d = parseExperimentArgs(['--train-tasks', '12', '--base-angle', '90']);
    const angles = trainingAngles(d.config.training);
    expect(angles).toHaveLength(12);
    expect(angles[0]).toBeCloseTo(Math.PI / 2, 12);
  });

  it.each([
    [['--family', 'square'], /--family: expected one of circle\|ellipse/],
    [['--radius', 'abc'], /--radius: expected a number/],
    [['--radius', '-1'], /outside/],
    [['--center', '1'], /expected 2 comma-separated/],
    [['--context', '2.5'], /integer/],
    [['--bogus', '1'], /unknown option --bogus/],
    [['--seed'], /missing value/],
    [['--train-angles', '0'], /at least one more/],
    [['--train-angles', '0,1', '--train-tasks', '3'], /mutually exclusive/],
    [['--family', 'circle', '--axes', '1,1'], /ellipse only/],
    [['--seed', '1', '--seed', '2'], /twice/],
    [['--radius', 'NaN'], /expected a number/],
  ])('rejects %j with a one-line message', (argv, msg) => {
    expect(() => parseExperimentArgs(argv)).toThrow(UsageError);
    expect(() => parseExperimentArgs(argv)).toThrow(msg);
  });
});

describe('report options', () => {
  it('run every race setting, one seed, no sweep and no control by default', () => {
    const o = parseExperimentArgs([]);
    expect(o.report).toEqual({
      raceSettings: ['paper', 'fitted', 'masked', 'small-theta'],
      raceSweep: false,
      withControl: false,
      seeds: 1,
    });
    expect(o.config.baselineBudgetScale).toBe(1);
  });

  it('parses value-less flags, a subset of race settings, seeds and the baseline budget scale', () => {
    const o = parseExperimentArgs([
      '--race-sweep',
      '--race-settings',
      'fitted,paper',
      '--with-control',
      '--seeds=3',
      '--baseline-budget-scale',
      '4',
      '--seed',
      '2',
    ]);
    expect(o.report).toEqual({
      raceSettings: ['fitted', 'paper'],
      raceSweep: true,
      withControl: true,
      seeds: 3,
    });
    expect(o.config.baselineBudgetScale).toBe(4);
    expect(o.config.seed).toBe(2);
  });

  it('refuses a value on a flag, an unknown or repeated setting, and out-of-range seeds', () => {
    expect(() => parseExperimentArgs(['--race-sweep=yes'])).toThrow(/--race-sweep takes no value/);
    expect(() => parseExperimentArgs(['--with-control', '--with-control'])).toThrow(/given twice/);
    expect(() => parseExperimentArgs(['--race-settings', 'paper,nope'])).toThrow(/expected one of/);
    expect(() => parseExperimentArgs(['--race-settings', 'paper,paper'])).toThrow(/repeats a setting/);
    expect(() => parseExperimentArgs(['--seeds', '0'])).toThrow(/outside/);
    expect(() => parseExperimentArgs(['--baseline-budget-scale', '0'])).toThrow(/outside/);
  });

  it('--sac-impl selects the tfjs reference SAC path; absent, the config carries no key (the fused default)', () => {
    expect(parseExperimentArgs(['--sac-impl', 'tfjs']).config.sacImpl).toBe('tfjs');
    expect(parseExperimentArgs(['--sac-impl=fused']).config.sacImpl).toBe('fused');
    expect('sacImpl' in parseExperimentArgs([]).config).toBe(false);
    expect(() => parseExperimentArgs(['--sac-impl', 'gpu'])).toThrow(/expected one of fused\|tfjs/);
  });
});
