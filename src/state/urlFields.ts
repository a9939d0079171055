// The kinds of link field: their specs, how one raw value is parsed and refused, and how one is written back.

export interface FieldBase {
  /** Short human label used in error messages and controls. */
  label: string;
}
export interface NumberField extends FieldBase {
  kind: 'number';
  min: number;
  max: number;
  /** Decimal places kept in the link. */
  digits: number;
  default: number;
}
export interface IntField extends FieldBase {
  kind: 'int';
  min: number;
  max: number;
  default: number;
}
export interface EnumField<V extends string> extends FieldBase {
  kind: 'enum';
  values: readonly V[];
  default: V;
}
export interface BoolField extends FieldBase {
  kind: 'bool';
  default: boolean;
}
export interface NumberListField extends FieldBase {
  kind: 'numberList';
  min: number;
  max: number;
  digits: number;
  minLength: number;
  maxLength: number;
  default: readonly number[];
}
export interface EnumListField<V extends string> extends FieldBase {
  kind: 'enumList';
  values: readonly V[];
  maxLength: number;
  default: readonly V[];
}
/** A list of points "x0,y0;x1,y1;…" (the reader's own goals). */
export interface PointListField extends FieldBase {
  kind: 'pointList';
  /** Each coordinate lies in [−bound, bound]. */
  bound: number;
  digits: number;
  minLength: number;
  maxLength: number;
  /** Two points closer than this are one point given twice. */
  minSeparation: number;
  default: readonly (readonly [number, number])[];
}
export type FieldSpec =
  | PointListField
  | NumberField
  | IntField
  | EnumField<string>
  | BoolField
  | NumberListField
  | EnumListField<string>;

export const num = (label: string, min: number, max: number, def: number, digits = 3): NumberField => ({
  kind: 'number',
  label,
  min,
  max,
  digits,
  default: def,
});
export const int = (label: string, min: number, max: number, def: number): IntField => ({
  kind: 'int',
  label,
  min,
  max,
  default: def,
});
export const oneOf = <const V extends string>(label: string, values: readonly V[], def: V): EnumField<V> => ({
  kind: 'enum',
  label,
  values,
  default: def,
});
export const bool = (label: string, def: boolean): BoolField => ({ kind: 'bool', label, default: def });

export function quote(raw: string): string {
  const clean = Array.from(raw)
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('');
  return JSON.stringify(clean.length > 32 ? clean.slice(0, 32) + '…' : clean);
}

const NUMBER_PATTERN = /^[+-]?(\d{1,12}(\.\d{0,12})?|\.\d{1,12})([eE][+-]?\d{1,3})?$/;
const INT_PATTERN = /^[+-]?\d{1,12}$/;

export const roundTo = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

export function parseNumber(raw: string, min: number, max: number, digits: number, integer: boolean): Parsed {
  if (!(integer ? INT_PATTERN : NUMBER_PATTERN).test(raw)) {
    return { ok: false, reason: `${quote(raw)} is not ${integer ? 'a whole number' : 'a number'}` };
  }
  const x = Number(raw);
  if (!Number.isFinite(x) || x < min || x > max) {
    return { ok: false, reason: `${quote(raw)} is outside [${min}, ${max}]` };
  }
  return { ok: true, value: integer ? x : roundTo(x, digits) };
}

export function parseField(spec: FieldSpec, raw: string): Parsed {
  switch (spec.kind) {
    case 'number':
      return parseNumber(raw, spec.min, spec.max, spec.digits, false);
    case 'int':
      return parseNumber(raw, spec.min, spec.max, 0, true);
    case 'bool':
      if (raw === '1' || raw === 'true') return { ok: true, value: true };
      if (raw === '0' || raw === 'false') return { ok: true, value: false };
      return { ok: false, reason: `${quote(raw)} is not 0 or 1` };
    case 'enum':
      return spec.values.includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, reason: `${quote(raw)} is not one of ${spec.values.join(', ')}` };
    case 'numberList': {
      const parts = raw === '' ? [] : raw.split(',', spec.maxLength + 1);
      if (parts.length < spec.minLength || parts.length > spec.maxLength) {
        return { ok: false, reason: `needs ${spec.minLength} to ${spec.maxLength} comma-separated numbers` };
      }
      const values: number[] = [];
      for (const p of parts) {
        const r = parseNumber(p, spec.min, spec.max, spec.digits, false);
        if (!r.ok) return r;
        values.push(r.value as number);
      }
      return { ok: true, value: values };
    }
    case 'pointList':
      return parsePoints(spec, raw);
    case 'enumList': {
      if (raw === '' || raw === 'auto') return { ok: true, value: [] };
      const parts = raw.split(',', spec.maxLength + 1);
      if (parts.length > spec.maxLength) return { ok: false, reason: `at most ${spec.maxLength} entries` };
      const bad = parts.find((p) => !spec.values.includes(p));
      if (bad !== undefined) {
        return { ok: false, reason: `${quote(bad)} is not one of ${spec.values.join(', ')}` };
      }
      return { ok: true, value: [...new Set(parts)] };
    }
  }
}

export function parsePoints(spec: PointListField, raw: string): Parsed {
  const parts = raw === '' ? [] : raw.split(';', spec.maxLength + 1);
  if (parts.length < spec.minLength || parts.length > spec.maxLength)
    return { ok: false, reason: `needs ${spec.minLength} to ${spec.maxLength} goals "x,y" separated by ";"` };
  const points: [number, number][] = [];
  for (const [i, p] of parts.entries()) {
    const xy = p.split(',', 3);
    if (xy.length !== 2) return { ok: false, reason: `goal ${i + 1} ${quote(p)} is not "x,y"` };
    const coords: number[] = [];
    for (const c of xy) {
      const r = parseNumber(c, -spec.bound, spec.bound, spec.digits, false);
      if (!r.ok) return { ok: false, reason: `goal ${i + 1}: ${r.reason}` };
      coords.push(r.value as number);
    }
    points.push([coords[0], coords[1]]);
  }
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      if (Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]) < spec.minSeparation)
        return {
          ok: false,
          reason: `goals ${i + 1} and ${j + 1} are closer than ${spec.minSeparation} (one task given twice)`,
        };
  return { ok: true, value: points };
}

export function describeDefault(spec: FieldSpec): string {
  if (spec.kind === 'pointList') return formatValue(spec, spec.default);
  const d = spec.default;
  if (Array.isArray(d)) return d.length === 0 ? 'none' : d.join(', ');
  return String(d);
}

export function formatValue(spec: FieldSpec, value: unknown): string {
  switch (spec.kind) {
    case 'number':
      return String(roundTo(value as number, spec.digits));
    case 'int':
      return String(Math.round(value as number));
    case 'bool':
      return value ? '1' : '0';
    case 'enum':
      return encodeURIComponent(value as string);
    case 'numberList':
      return (value as number[]).map((x) => String(roundTo(x, spec.digits))).join(',');
    case 'enumList':
      return (value as string[]).length === 0 ? 'auto' : (value as string[]).join(',');
    case 'pointList':
      return (value as readonly (readonly number[])[])
        .map((p) => p.map((x) => String(roundTo(x, spec.digits))).join(','))
        .join(';');
  }
}
