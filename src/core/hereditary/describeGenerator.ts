// A discovered generator in words: what flow it is (rotation, elliptic rotation, translation) and about which point.
import { type Generator, rotationCentre } from '../lie';

export type GeneratorShape =
  | { kind: 'rotation'; centre: [number, number] }
  | { kind: 'elliptic'; centre: [number, number] }
  | { kind: 'translation'; directionDeg: number }
  | { kind: 'other' };

/** Linear part smaller than this share of the whole: a translation (a line family's generator is ≈ 0.001–0.006). */
const TRANSLATION_FRACTION = 0.02;
/** Linear part this close to skew-symmetric (relative): a rotation, not an elliptic flow. */
const SKEW_TOLERANCE = 0.05;
/** Relative trace above which the flow spirals (not an orbit of one closed curve). */
const TRACE_TOLERANCE = 0.05;

/** X = [[A, v], [0, 0]]: read the flow exp(θX) from A and v. */
export function describeGenerator(x: Generator): GeneratorShape {
  const [a, b, v0, c, d, v1] = x;
  const nA = Math.hypot(a, b, c, d);
  const nV = Math.hypot(v0, v1);
  if (nA <= TRANSLATION_FRACTION * Math.hypot(nA, nV)) {
    if (nV === 0) return { kind: 'other' };
    return { kind: 'translation', directionDeg: (Math.atan2(v1, v0) * 180) / Math.PI };
  }
  if (Math.abs(a + d) > TRACE_TOLERANCE * nA || a * d - b * c <= 0) return { kind: 'other' };
  const [cx, cy] = rotationCentre(x);
  const centre: [number, number] = [cx, cy];
  const skew = Math.hypot(a, d, b + c) / nA;
  return { kind: skew <= SKEW_TOLERANCE ? 'rotation' : 'elliptic', centre };
}

/** Two decimals, and no "-0.00" for a coordinate that is zero up to the fit. */
const coord = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2));
const xy = (p: [number, number]) => `(${coord(p[0])}, ${coord(p[1])})`;

/** "rotation about (0.00, 0.00)", "translation along 30.0°", … */
export function generatorWords(shape: GeneratorShape): string {
  switch (shape.kind) {
    case 'rotation':
      return `a rotation about ${xy(shape.centre)}`;
    case 'elliptic':
      return `an elliptic rotation (orbits are ellipses) about ${xy(shape.centre)}`;
    case 'translation':
      return `a translation along ${shape.directionDeg.toFixed(1)}°`;
    case 'other':
      return 'a flow whose orbits are neither circles, ellipses nor lines';
  }
}
