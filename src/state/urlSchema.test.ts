// Tests of the URL-hash schema: round trips, per-field fallbacks with messages, and a seeded fuzz.
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import {
  defaultUrlState,
  type FieldSpec,
  formatHash,
  MAX_HASH_LENGTH,
  parseHash,
  URL_SCHEMA,
  type UrlField,
  type UrlState,
} from './urlSchema';

/** Every field holds a value of its declared type inside its declared range. */
function expectValid(state: UrlState): void {
  for (const key of Object.keys(URL_SCHEMA) as UrlField[]) {
    const spec: FieldSpec = URL_SCHEMA[key];
    const v: unknown = state[key];
    switch (spec.kind) {
      case 'number':
      case 'int':
        expect(typeof v, key).toBe('number');
        expect(Number.isFinite(v), key).toBe(true);
        expect(v as number, key).toBeGreaterThanOrEqual(spec.min);
        expect(v as number, key).toBeLessThanOrEqual(spec.max);
        if (spec.kind === 'int') expect(Number.isInteger(v), key).toBe(true);
        break;
      case 'bool':
        expect(typeof v, key).toBe('boolean');
        break;
      case 'enum':
        expect(spec.values, key).toContain(v);
        break;
      case 'numberList':
        expect(Array.isArray(v), key).toBe(true);
        expect((v as number[]).length, key).toBeGreaterThanOrEqual(spec.minLength);
        expect((v as number[]).length, key).toBeLessThanOrEqual(spec.maxLength);
        for (const x of v as number[])
          expect(x >= spec.min && x <= spec.max && Number.isFinite(x), key).toBe(true);
        break;
      case 'enumList':
        expect(Array.isArray(v), key).toBe(true);
        for (const x of v as string[]) expect(spec.values, key).toContain(x);
        break;
    }
  }
}

