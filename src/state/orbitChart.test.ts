import { describe, expect, it } from 'vitest';
import type { Generator } from '../core/lie';
import { experimentConfigFromSettings, goalSettingsOf } from './derived';
import { familyChoiceOf, familyPatch } from './familySwitch';
import { chartOf, goalPatch, pageChart, pageGoal, pageTasks } from './orbitChart';
import { defaultUrlState, POINT_BOUND, parseHash, type UrlState } from './urlSchema';

const settings = (patch: Partial<UrlState>): UrlState => ({ ...defaultUrlState(), ...patch });

describe('the page orbit chart', () => {
  it('a circle: degrees, periodic, goal and parameter inverse to each other', () => {
    const chart = chartOf({ kind: 'circle', center: [0.2, -0.1], radius: 1.3 });
    expect(chart.unit).toBe('deg');
    for (const v of [0, 37.5, 181, 359]) expect(chart.paramOf(chart.goalAt(v))).toBeCloseTo(v, 6);
    expect(chart.distance(350, [10])).toBeCloseTo(20, 9);
  });

  it('a line: arena units, the drawn range stays inside the arena, parameters clamp to it', () => {
    const s = settings({ family: 'line', ox: 1.2, oy: -0.7, dir: 35 });
    const chart = pageChart(s);
    expect(chart.unit).toBe('arena');
    expect(chart.periodic).toBe(false);
    for (const end of chart.range) {
      const g = chart.goalAt(end);
      expect(Math.max(Math.abs(g[0]), Math.abs(g[1]))).toBeCloseTo(POINT_BOUND, 6);
    }
    for (const t of [-1.7, 0, 0.45, 2.2]) expect(chart.paramOf(chart.goalAt(t))).toBeCloseTo(t, 9);
    expect(chart.paramOf([40, 40])).toBe(chart.range[1]);
    expect(chart.distance(2, [0, 0.3, 0.6])).toBeCloseTo(1.4, 9);
  });

  it("the reader's goals: the polyline until discovery finds an orbit, then the circle it found", () => {
    const s = settings({
      family: 'points',
      pts: [
        [1, 0],
        [0, 1],
        [-1, 0],
      ],
    });
    const poly = pageChart(s);
    expect(poly.unit).toBe('arena');
    expect(poly.range[1]).toBeCloseTo(2 * Math.SQRT2, 9);
    expect(poly.paramOf([0.6, 0.6])).toBeCloseTo(Math.SQRT1_2, 6);
    // A rotation about (0, 0): X = [[0, −1, 0], [1, 0, 0]].
    const rotation: Generator = [0, -1, 0, 1, 0, 0];
    const found = pageChart(s, { generator: rotation, compact: true, isHereditary: true });
    expect(found.periodic).toBe(true);
    const tasks = pageTasks(s, found);
    expect(tasks.map((t) => Math.round(t.value))).toEqual([0, 90, 180]);
    // The goal snaps onto the found circle.
    const patch = goalPatch(s, found, found.paramOf([0, -2]));
    expect(patch).toEqual({ gx: 0, gy: -1 });
    // Refused: back to the polyline.
    expect(pageChart(s, { generator: rotation, compact: true, isHereditary: false }).periodic).toBe(false);
  });

  it('goal patches keep the link’s precision and bounds', () => {
    const circle = settings({});
    expect(goalPatch(circle, pageChart(circle), -0.04)).toEqual({ goal: 0 });
    expect(goalPatch(circle, pageChart(circle), 412.26)).toEqual({ goal: 52.3 });
    const line = settings({ family: 'line' });
    const chart = pageChart(line);
    expect(goalPatch(line, chart, 1.234)).toEqual({ t: 1.23 });
    expect(goalPatch(line, chart, 99)).toEqual({ t: Math.round(chart.range[1] * 100) / 100 });
    expect(pageGoal({ ...line, t: 1 }, chart).value).toBe(1);
  });
});

describe('line and points settings → experiments', () => {
  it('a line: offsets as they are, never wrapped; the test goal at its offset', () => {
    const s = settings({ family: 'line', train: [0, 0.3, 7.1], t: -2 });
    const c = experimentConfigFromSettings(s);
    expect(c.family).toEqual({ kind: 'line', origin: [-0.5, -0.3], direction: (20 * Math.PI) / 180 });
    expect(c.training).toEqual({ kind: 'offsets', offsets: [0, 0.3, 7.1] });
    const g = goalSettingsOf(s);
    expect(g.angle).toBe(-2);
    expect(g.family.kind).toBe('line');
  });

  it("the reader's goals: the polyline offsets select the goals; the test goal is the point itself", () => {
    const s = settings({
      family: 'points',
      pts: [
        [1, 0],
        [0, 1],
        [-1, 0],
        [0, -1],
      ],
      gx: 0.3,
      gy: -2,
    });
    const c = experimentConfigFromSettings(s);
    expect(c.family).toEqual({ kind: 'points', goals: s.pts });
    expect(c.training.kind).toBe('offsets');
    const g = goalSettingsOf(s);
    expect(g.family).toEqual({ kind: 'points', goals: [[0.3, -2]] });
    expect(g.angle).toBe(0);
  });
});

describe('the family switch', () => {
  it('offers five choices and moves train between angles and offsets, never reading one as the other', () => {
    const circle = settings({ train: [10, 50, 90] });
    const toLine = familyPatch(circle, 'line');
    expect(toLine.family).toBe('line');
    expect(toLine.train).toEqual([0, 0.3, 0.6]);
    const line = { ...circle, ...toLine };
    const back = familyPatch(line, 'ellipse-euclidean');
    expect(back).toMatchObject({ family: 'ellipse', reward: 'euclidean', train: defaultUrlState().train });
    expect(familyChoiceOf({ ...line, ...back })).toBe('ellipse-euclidean');
    // The reader's goals leave `train` alone, so going back to the circle keeps the reader's angles.
    const points = { ...circle, ...familyPatch(circle, 'points') };
    expect(familyPatch(points, 'circle')).toEqual({ family: 'circle', reward: 'pushforward' });
  });
});

describe('line and points links', () => {
  it('a line link without train gets the line’s offsets, not the circle’s angles', () => {
    const { state, errors } = parseHash('#family=line');
    expect(errors).toEqual([]);
    expect(state.train).toEqual([0, 0.3, 0.6]);
  });

  it('an offset or test offset off the arena is named and replaced', () => {
    const { state, errors } = parseHash('#family=line&train=0,0.3,9&t=-9');
    expect(errors.map((e) => e.field)).toEqual(['train', 't']);
    expect(errors[0].message).toMatch(/offset 9 puts a goal outside the arena/);
    expect(state.train).toEqual([0, 0.3, 0.6]);
    expect(state.t).toBe(0);
  });

  it('a bad list of goals gets a clear message and keeps the default goals', () => {
    for (const [raw, why] of [
      ['1,2;3,4', /needs 3 to 16 goals/],
      ['1,2;3;4,5', /goal 2 "3" is not "x,y"/],
      ['0,0;0.01,0;1,1', /goals 1 and 2 are closer than 0.05/],
      ['0,0;1,1;9,0', /goal 3: "9" is outside/],
    ] as const) {
      const { state, errors } = parseHash(`#family=points&pts=${encodeURIComponent(raw)}`);
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(/^pts \(my goals\): /);
      expect(errors[0].message).toMatch(why);
      expect(state.pts).toEqual(defaultUrlState().pts);
    }
  });
});
