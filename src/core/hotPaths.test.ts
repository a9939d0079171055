// The allocation-free hot paths of a drag preview give exactly the numbers of the plain forms they replaced.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV, type EnvConfig, type Task } from './env';
import { collectExploration } from './explorationData';
import { type EllipseFamily, taskAt } from './families';
import { BaseRewardModel, TABLE_SPACING } from './hereditary/baseRewardModel';
import { collectContext } from './hereditary/context';
import { DEFAULT_INFERENCE, inferGroupElement } from './hereditary/inferGroupElement';
import { rotationGenerator } from './lie';
import { randomPolicy } from './policies';
import { Rng, seedWords } from './rng';
import { rollout } from './rollout';
import { type MlpWeights, mlpForward } from './sac/mlp';

/** sfc32 + Box–Muller with plain number fields and a nullable spare: the generator's earlier form (same seeding). */
class ReferenceRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;
  constructor(words: [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t >>> 0;
  }
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u = 0;
    while (u <= 1e-12) u = this.nextUint32() / 4294967296;
    const v = this.nextUint32() / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

/** One step in the earlier pair-returning form: constrain M a, map back, clip, add M⁻¹ε. */
function referenceStep(env: EnvConfig, task: Task, s: number[], a: number[], e: number[]) {
  const m = task.metric;
  const mi = task.metricInv;
  const id = m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1;
  const constrain = (ax: number, ay: number) => {
    const lim = env.maxAction;
    if (env.constraint === 'box')
      return [Math.max(-lim, Math.min(lim, ax)), Math.max(-lim, Math.min(lim, ay))];
    const n = Math.sqrt(ax * ax + ay * ay);
    const k = n > lim ? lim / n : 1;
    return [ax * k, ay * k];
  };
  let eff: number[];
  if (id) eff = constrain(a[0], a[1]);
  else {
    const c = constrain(m[0] * a[0] + m[1] * a[1], m[2] * a[0] + m[3] * a[1]);
    eff = [mi[0] * c[0] + mi[1] * c[1], mi[2] * c[0] + mi[3] * c[1]];
  }
  const b = env.stateBound;
  const cx = Math.max(-b, Math.min(b, s[0] + eff[0]));
  const cy = Math.max(-b, Math.min(b, s[1] + eff[1]));
  const n = id ? e : [mi[0] * e[0] + mi[1] * e[1], mi[2] * e[0] + mi[3] * e[1]];
  const x = cx + n[0];
  const y = cy + n[1];
  const dx = x - task.goal[0];
  const dy = y - task.goal[1];
  const u = m[0] * dx + m[1] * dy;
  const v = m[2] * dx + m[3] * dy;
  return { next: [x, y], reward: -Math.sqrt(u * u + v * v) };
}

const ellipse: EllipseFamily = {
  kind: 'ellipse',
  center: [0.5, -0.3],
  axes: [2, 0.7],
  tilt: 0.6,
  reward: 'pushforward',
};

describe('allocation-free hot paths agree exactly with their plain forms', () => {
  it('Rng: the typed-array state draws the same uint32 and normal streams as number fields', () => {
    for (const seed of [0, 1, 7, 123456, 0xdeadbeef]) {
      const fast = new Rng(seed);
      const ref = new ReferenceRng(seedWords(seed));
      for (let i = 0; i < 2000; i++) expect(fast.nextUint32()).toBe(ref.nextUint32());
      for (let i = 0; i < 2000; i++) expect(fast.normal()).toBe(ref.normal());
    }
  });

  it('rollout: in-place steps give the returns and paths of pair-returning steps (Euclidean and metric tasks, disk and box)', () => {
    const envs: EnvConfig[] = [DEFAULT_ENV, { ...DEFAULT_ENV, constraint: 'box', maxAction: 0.3 }];
    const tasks = [taskAt({ kind: 'circle', center: [0, 0], radius: 1 }, 0.4), taskAt(ellipse, 2.1)];
    expect(tasks[1].metric[1]).not.toBe(0);
    for (const env of envs)
      for (const task of tasks) {
        const policy = randomPolicy({ ...env, maxAction: 3 * env.maxAction });
        const got = rollout(env, task, policy, { episodes: 3, seed: 11, record: true });
        // The reference replays the same streams: forks in the same order, one policy call per step for all.
        const rng = new Rng(11);
        const envRngs = [0, 1, 2].map((i) => rng.fork(i));
        const policyRng = rng.fork(4);
        const states = new Float64Array(6);
        const paths: number[][] = [];
        for (let i = 0; i < 3; i++) {
          states[2 * i] = env.resetStd * envRngs[i].normal();
          states[2 * i + 1] = env.resetStd * envRngs[i].normal();
          paths.push([states[2 * i], states[2 * i + 1]]);
        }
        const returns = [0, 0, 0];
        const active = [true, true, true];
        const actions = new Float64Array(6);
        for (let t = 0; t < env.maxSteps && active.some(Boolean); t++) {
          policy(states, 3, actions, policyRng);
          for (let i = 0; i < 3; i++) {
            if (!active[i]) continue;
            const e = [env.noiseStd * envRngs[i].normal(), env.noiseStd * envRngs[i].normal()];
            const r = referenceStep(
              env,
              task,
              [states[2 * i], states[2 * i + 1]],
              [actions[2 * i], actions[2 * i + 1]],
              e,
            );
            states[2 * i] = r.next[0];
            states[2 * i + 1] = r.next[1];
            returns[i] += r.reward;
            paths[i].push(r.next[0], r.next[1]);
            if (-r.reward < env.successRadius) active[i] = false;
          }
        }
        expect(got.returns).toEqual(returns);
        expect(got.paths?.map((p) => Array.from(p))).toEqual(paths);
      }
  });

  it('mlpForward: shared hidden buffers change no number and never clobber a returned output', () => {
    const rng = new Rng(3);
    const layer = (inDim: number, outDim: number) => ({
      inDim,
      outDim,
      w: Float32Array.from({ length: inDim * outDim }, () => rng.uniform(-0.5, 0.5)),
      b: Float32Array.from({ length: outDim }, () => rng.uniform(-0.1, 0.1)),
    });
    const netA: MlpWeights = { layers: [layer(4, 64), layer(64, 64), layer(64, 2)] };
    const netB: MlpWeights = { layers: [layer(3, 32), layer(32, 5)] };
    const naive = (net: MlpWeights, x: Float64Array, n: number) => {
      let v = Array.from(x);
      net.layers.forEach((l, k) => {
        const y: number[] = [];
        for (let r = 0; r < n; r++)
          for (let j = 0; j < l.outDim; j++) {
            let acc = l.b[j];
            for (let i = 0; i < l.inDim; i++) acc += v[r * l.inDim + i] * l.w[i * l.outDim + j];
            y.push(k < net.layers.length - 1 && acc < 0 ? 0 : acc);
          }
        v = y;
      });
      return v;
    };
    const xa = Float64Array.from({ length: 4 * 5 }, () => rng.uniform(-2, 2));
    const xb = Float64Array.from({ length: 3 * 700 }, () => rng.uniform(-2, 2));
    const ya = mlpForward(netA, xa, 5);
    const yb = mlpForward(netB, xb, 700);
    const yaAgain = mlpForward(netA, xa, 5, new Float64Array(10));
    // Same order of additions as the naive sum, so equal to the last bit; the first output survives later calls.
    expect(Array.from(ya)).toEqual(naive(netA, xa, 5));
    expect(Array.from(yb)).toEqual(naive(netB, xb, 700));
    expect(Array.from(yaAgain)).toEqual(Array.from(ya));
  });

  const data = collectExploration(DEFAULT_ENV, taskAt({ kind: 'circle', center: [0, 0], radius: 1 }, 0.3), {
    transitions: 4000,
    seed: 5,
  });
  const model = BaseRewardModel.fit(data);

  it('f̂₀: the batch lookup equals value() point by point, the bilinear table inside, NaN far outside the data', () => {
    const rng = new Rng(9);
    const n = 400;
    const xs = Float64Array.from({ length: n }, () => rng.uniform(-6, 6));
    const ys = Float64Array.from({ length: n }, () => rng.uniform(-6, 6));
    const out = new Float64Array(n);
    model.valuesInto(xs, ys, n, out);
    const pts = model.json.points;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < pts.length; i += 2) {
      x0 = Math.min(x0, pts[i]);
      x1 = Math.max(x1, pts[i]);
      y0 = Math.min(y0, pts[i + 1]);
      y1 = Math.max(y1, pts[i + 1]);
    }
    const reach = 2.5 * model.json.bandwidth;
    let inside = 0;
    let far = 0;
    for (let p = 0; p < n; p++) {
      const [x, y] = [xs[p], ys[p]];
      expect(Object.is(model.value(x, y), out[p])).toBe(true);
      if (x < x0 - reach || x > x1 + reach || y < y0 - reach || y > y1 + reach) {
        // The shortcut: the exact fit finds no sample there either.
        expect(out[p]).toBeNaN();
        expect(model.exactValue(x, y)).toBeNaN();
        far++;
        continue;
      }
      const i = Math.floor((x - x0) / TABLE_SPACING);
      const j = Math.floor((y - y0) / TABLE_SPACING);
      const cs = [
        [i, j],
        [i + 1, j],
        [i, j + 1],
        [i + 1, j + 1],
      ].map(([a, b]) => model.exactValue(x0 + a * TABLE_SPACING, y0 + b * TABLE_SPACING));
      const cellInBox = x1 - x0 > (i + 1) * TABLE_SPACING && y1 - y0 > (j + 1) * TABLE_SPACING;
      if (i < 0 || j < 0 || !cellInBox || cs.some(Number.isNaN)) continue;
      const u = (x - x0) / TABLE_SPACING - i;
      const w = (y - y0) / TABLE_SPACING - j;
      expect(out[p]).toBe((1 - w) * ((1 - u) * cs[0] + u * cs[1]) + w * ((1 - u) * cs[2] + u * cs[3]));
      inside++;
    }
    expect(inside).toBeGreaterThan(20);
    expect(far).toBeGreaterThan(100);
  });

  it('θ inference through the batch lookup gives the estimate of one value() call per state', () => {
    const X = rotationGenerator([0, 0]);
    const single = { value: (x: number, y: number) => model.value(x, y) };
    for (const phi of [0.3, 1.9, 4]) {
      const context = collectContext(
        DEFAULT_ENV,
        taskAt({ kind: 'circle', center: [0, 0], radius: 1 }, phi),
        16,
        2,
      );
      const batch = inferGroupElement(context, X, model, DEFAULT_INFERENCE);
      const one = inferGroupElement(context, X, single, DEFAULT_INFERENCE);
      expect(batch.theta).toBe(one.theta);
      expect(batch.gridLosses).toEqual(one.gridLosses);
    }
  });
});
