import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { wrapAngle } from './angles';
import {
  applyToPoint,
  compactness,
  conjugatedRotationGenerator,
  expm3,
  flow,
  generatorAngleError,
  logm3,
  normalizeCompact,
  rotationGenerator,
} from './lie';
import { expmTf, flowsTf, squaringsFor, taylorTermsFor } from './lieTf';
import { add3, frobenius3, identity3, matmul3, maxAbsDiff3, scale3 } from './linalg';
import { Rng } from './rng';

tf.enableProdMode();

/** The array-per-step expm3 the scratch-buffer one replaced: the reference it must match bit for bit. */
function expm3Reference(m: number[]): number[] {
  const norm = frobenius3(m);
  const s = norm > 0.25 ? Math.ceil(Math.log2(norm / 0.25)) : 0;
  const a = scale3(m, 1 / 2 ** s);
  let term = identity3();
  let sum = identity3();
  for (let k = 1; k <= 14; k++) {
    term = scale3(matmul3(term, a), 1 / k);
    sum = add3(sum, term);
  }
  for (let k = 0; k < s; k++) sum = matmul3(sum, sum);
  return sum;
}

describe('affine Lie-group helpers', () => {
  it('expm3 gives the same bits as the array-per-step reference, small and large norms alike', () => {
    const rng = new Rng(11);
    for (let n = 0; n < 200; n++) {
      const size = [0.01, 0.2, 1, 7, 40][n % 5];
      const m = Array.from({ length: 9 }, (_, i) => (i >= 6 ? 0 : rng.uniform(-size, size)));
      expect(expm3(m)).toEqual(expm3Reference(m));
    }
    // Calls do not leak into each other through the scratch buffers.
    const x = rotationGenerator([1, 2]);
    const first = expm3(scale3(x, 1.3));
    expm3(scale3(x, -4));
    expect(expm3(scale3(x, 1.3))).toEqual(first);
  });

  it('exp(2π X) = I for the normalised rotation generator about any centre', () => {
    for (const c of [
      [0, 0],
      [0.5, -1],
      [2, 3],
    ] as const) {
      const x = rotationGenerator(c);
      expect(maxAbsDiff3(flow(x, 2 * Math.PI), identity3())).toBeLessThan(1e-5);
    }
  });

  it('exp(θ X_c) fixes c and rotates other points about c by θ', () => {
    const c: [number, number] = [0.5, -1];
    const x = rotationGenerator(c);
    const rng = new Rng(1);
    for (let k = 0; k < 50; k++) {
      const th = rng.uniform(-3, 3);
      const l = flow(x, th);
      const fixed = applyToPoint(l, c);
      expect(fixed[0]).toBeCloseTo(c[0], 10);
      expect(fixed[1]).toBeCloseTo(c[1], 10);
      const p: [number, number] = [rng.uniform(-3, 3), rng.uniform(-3, 3)];
      const q = applyToPoint(l, p);
      const a0 = Math.atan2(p[1] - c[1], p[0] - c[0]);
      const a1 = Math.atan2(q[1] - c[1], q[0] - c[0]);
      expect(wrapAngle(a1 - a0)).toBeCloseTo(wrapAngle(th), 9);
      expect(Math.hypot(q[0] - c[0], q[1] - c[1])).toBeCloseTo(Math.hypot(p[0] - c[0], p[1] - c[1]), 9);
    }
  });

  it('tfjs expm agrees with the float64 one and differentiates', () => {
    const x = rotationGenerator([0.3, -0.7]);
    const th = 2.1;
    const ref = expm3(scale3(x, th));
    const before = tf.memory().numTensors;
    const got = tf.tidy(() =>
      Array.from(expmTf(tf.tensor(scale3(x, th), [3, 3]), squaringsFor(th * 2)).dataSync()),
    );
    expect(maxAbsDiff3(got, ref)).toBeLessThan(1e-5);
    // d/dθ exp(θX) at θ = 0.5 is X exp(θX): check one entry by autodiff.
    const g = tf.tidy(() => {
      const xt = tf.tensor(x, [3, 3]);
      const f = (t: tf.Tensor) => expmTf(xt.mul(t), 4).reshape([9]).gather([1]).sum();
      return tf.grad(f)(tf.scalar(0.5)).dataSync()[0];
    });
    const h = 1e-5;
    const fd = (expm3(scale3(x, 0.5 + h))[1] - expm3(scale3(x, 0.5 - h))[1]) / (2 * h);
    expect(g).toBeCloseTo(fd, 3);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('exp of the normalised generator at 2π is I to 1e-5 in tfjs float32 too', () => {
    const x = normalizeCompact(scale3(rotationGenerator([1, 1]), 3.7))!;
    const out = expmTf(tf.tensor(scale3(x, 2 * Math.PI), [3, 3]), squaringsFor(2 * Math.PI * 2.5), 14);
    expect(maxAbsDiff3(Array.from(out.dataSync()), identity3())).toBeLessThan(1e-5);
    out.dispose();
  });

  it('logm inverts expm for affine elements', () => {
    const x = conjugatedRotationGenerator([0.2, 0.4], [0.7, 0.1, -0.2, 0.9]);
    for (const th of [0.3, 1.5, 2.9]) {
      const y = scale3(x, th);
      expect(maxAbsDiff3(logm3(expm3(y)), y)).toBeLessThan(1e-8);
    }
  });

  it('compactness, 2π normalisation and the sign-free angle error', () => {
    const c = rotationGenerator([0.5, -1]);
    expect(compactness(scale3(c, -2)).compact).toBe(true);
    const n = normalizeCompact(scale3(c, -2))!;
    expect(maxAbsDiff3(n, c)).toBeLessThan(1e-12);
    expect(compactness([1, 0, 0, 0, 1, 0, 0, 0, 0]).compact).toBe(false); // a scaling
    expect(compactness([0, 1, 0, 1, 0, 0, 0, 0, 0]).compact).toBe(false); // a hyperbolic boost
    expect(generatorAngleError(c, scale3(c, -3))).toBeLessThan(1e-7);
    expect(generatorAngleError(rotationGenerator([0, 0]), [0, 0, 1, 0, 0, 0, 0, 0, 0])).toBeCloseTo(
      Math.PI / 2,
      12,
    );
    // The conjugated rotation is compact, with period 2π.
    const e = conjugatedRotationGenerator([0.1, 0.2], [0.7, 0.3, -0.1, 0.9]);
    const ne = normalizeCompact(e)!;
    expect(maxAbsDiff3(flow(ne, 2 * Math.PI), identity3())).toBeLessThan(1e-9);
  });

  it('the batched Taylor flow exp(θX) agrees with the float64 expm and with expmTf’s gradient', () => {
    const rng = new Rng(7);
    // Unit-Frobenius generators (as the symmetry losses use them): a rotation, a conjugated one, a random one.
    const unit = (x: number[]) => scale3(x, 1 / Math.hypot(...x));
    const gens = [
      unit(rotationGenerator([0.4, -0.9])),
      unit(conjugatedRotationGenerator([0.2, 0.4], [0.7, 0.1, -0.2, 0.9])),
      unit([...Array.from({ length: 6 }, () => rng.normal()), 0, 0, 0]),
    ];
    const thetas = Array.from({ length: 3 * 5 }, () => rng.uniform(-2 * Math.PI, 2 * Math.PI));
    const before = tf.memory().numTensors;
    const got = tf.tidy(() =>
      flowsTf(tf.tensor3d(gens.flat(), [3, 3, 3]), tf.tensor2d(thetas, [3, 5]), 2 * Math.PI).dataSync(),
    );
    for (let s = 0; s < 3; s++)
      for (let b = 0; b < 5; b++) {
        const ref = expm3(scale3(gens[s], thetas[5 * s + b]));
        expect(maxAbsDiff3(Array.from(got.subarray(9 * (5 * s + b), 9 * (5 * s + b) + 9)), ref)).toBeLessThan(
          2e-4,
        );
      }
    // d/dX of one entry of Σ_b exp(θ_b X), against scaling and squaring.
    const grads = (f: (x: tf.Tensor3D, th: tf.Tensor2D) => tf.Tensor) =>
      tf.tidy(() => {
        const th = tf.tensor2d(thetas.slice(0, 5), [1, 5]);
        return tf
          .grad((x: tf.Tensor) =>
            f(x as tf.Tensor3D, th)
              .reshape([-1, 9])
              .gather([2], 1)
              .sum(),
          )(tf.tensor3d(gens[1], [1, 3, 3]))
          .dataSync();
      });
    const viaTaylor = grads((x, th) => flowsTf(x, th, 2 * Math.PI));
    const viaSquaring = grads((x, th) =>
      expmTf(th.reshape([5, 1, 1]).mul(x.reshape([1, 3, 3])), squaringsFor(2 * Math.PI)),
    );
    for (let k = 0; k < 9; k++) expect(viaTaylor[k]).toBeCloseTo(viaSquaring[k], 2);
    expect(tf.memory().numTensors).toBe(before);
    expect(taylorTermsFor(2 * Math.PI)).toBeGreaterThan(taylorTermsFor(1));
  });
});