describe('urlSchema', () => {
  it('an empty hash gives the defaults and no errors', () => {
    const { state, errors } = parseHash('');
    expect(errors).toEqual([]);
    expect(state).toEqual(defaultUrlState());
    expect(state.family).toBe('circle');
    expect(state.train).toHaveLength(4);
    expect(state.train[0]).toBeCloseTo(134.83, 2); // the paper's base goal, 2.3533 rad
    expect(parseHash('#').errors).toEqual([]);
  });

  it('round-trips a non-default state exactly', () => {
    const s: UrlState = {
      ...defaultUrlState(),
      family: 'ellipse',
      cx: 0.5,
      cy: -1.25,
      alpha: 0.7,
      beta: 1.3,
      tilt: 30,
      reward: 'euclidean',
      train: [0, 60, 140, 250],
      goal: 212.5,
      constraint: 'box',
      K: 32,
      seed: 123456,
      episodes: 4,
      backend: ['wasm', 'cpu'],
      paths: false,
      training: true,
      frames: true,
    };
    const hash = formatHash(s);
    expect(hash.startsWith('#family=ellipse&')).toBe(true);
    expect(hash).toContain('backend=wasm,cpu');
    const back = parseHash(hash);
    expect(back.errors).toEqual([]);
    expect(back.state).toEqual(s);
    expect(formatHash(back.state)).toBe(hash);
  });

  it('rounds values to the link precision so format∘parse is stable', () => {
    const { state } = parseHash('#goal=123.456789&cx=0.123456');
    expect(state.goal).toBe(123.5);
    expect(state.cx).toBe(0.123);
    expect(parseHash(formatHash(state)).state).toEqual(state);
  });

  it('each bad field falls back to its default with a message naming it, others are kept', () => {
    const { state, errors } = parseHash(
      '#radius=-2&K=NaN&goal=1e999&family=square&seed=3.5&constraint=box&paths=maybe&train=10,abc&backend=tpu',
    );
    const d = defaultUrlState();
    expect(state.radius).toBe(d.radius);
    expect(state.K).toBe(d.K);
    expect(state.goal).toBe(d.goal);
    expect(state.family).toBe(d.family);
    expect(state.seed).toBe(d.seed);
    expect(state.paths).toBe(d.paths);
    expect(state.train).toEqual(d.train);
    expect(state.backend).toEqual([]);
    expect(state.constraint).toBe('box');
    const fields = errors.map((e) => e.field).sort();
    expect(fields).toEqual(['K', 'backend', 'family', 'goal', 'paths', 'radius', 'seed', 'train'].sort());
    for (const e of errors) {
      expect(e.message.startsWith(`${e.field} (`)).toBe(true);
      expect(e.message).toContain('using the default');
    }
    expect(errors.find((e) => e.field === 'radius')?.message).toContain('outside [0.1, 3]');
  });

  it('reports unknown, repeated and badly encoded keys without crashing', () => {
    const { state, errors } = parseHash('#bogus=1&K=8&K=9&cx=%E0%A4%A&=&&goal');
    expect(state.K).toBe(8);
    expect(errors.some((e) => e.field === 'link' && e.message.includes('"bogus"'))).toBe(true);
    expect(errors.some((e) => e.field === 'K' && e.message.includes('twice'))).toBe(true);
    expect(errors.some((e) => e.message.includes('URL encoding'))).toBe(true);
    expect(errors.some((e) => e.field === 'goal')).toBe(true);
  });

  it('script fragments are rejected and quoted harmlessly', () => {
    const { state, errors } = parseHash('#family=%3Cscript%3Ealert(1)%3C%2Fscript%3E&seed=<img onerror=x>');
    expect(state.family).toBe('circle');
    expect(errors).toHaveLength(2);
    expect(errors[0].message).toContain('"<script>alert(1)</script>"');
  });

  it('an over-long hash is ignored as a whole', () => {
    const huge = '#' + 'seed=1&'.repeat(MAX_HASH_LENGTH);
    const { state, errors } = parseHash(huge);
    expect(state).toEqual(defaultUrlState());
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe('link');
    expect(errors[0].message).toContain('limit');
  });

  it('an empty backend list means automatic selection', () => {
    expect(parseHash('#backend=auto').state.backend).toEqual([]);
    expect(parseHash('#backend=cpu').state.backend).toEqual(['cpu']);
    expect(parseHash('#backend=cpu,cpu').state.backend).toEqual(['cpu']);
    expect(formatHash(defaultUrlState())).toContain('backend=auto');
  });

  it('fuzz: 1,000 seeded mutations of a valid hash never throw and always give a valid state', () => {
    const rng = new Rng(20260301);
    const base = formatHash({ ...defaultUrlState(), family: 'ellipse', backend: ['cpu'] });
    const junk = [
      '<script>alert(1)</script>',
      '%',
      '%E0%A4%A',
      '&',
      '=',
      '#',
      'NaN',
      '-1',
      '1e308',
      '-0',
      'Infinity',
      ',',
      ',,,,',
      '\u0000',
      '\u202e',
      '🙂',
      '9'.repeat(40),
      'constructor',
      '__proto__',
      'toString=1',
      'train=' + '1,'.repeat(50),
    ];
    const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
    for (let i = 0; i < 1000; i++) {
      let h = base;
      const edits = 1 + rng.int(4);
      for (let e = 0; e < edits; e++) {
        const at = rng.int(h.length + 1);
        const op = rng.int(5);
        if (op === 0) h = h.slice(0, at) + pick(junk) + h.slice(at);
        else if (op === 1) h = h.slice(0, at) + h.slice(at + 1 + rng.int(8));
        else if (op === 2) h = h.slice(0, at) + String.fromCharCode(rng.int(0x3000)) + h.slice(at);
        else if (op === 3) h = h.slice(0, at);
        else h = h.slice(0, at) + pick(junk).repeat(1 + rng.int(200)) + h.slice(at);
      }
      const { state, errors } = parseHash(h);
      expectValid(state);
      expect(Array.isArray(errors)).toBe(true);
      for (const err of errors) {
        expect(typeof err.field).toBe('string');
        expect(err.message.length).toBeLessThan(300);
      }
      // Re-serialising a parsed state is always a clean link.
      const again = parseHash(formatHash(state));
      expect(again.errors).toEqual([]);
      expect(again.state).toEqual(state);
    }
  });
});
