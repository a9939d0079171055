// Seeded fuzz of the link schema beyond urlSchema.test.ts: generated valid links, per-field bad values, bounds, encodings.
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

const FIELDS = Object.keys(URL_SCHEMA) as UrlField[];
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)];
const round = (x: number, digits: number): number => {
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return Object.is(r, -0) ? 0 : r;
};

/** A random in-range value of one field, already at the link's precision. */
function randomValue(rng: Rng, spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'number':
      return round(rng.uniform(spec.min, spec.max), spec.digits);
    case 'int':
      return spec.min + rng.int(Math.min(spec.max - spec.min + 1, 1_000_000));
    case 'bool':
      return rng.next() < 0.5;
    case 'enum':
      // A line family reads `train` and `t` against the arena (cross-field checks, urlSchema.test.ts): fields
      // drawn independently would often fail them, so the fuzz leaves the line family out.
      return pick(
        rng,
        spec.values.filter((v) => v !== 'line'),
      );
    case 'pointList': {
      // Distinct cells of a 0.5-spaced grid: always farther apart than the minimum separation.
      const n = spec.minLength + rng.int(spec.maxLength - spec.minLength + 1);
      const cells = Array.from(rng.permutation(17 * 17)).slice(0, n);
      return cells.map((c) => [
        round(-4 + 0.5 * (c % 17) + rng.uniform(0, 0.2), spec.digits),
        round(-4 + 0.5 * Math.floor(c / 17) + rng.uniform(0, 0.2), spec.digits),
      ]);
    }
    case 'numberList': {
      const n = spec.minLength + rng.int(spec.maxLength - spec.minLength + 1);
      return Array.from({ length: n }, () => round(rng.uniform(spec.min, spec.max), spec.digits));
    }
    case 'enumList':
      return Array.from(rng.permutation(spec.values.length))
        .slice(0, rng.int(spec.maxLength + 1))
        .map((i) => spec.values[i]);
  }
}

/** A value of the right shape that the field must refuse. */
function invalidValue(rng: Rng, spec: FieldSpec): string {
  switch (spec.kind) {
    case 'number':
    case 'int':
      return pick(rng, [
        String(spec.max + 1 + rng.int(100)),
        String(spec.min - 1 - rng.int(100)),
        'NaN',
        'Infinity',
        '1e400',
        '0x10',
        '',
        '1,2',
        ...(spec.kind === 'int' ? ['1.5'] : []),
      ]);
    case 'bool':
      return pick(rng, ['yes', '2', '', 'TRUE ', 'null']);
    case 'enum':
      return pick(rng, ['', `${spec.values[0]}x`, spec.values[0].toUpperCase(), '__proto__', 'constructor']);
    case 'numberList':
      return pick(rng, [
        '',
        Array.from({ length: spec.maxLength + 1 }, () => '1').join(','),
        '1,,2',
        `1,${spec.max + 1}`,
        'a,b',
      ]);
    case 'pointList':
      return pick(rng, [
        '',
        '1,2;3,4',
        '1,2;3;4,5',
        '0,0;0,0;1,1',
        `0,0;1,1;${spec.bound + 1},0`,
        'a,b;c,d;e,f',
      ]);
    case 'enumList':
      return pick(rng, ['tpu', `${spec.values[0]},gpu`, ',', 'cpu,cpu,cpu,cpu,cpu']);
  }
}

/** Some characters of a valid value replaced by their %XX form (what a mail client may do to a link). */
function percentEncodeSome(rng: Rng, s: string): string {
  return Array.from(s)
    .map((c) => (rng.next() < 0.5 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : c))
    .join('');
}

