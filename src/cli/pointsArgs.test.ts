// The experiment CLI's --family points --goals: parsing, and one clear line per bad input.
import { describe, expect, it } from 'vitest';
import { baseTrainingStartHalfWidth } from '../core/experimentConfig';
import { goalAt, trainingParameters } from '../core/families';
import { parseExperimentArgs, USAGE, UsageError } from './args';

const points = (goals: string, ...rest: string[]) => ['--family', 'points', '--goals', goals, ...rest];

describe('experiment CLI: --family points', () => {
  it('parses the goals (the first the base) and selects each goal by its arc length', () => {
    const o = parseExperimentArgs(points('1.1,0.2; 0.3,1.0;-0.9,0.4;-0.2,-1.1', '--seed', '21'));
    expect(o.config.family).toEqual({
      kind: 'points',
      goals: [
        [1.1, 0.2],
        [0.3, 1],
        [-0.9, 0.4],
        [-0.2, -1.1],
      ],
    });
    const family = o.config.family;
    const params = trainingParameters(o.config.training);
    expect(params).toHaveLength(4);
    if (family.kind !== 'points') throw new Error('expected points');
    params.forEach((t, i) => {
      const g = goalAt(family, t);
      expect(g[0]).toBeCloseTo(family.goals[i][0], 12);
      expect(g[1]).toBeCloseTo(family.goals[i][1], 12);
    });
    expect(o.config.seed).toBe(21);
    expect(baseTrainingStartHalfWidth(o.config)).toBe(4.75);
    expect(USAGE).toContain('--family circle|ellipse|line|points');
  });

  it('keeps the common options (context, test goals, budget) and accepts --goals=…', () => {
    const o = parseExperimentArgs([
      '--family=points',
      '--goals=0,0;1,0;0,1',
      '--context',
      '24',
      '--test-goals',
      '36',
    ]);
    expect(o.config.family.kind).toBe('points');
    expect(o.config.context).toBe(24);
    expect(o.config.testGoals).toBe(36);
  });

  it.each([
    [['--family', 'points'], /^--goals: required with --family points/],
    [points('1,0;0,1'), /^--goals: give at least 3 goals \(the base and two more; got 2\)$/],
    [points('1,0'), /^--goals: give at least 3 goals/],
    [points('1,0;0,x;2,2'), /^--goals: expected a number, got "x"$/],
    [points('1,0;0,1;;2,2'), /^--goals: goal 3 "" is not x,y/],
    [points('1,0;0,1,2;2,2'), /^--goals: goal 2 "0,1,2" is not x,y/],
    [points('1,0;0,;2,2'), /^--goals: expected a number, got ""$/],
    [points('1,0;0,1;6,0'), /^--goals: goal 3 \(6, 0\) is outside the arena \[−5, 5\]²$/],
    [points('1,0;0,-5.5;2,0'), /^--goals: goal 2 \(0, -5.5\) is outside the arena/],
    [points('1,0;0,1;1,0'), /^--goals: goals 1 and 3 are 0 apart, the same task \(keep them ≥ 0.05 apart\)$/],
    [points('1,0;0,1;0.01,1.02'), /^--goals: goals 2 and 3 are 0.0224 apart, the same task/],
    [['--goals', '1,0;0,1;2,2'], /^--goals applies to --family points only$/],
    [['--family', 'line', '--goals', '1,0;0,1;2,2'], /^--goals applies to --family points only$/],
    [points('1,0;0,1;2,2', '--center', '0,0'), /^--center does not apply to --family points/],
    [points('1,0;0,1;2,2', '--train-offsets', '0,1'), /^--train-offsets does not apply to --family points/],
    [points('1,0;0,1;2,2', '--with-control'), /^--with-control does not apply to --family points/],
  ])('refuses %j with one line', (argv, message) => {
    expect(() => parseExperimentArgs(argv)).toThrow(UsageError);
    expect(() => parseExperimentArgs(argv)).toThrow(message);
    try {
      parseExperimentArgs(argv);
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
