// Soft Actor-Critic in tfjs (ALGORITHM.md §2): twin critics + Polyak targets, learned α, tanh-squashed Gaussian actor.
import * as tf from '@tensorflow/tfjs';
import { glorotUniform } from '../glorot';
import { Rng } from '../rng';
import { type DenseVars, mlpTf } from './fastDense';
import type { MlpWeights } from './mlp';
import type { TransitionBatch } from './replayBuffer';
import {
  DEFAULT_SAC_CONFIG,
  type SacConfig,
  type SacLosses,
  type SacSnapshot,
  type SacTrainer,
} from './sacTrainer';

// The config, losses and snapshot types live with the SacTrainer interface; re-exported here for existing imports.
export { DEFAULT_SAC_CONFIG, type SacConfig, type SacLosses, type SacSnapshot } from './sacTrainer';

const LOG_STD_MIN = -5;
const LOG_STD_MAX = 2;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

type Dense = DenseVars;

/** One seeded Glorot-uniform kernel and a zero bias, as plain arrays. */
function denseInit(inDim: number, outDim: number, seed: number): MlpWeights['layers'][number] {
  const w = tf.tidy(() => glorotUniform([inDim, outDim], seed).dataSync());
  return { inDim, outDim, w: Float32Array.from(w), b: new Float32Array(outDim) };
}

/** Full config with defaults filled in. */
export const resolveSacConfig = (
  config: Partial<SacConfig> & Pick<SacConfig, 'obsDim' | 'seed'>,
): SacConfig => ({
  ...DEFAULT_SAC_CONFIG,
  ...config,
});

/**
 * The seeded initial nets and noise seed of a SAC learner (shared by the tfjs and the fused implementation):
 * seeds drawn in order actor layers, critic 1 layers, critic 2 layers, then the noise generator's.
 */
export function initialSacWeights(c: SacConfig): {
  actor: MlpWeights;
  critics: [MlpWeights, MlpWeights];
  noiseSeed: number;
} {
  const dims = (inDim: number, outDim: number) => [inDim, ...Array(c.hiddenLayers).fill(c.hidden), outDim];
  const seeds = new Rng(c.seed);
  const nextSeed = () => seeds.nextUint32() % 2147483647;
  const net = (d: number[]): MlpWeights => ({
    layers: d.slice(1).map((out, l) => denseInit(d[l], out, nextSeed())),
  });
  const actor = net(dims(c.obsDim, 2 * c.actDim));
  const criticDims = dims(c.obsDim + c.actDim, 1);
  const critics: [MlpWeights, MlpWeights] = [net(criticDims), net(criticDims)];
  return { actor, critics, noiseSeed: nextSeed() };
}

/** The actor's mean head as a plain MLP: the last layer sliced to its first actDim outputs. */
export function actorMeanHead(full: MlpWeights, actDim: number): MlpWeights {
  const last = full.layers[full.layers.length - 1];
  const a = actDim;
  const w = new Float32Array(last.inDim * a);
  for (let i = 0; i < last.inDim; i++) for (let j = 0; j < a; j++) w[i * a + j] = last.w[i * 2 * a + j];
  return {
    layers: [...full.layers.slice(0, -1), { inDim: last.inDim, outDim: a, w, b: last.b.slice(0, a) }],
  };
}

export class Sac implements SacTrainer {
  readonly impl = 'tfjs' as const;
  readonly config: SacConfig;
  private readonly actor: Dense[];
  /** Twin critics and their Polyak targets (target k starts as a copy of critic k). */
  private readonly critics: [Dense[], Dense[]];
  private readonly targets: [Dense[], Dense[]];
  private readonly logAlpha: tf.Variable;
  private readonly actorOpt: tf.Optimizer;
  private readonly criticOpt: tf.Optimizer;
  private readonly alphaOpt: tf.Optimizer;
  private readonly noiseRng: Rng;
  private noise = new Float32Array(0);
  private last: SacLosses = { critic: NaN, actor: NaN, alpha: NaN, alphaValue: NaN, entropy: NaN };
  updates = 0;

  constructor(config: Partial<SacConfig> & Pick<SacConfig, 'obsDim' | 'seed'>) {
    const c = resolveSacConfig(config);
    this.config = c;
    const init = initialSacWeights(c);
    const vars = (net: MlpWeights): Dense[] =>
      tf.tidy(() =>
        net.layers.map((l) => ({
          w: tf.variable(tf.tensor2d(l.w, [l.inDim, l.outDim])),
          b: tf.variable(tf.tensor1d(l.b)),
        })),
      );
    this.actor = vars(init.actor);
    this.critics = [vars(init.critics[0]), vars(init.critics[1])];
    this.targets = [vars(init.critics[0]), vars(init.critics[1])];
    this.logAlpha = tf.tidy(() => tf.variable(tf.scalar(Math.log(c.initAlpha))));
    this.actorOpt = tf.train.adam(c.lrActor);
    this.criticOpt = tf.train.adam(c.lrCritic);
    this.alphaOpt = tf.train.adam(c.lrAlpha);
    this.noiseRng = new Rng(init.noiseSeed);
  }