describe('link fuzz (seeded)', () => {
  it('500 generated valid links in random field order and subsets parse with no errors and round-trip', () => {
    const rng = new Rng(7001);
    for (let i = 0; i < 500; i++) {
      const expected = defaultUrlState() as Record<UrlField, unknown>;
      const chosen = rng.permutation(FIELDS.length).slice(0, 1 + rng.int(FIELDS.length));
      const pairs: string[] = [];
      for (const idx of chosen) {
        const key = FIELDS[idx];
        const value = randomValue(rng, URL_SCHEMA[key]);
        expected[key] = value;
        const one = formatHash({ ...defaultUrlState(), [key]: value } as UrlState)
          .slice(1)
          .split('&')
          .find((p) => p.startsWith(`${key}=`));
        pairs.push(one as string);
      }
      const { state, errors } = parseHash(`#${pairs.join('&')}`);
      expect(errors, pairs.join('&')).toEqual([]);
      expect(state).toEqual(expected);
      const formatted = formatHash(state);
      expect(parseHash(formatted).state).toEqual(state);
      expect(formatHash(parseHash(formatted).state)).toBe(formatted);
    }
  });

  it('one bad field among good ones: exactly one message, naming that field; every other field kept', () => {
    const rng = new Rng(7002);
    for (let i = 0; i < 400; i++) {
      const good = defaultUrlState() as Record<UrlField, unknown>;
      for (const k of FIELDS) if (rng.next() < 0.5) good[k] = randomValue(rng, URL_SCHEMA[k]);
      const bad = pick(rng, FIELDS);
      const raw = invalidValue(rng, URL_SCHEMA[bad]);
      const hash = formatHash(good as UrlState).replace(
        new RegExp(`([#&])${bad}=[^&]*`),
        `$1${bad}=${encodeURIComponent(raw)}`,
      );
      const { state, errors } = parseHash(hash);
      expect(
        errors.map((e) => e.field),
        `${bad}=${raw}`,
      ).toEqual([bad]);
      expect(errors[0].message.startsWith(`${bad} (${URL_SCHEMA[bad].label})`)).toBe(true);
      expect(errors[0].message).toContain('using the default');
      const want = { ...good, [bad]: defaultUrlState()[bad] };
      expect(state).toEqual(want);
    }
  });

  it('range bounds are inclusive and one step outside is refused, for every numeric field', () => {
    for (const key of FIELDS) {
      const spec: FieldSpec = URL_SCHEMA[key];
      if (spec.kind !== 'number' && spec.kind !== 'int' && spec.kind !== 'numberList') continue;
      const step = spec.kind === 'int' ? 1 : 10 ** -('digits' in spec ? spec.digits : 0);
      for (const edge of [spec.min, spec.max]) {
        const ok = parseHash(`#${key}=${edge}`);
        expect(ok.errors, `${key}=${edge}`).toEqual([]);
        const v = ok.state[key];
        expect(Array.isArray(v) ? v[0] : v).toBe(edge);
      }
      for (const out of [spec.min - step, spec.max + step]) {
        const r = parseHash(`#${key}=${round(out, 6)}`);
        expect(
          r.errors.map((e) => e.field),
          `${key}=${out}`,
        ).toEqual([key]);
        expect(r.state[key]).toEqual(defaultUrlState()[key]);
      }
    }
  });

  it('percent-encoded valid values mean the same as plain ones', () => {
    const rng = new Rng(7003);
    for (let i = 0; i < 200; i++) {
      const s = { ...defaultUrlState() } as Record<UrlField, unknown>;
      for (const k of FIELDS) s[k] = randomValue(rng, URL_SCHEMA[k]);
      const plain = formatHash(s as UrlState);
      const encoded = `#${plain
        .slice(1)
        .split('&')
        .map((p) => {
          const eq = p.indexOf('=');
          return `${p.slice(0, eq + 1)}${percentEncodeSome(rng, p.slice(eq + 1))}`;
        })
        .join('&')}`;
      const r = parseHash(encoded);
      expect(r.errors, encoded).toEqual([]);
      expect(r.state).toEqual(parseHash(plain).state);
    }
  });

  it('hostile keys never touch prototypes and messages stay short and printable', () => {
    const rng = new Rng(7004);
    const keys = [
      '__proto__',
      'constructor',
      'prototype',
      'hasOwnProperty',
      'toString',
      'valueOf',
      '%5F%5Fproto%5F%5F',
    ];
    for (let i = 0; i < 300; i++) {
      const parts = Array.from({ length: 1 + rng.int(6) }, () => {
        const k = rng.next() < 0.6 ? pick(rng, keys) : pick(rng, FIELDS);
        const v = pick(rng, [
          '1',
          '{"polluted":1}',
          '%00%01%1B[31m',
          '\u202e\u0000x',
          '<b>x</b>',
          'a'.repeat(rng.int(500)),
        ]);
        return `${k}=${encodeURIComponent(v)}`;
      });
      const { state, errors } = parseHash(`#${parts.join('&')}`);
      expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
      expect(Object.keys(state).sort()).toEqual([...FIELDS].sort());
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      for (const e of errors) {
        expect(e.message.length).toBeLessThan(300);
        // quote() drops control characters, so a message cannot move the terminal cursor or hide text.
        expect(Array.from(e.message).some((c) => c < ' ' || c === '\u007f')).toBe(false);
      }
    }
  });

  it('hashes at the length limit and just past it: parsed or ignored as a whole, never half-applied', () => {
    const filler = `seed=5&${'x=1&'.repeat(MAX_HASH_LENGTH)}`;
    const atLimit = `#${filler.slice(0, MAX_HASH_LENGTH)}`;
    const r1 = parseHash(atLimit);
    expect(r1.state.seed).toBe(5);
    expect(r1.errors.some((e) => e.field === 'link' && e.message.includes('more than'))).toBe(true);
    const r2 = parseHash(`#${filler.slice(0, MAX_HASH_LENGTH + 1)}`);
    expect(r2.state).toEqual(defaultUrlState());
    expect(r2.errors).toHaveLength(1);
  });
});
