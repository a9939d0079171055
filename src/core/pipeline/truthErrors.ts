// Raw matrix errors of the learned generators against the truth (scoring only), beside the report's angle errors.

import { compactness, type Generator, generatorVector, normalizeCompact, normalizeUnit } from '../lie';

export type FrobeniusNormalisation = 'period 2π' | 'unit norm';

export const FROBENIUS_NOTE =
  'Frobenius norm of the difference of the two 3×3 generators after normalising both the same way: to period 2π ' +
  '(exp(2πX) = I, counter-clockwise) when both are compact, else to unit Frobenius norm; sign-aligned. Under ' +
  'period 2π it keeps what the angle drops (scale and centre: a flow by θ misplaces points by about θ × this).';

/** ‖X̂ − X‖_F after the same normalisation of both (sign-aligned), and which normalisation was used. */
export function generatorFrobeniusError(
  learned: Generator,
  truth: Generator,
): { error: number; normalisation: FrobeniusNormalisation } {
  const both = compactness(learned).compact && compactness(truth).compact;
  const a = both ? normalizeCompact(learned) : null;
  const b = both ? normalizeCompact(truth) : null;
  const [x, y, normalisation]: [Generator, Generator, FrobeniusNormalisation] =
    a && b ? [a, b, 'period 2π'] : [normalizeUnit(learned), normalizeUnit(truth), 'unit norm'];
  const u = generatorVector(x);
  const v = generatorVector(y);
  const dist = (sign: number) => Math.sqrt(u.reduce((s, ui, i) => s + (ui - sign * v[i]) ** 2, 0));
  return { error: Math.min(dist(1), dist(-1)), normalisation };
}

const round = (x: number) => +x.toFixed(6);

/** truth.errors_frobenius (keyed like truth.errors_deg: [learned, true] per key) and each key's normalisation. */
export function frobeniusErrors(pairs: Record<string, [Generator | null | undefined, Generator | null]>) {
  const errors: Record<string, number | null> = {};
  const normalisation: Record<string, FrobeniusNormalisation | null> = {};
  for (const [key, [learned, truth]] of Object.entries(pairs)) {
    const e = learned && truth ? generatorFrobeniusError(learned, truth) : null;
    errors[key] = e ? round(e.error) : null;
    normalisation[key] = e?.normalisation ?? null;
  }
  return {
    errors_frobenius: errors,
    errors_frobenius_normalisation: normalisation,
    errors_frobenius_note: FROBENIUS_NOTE,
  };
}