  private get targetEntropy(): number {
    return this.config.targetEntropy ?? -this.config.actDim;
  }

  private actorHead(obs: tf.Tensor2D): { mean: tf.Tensor2D; logStd: tf.Tensor2D } {
    const out = mlpTf(this.actor, obs);
    const [mean, rawLogStd] = tf.split(out, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
    return { mean, logStd: tf.clipByValue(rawLogStd, LOG_STD_MIN, LOG_STD_MAX) };
  }

  /**
   * Reparameterised sample of the squashed action in [−1, 1]: a = tanh(μ + σ ε), with
   * log π(a) = Σ [log N(u; μ, σ) − log(1 − tanh²u)] and log(1 − tanh²u) = 2(log 2 − u − softplus(−2u)).
   */
  private sampleAction(obs: tf.Tensor2D, eps: tf.Tensor2D): { action: tf.Tensor2D; logProb: tf.Tensor2D } {
    const { mean, logStd } = this.actorHead(obs);
    const u = tf.add(mean, tf.mul(tf.exp(logStd), eps));
    const gauss = tf.sub(tf.mul(tf.square(eps), -0.5), tf.add(logStd, HALF_LOG_2PI));
    const squash = tf.mul(tf.sub(tf.sub(Math.LN2, u), tf.softplus(tf.mul(u, -2))), 2);
    const logProb = tf.sum(tf.sub(gauss, squash), 1, true) as tf.Tensor2D;
    return { action: tf.tanh(u) as tf.Tensor2D, logProb };
  }

  /** min_k Q_k(s, a) over the twin critics (or their targets), and both Q's. */
  private twinQ(nets: [Dense[], Dense[]], obs: tf.Tensor2D, action: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const input = tf.concat([obs, action], 1);
    return [mlpTf(nets[0], input), mlpTf(nets[1], input)];
  }

  private minQ(nets: [Dense[], Dense[]], obs: tf.Tensor2D, action: tf.Tensor2D): tf.Tensor2D {
    const [q1, q2] = this.twinQ(nets, obs, action);
    return tf.minimum(q1, q2);
  }

  private fillNoise(n: number): Float32Array {
    const buf = this.noise.length === n ? this.noise : new Float32Array(n);
    for (let i = 0; i < n; i++) buf[i] = this.noiseRng.normal();
    this.noise = buf;
    return buf;
  }

  /**
   * One gradient step of critics, actor and temperature on a batch (actions stored in env units).
   * Terminal transitions (done = 1) do not bootstrap. Reads the losses back only when `readLosses`
   * (one small sync); otherwise returns the last values read.
   */
  update(batch: TransitionBatch, readLosses = true): SacLosses {
    const c = this.config;
    const B = batch.size;
    const stats = tf.tidy(() => {
      const obs = tf.tensor2d(batch.obs, [B, c.obsDim]);
      const nextObs = tf.tensor2d(batch.nextObs, [B, c.obsDim]);
      const act = tf.div(tf.tensor2d(batch.action, [B, c.actDim]), c.maxAction) as tf.Tensor2D;
      const reward = tf.tensor2d(batch.reward, [B, 1]);
      const notDone = tf.sub(1, tf.tensor2d(batch.done, [B, 1]));
      const noise = tf.tensor3d(this.fillNoise(2 * B * c.actDim), [2, B, c.actDim]);
      const [epsNext, epsNow] = tf.unstack(noise) as [tf.Tensor2D, tf.Tensor2D];
      const alpha = tf.exp(this.logAlpha);

      // y = r + γ (1 − done) (min_k Q̄_k(s', a') − α log π(a'|s'))
      const next = this.sampleAction(nextObs, epsNext);
      const qNext = this.minQ(this.targets, nextObs, next.action);
      const soft = tf.sub(qNext, tf.mul(alpha, next.logProb));
      const y = tf.add(reward, tf.mul(tf.mul(notDone, c.gamma), soft));

      const criticVars = [...this.critics[0], ...this.critics[1]].flatMap((l) => [l.w, l.b]);
      const criticLoss = this.criticOpt.minimize(
        () => {
          // ½ (MSE₁ + MSE₂)
          const [q1, q2] = this.twinQ(this.critics, obs, act);
          return tf.mul(
            tf.add(tf.mean(tf.squaredDifference(q1, y)), tf.mean(tf.squaredDifference(q2, y))),
            0.5,
          );
        },
        true,
        criticVars,
      ) as tf.Scalar;

      let meanLogProb: tf.Scalar | null = null;
      const actorVars = this.actor.flatMap((l) => [l.w, l.b]);
      const actorLoss = this.actorOpt.minimize(
        () => {
          const now = this.sampleAction(obs, epsNow);
          const q = this.minQ(this.critics, obs, now.action);
          meanLogProb = tf.keep(tf.mean(now.logProb));
          return tf.mean(tf.sub(tf.mul(alpha, now.logProb), q));
        },
        true,
        actorVars,
      ) as tf.Scalar;
      const logProb = meanLogProb as unknown as tf.Scalar;

      // J(α) = −log α · (E[log π] + H̄)
      const alphaLoss = this.alphaOpt.minimize(
        () => tf.neg(tf.mul(this.logAlpha, tf.add(logProb, this.targetEntropy))),
        true,
        [this.logAlpha],
      ) as tf.Scalar;

      // θ̄ ← (1 − τ) θ̄ + τ θ
      for (let k = 0; k < 2; k++) {
        this.targets[k].forEach((t, l) => {
          const src = this.critics[k][l];
          t.w.assign(tf.add(tf.mul(t.w, 1 - c.tau), tf.mul(src.w, c.tau)));
          t.b.assign(tf.add(tf.mul(t.b, 1 - c.tau), tf.mul(src.b, c.tau)));
        });
      }
      const out = tf.stack([criticLoss, actorLoss, alphaLoss, tf.exp(this.logAlpha), tf.neg(logProb)]);
      tf.dispose(logProb);
      return out;
    });
    this.updates++;
    if (readLosses) {
      const v = stats.dataSync();
      this.last = { critic: v[0], actor: v[1], alpha: v[2], alphaValue: v[3], entropy: v[4] };
    }
    stats.dispose();
    return this.last;
  }

  /** Stochastic exploration actions maxAction · tanh(μ + σ ε) for n observations (seeded noise). */
  sampleActions(obs: Float32Array, n: number): Float32Array {
    const c = this.config;
    const noise = new Float32Array(n * c.actDim);
    for (let i = 0; i < noise.length; i++) noise[i] = this.noiseRng.normal();
    const out = tf.tidy(() => {
      const { action } = this.sampleAction(
        tf.tensor2d(obs, [n, c.obsDim]),
        tf.tensor2d(noise, [n, c.actDim]),
      );
      return tf.mul(action, c.maxAction);
    });
    const values = out.dataSync() as Float32Array;
    out.dispose();
    return values;
  }

  /** Deterministic actions maxAction · tanh(μ(s)) for n observations (tfjs path; evaluation uses exportActor). */
  act(obs: Float32Array, n: number): Float32Array {
    const c = this.config;
    const out = tf.tidy(() => {
      const { mean } = this.actorHead(tf.tensor2d(obs, [n, c.obsDim]));
      return tf.mul(tf.tanh(mean), c.maxAction);
    });
    const values = out.dataSync() as Float32Array;
    out.dispose();
    return values;
  }

  /** The actor's mean head as a plain MLP (last layer sliced to the actDim mean outputs). */
  exportActor(): MlpWeights {
    return actorMeanHead(readDense(this.actor), this.config.actDim);
  }

  exportAll(): SacSnapshot {
    return {
      config: { ...this.config },
      actor: readDense(this.actor),
      critics: [readDense(this.critics[0]), readDense(this.critics[1])],
      targetCritics: [readDense(this.targets[0]), readDense(this.targets[1])],
      logAlpha: this.logAlpha.dataSync()[0],
    };
  }

  /** Load nets and α from a snapshot of the same architecture (the optimizers keep their moments). */
  importAll(s: SacSnapshot): void {
    tf.tidy(() => {
      const load = (dst: Dense[], src: MlpWeights) =>
        src.layers.forEach((l, i) => {
          dst[i].w.assign(tf.tensor2d(l.w, [l.inDim, l.outDim]));
          dst[i].b.assign(tf.tensor1d(l.b));
        });
      load(this.actor, s.actor);
      for (const k of [0, 1]) {
        load(this.critics[k], s.critics[k]);
        load(this.targets[k], s.targetCritics[k]);
      }
      this.logAlpha.assign(tf.scalar(s.logAlpha));
    });
  }

  /** Free every variable and the optimizers' slot variables. */
  dispose(): void {
    for (const l of [...this.actor, ...this.critics.flat(), ...this.targets.flat()]) tf.dispose([l.w, l.b]);
    this.logAlpha.dispose();
    this.actorOpt.dispose();
    this.criticOpt.dispose();
    this.alphaOpt.dispose();
  }
}

function readDense(layers: Dense[]): MlpWeights {
  return {
    layers: layers.map((l) => ({
      inDim: l.w.shape[0] as number,
      outDim: l.w.shape[1] as number,
      w: Float32Array.from(l.w.dataSync()),
      b: Float32Array.from(l.b.dataSync()),
    })),
  };
}
