// The experiment CLI's line-family options: parsing, defaults and one clear message per bad input.
import { describe, expect, it } from 'vitest';
import { degToRad } from '../core/angles';
import { resolvedTestExtent } from '../core/experimentConfig';
import { trainingParameters } from '../core/families';
import { parseExperimentArgs, UsageError } from './args';

describe('experiment CLI: --family line', () => {
  it('parses origin, direction, offsets (base first) and the test extent', () => {
    const o = parseExperimentArgs([
      '--family',
      'line',
      '--origin',
      '0.7,-1.2',
      '--direction=-45',
      '--train-offsets',
      '0.5,-0.25,1',
      '--test-extent',
      '2.2',
      '--seed',
      '5',
    ]);
    expect(o.config.family).toEqual({ kind: 'line', origin: [0.7, -1.2], direction: degToRad(-45) });
    expect(o.config.training).toEqual({ kind: 'offsets', offsets: [0.5, -0.25, 1] });
    expect(trainingParameters(o.config.training)).toEqual([0.5, -0.25, 1]);
    expect(o.config.testExtent).toBe(2.2);
    expect(o.config.seed).toBe(5);
  });

  it('defaults to a horizontal line through the origin, offsets 0, 0.3, 0.6 and the default extent', () => {
    const o = parseExperimentArgs(['--family', 'line']);
    expect(o.config.family).toEqual({ kind: 'line', origin: [0, 0], direction: 0 });
    expect(trainingParameters(o.config.training)).toEqual([0, 0.3, 0.6]);
    expect(o.config.testExtent).toBe(3);
    expect(resolvedTestExtent(o.config)).toBe(3);
    // A line near the wall gets a shorter default, keeping every goal 0.5 inside the arena.
    const near = parseExperimentArgs(['--family', 'line', '--origin', '3.9,0', '--train-offsets', '0,0.2']);
    expect(near.config.testExtent).toBeCloseTo(0.6, 12);
  });

  it.each([
    [['--family', 'line', '--origin', '1'], /--origin: expected 2 comma-separated numbers/],
    [['--family', 'line', '--origin', 'a,b'], /--origin: expected a number, got "a"/],
    [['--family', 'line', '--origin', '6,0'], /--origin: 6 is outside \[-5, 5\]/],
    [['--family', 'line', '--direction', 'north'], /--direction: expected a number/],
    [
      ['--family', 'line', '--train-offsets', '0'],
      /--train-offsets: give the base offset and at least one more/,
    ],
    [['--family', 'line', '--train-offsets', '0,,1'], /--train-offsets: expected a number, got ""/],
    [['--family', 'line', '--train-offsets', '0,0.3,0'], /--train-offsets: .* repeats an offset/],
    [
      ['--family', 'line', '--train-offsets', '0,6'],
      /--train-offsets: the goal at offset 6 is \(6, 0\), outside the arena/,
    ],
    [['--family', 'line', '--test-extent', '0'], /--test-extent: must be greater than 0/],
    [['--family', 'line', '--test-extent', '-1'], /--test-extent: -1 is outside/],
    [['--family', 'line', '--test-extent', 'x'], /--test-extent: expected a number/],
    [
      ['--family', 'line', '--origin', '1,1', '--direction', '90', '--test-extent', '4.5'],
      /--test-extent: the goal at offset 4.5 is \(1, 5.5\), outside the arena .*choose a smaller L/,
    ],
    [
      ['--family', 'line', '--origin', '4.95,0', '--train-offsets', '0,-0.1'],
      /leaves no room for test goals/,
    ],
    [['--family', 'line', '--radius', '1'], /--radius does not apply to --family line/],
    [['--family', 'line', '--train-angles', '0,90'], /--train-angles does not apply to --family line/],
    [['--origin', '0,0'], /--origin applies to --family line only/],
    [['--family', 'ellipse', '--test-extent', '2'], /--test-extent applies to --family line only/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseExperimentArgs(argv)).toThrow(UsageError);
    expect(() => parseExperimentArgs(argv)).toThrow(message);
  });

  it('keeps the common options for a line (action set, context, test goals, budget)', () => {
    const o = parseExperimentArgs([
      '--family',
      'line',
      '--action-constraint',
      'box',
      '--context',
      '24',
      '--test-goals',
      '41',
      '--budget',
      'full',
    ]);
    expect(o.config.actionConstraint).toBe('box');
    expect(o.config.context).toBe(24);
    expect(o.config.testGoals).toBe(41);
    expect(o.config.budget).toBe('full');
  });
});
