// Soft Actor-Critic as one fused training step on a Float32 heap: the maths, order and noise of the tfjs Sac in sac.ts.
import { Rng } from '../rng';
import { denseBackward, denseForward, pad4, refreshTransposes } from './fusedMlp';
import { FusedSacHeap, type FusedSacOptions } from './fusedSacHeap';
import type { TransitionBatch } from './replayBuffer';
import type { SacConfig, SacLosses } from './sac';
import type { SacTrainer } from './sacTrainer';

export type { FusedSacOptions } from './fusedSacHeap';

const LOG_STD_MIN = -5;
const LOG_STD_MAX = 2;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
// tfjs's softplus: exact log(1 + eˣ) except where float32 cannot tell it from x or eˣ.
const SOFTPLUS_THRESHOLD = Math.log(1.1920928955078125e-7) + 2;
const softplus = (x: number): number =>
  x < SOFTPLUS_THRESHOLD ? Math.exp(x) : x > -SOFTPLUS_THRESHOLD ? x : Math.log(1 + Math.exp(x));
const f32 = Math.fround;
const clipLogStd = (raw: number): number => Math.min(Math.max(raw, LOG_STD_MIN), LOG_STD_MAX);

/**
 * Per update, as the tfjs path: targets y from the target critics and a fresh sample a' ~ π(s'); one Adam step
 * of both critics on ½(MSE₁ + MSE₂); one of the actor on mean(α log π − min Q) through the updated critics;
 * one of log α on −log α (E[log π] + H̄); then Polyak targets. Forward and backward passes are the dense
 * kernels of fusedMlp.ts; the squashed-Gaussian head and the losses are per-row loops here.
 */
export class FusedSac extends FusedSacHeap implements SacTrainer {
  readonly impl = 'fused' as const;
  updates = 0;
  protected readonly noiseRng: Rng;
  private noise = new Float32Array(0);
  private last: SacLosses = { critic: NaN, actor: NaN, alpha: NaN, alphaValue: NaN, entropy: NaN };

  constructor(
    config: Partial<SacConfig> & Pick<SacConfig, 'obsDim' | 'seed'>,
    options: FusedSacOptions = {},
  ) {
    super(config, options);
    this.noiseRng = new Rng(this.noiseSeed);
  }

  private get targetEntropy(): number {
    return this.config.targetEntropy ?? -this.config.actDim;
  }

  private fillNoise(n: number): Float32Array {
    const buf = this.noise.length === n ? this.noise : new Float32Array(n);
    for (let i = 0; i < n; i++) buf[i] = this.noiseRng.normal();
    this.noise = buf;
    return buf;
  }

  /**
   * From the actor output already in the heap: a = tanh(μ + σ ε) into the critic input after each observation,
   * log π(a) = Σ [log N(u; μ, σ) − 2(log 2 − u − softplus(−2u))] into scratch.logProb; `keep` caches u, a, σ, raw.
   */
  private squashedSample(obs: number, rows: number, epsAt: number, keep: boolean): void {
    const { obsDim: O, actDim: A } = this.config;
    const h = this.kern.heap;
    const last = this.actorShape.layers.length - 1;
    const nOut = this.actorShape.layers[last].n;
    const out = this.buf.actor.acts[last];
    const X = O + A;
    const { logProb, u: uCache } = this.scratch;
    const { a: aCache, std: stdCache, raw: rawCache } = this.actorCache;
    const eps = this.noise;
    for (let i = 0; i < rows; i++) {
      const row = out + i * nOut;
      const x = this.buf.criticIn + i * X;
      for (let d = 0; d < O; d++) h[x + d] = h[obs + i * O + d];
      let lp = 0;
      for (let j = 0; j < A; j++) {
        const raw = h[row + A + j];
        const logStd = clipLogStd(raw);
        const e = eps[epsAt + i * A + j];
        const std = f32(Math.exp(logStd));
        const u = f32(h[row + j] + std * e);
        lp += -0.5 * e * e - (logStd + HALF_LOG_2PI) - 2 * (Math.LN2 - u - softplus(-2 * u));
        h[x + O + j] = Math.tanh(u);
        if (keep) {
          const k = i * A + j;
          uCache[k] = u;
          aCache[k] = h[x + O + j];
          stdCache[k] = std;
          rawCache[k] = raw;
        }
      }
      logProb[i] = lp;
    }
  }

  /** Q_k(s, a) of row i after a forward pass of critic k into its workspace. */
  private q(k: number, i: number): number {
    const last = this.criticShape.layers.length - 1;
    return this.kern.heap[this.buf.critic[k].acts[last] + i * this.criticShape.layers[last].n];
  }

  update(batch: TransitionBatch, readLosses = true): SacLosses {
    const c = this.config;
    const B = batch.size;
    const { obsDim: O, actDim: A } = c;
    this.ensureRows(B);
    const kern = this.kern;
    const h = kern.heap;
    const buf = this.buf;
    const qs = this.criticShape;
    const qLast = qs.layers.length - 1;
    const qn = qs.layers[qLast].n;
    for (let i = 0; i < B * O; i++) {
      h[buf.obs + i] = batch.obs[i];
      h[buf.nextObs + i] = batch.nextObs[i];
    }
    this.fillNoise(2 * B * A); // [ε for s', ε for s]
    const logAlpha = h[this.at.logAlpha];
    const alpha = f32(Math.exp(logAlpha));
    const { logProb, y } = this.scratch;

    // y = r + γ (1 − done) (min_k Q̄_k(s', a') − α log π(a'|s'))
    denseForward(kern, this.actorShape, this.at.actor, buf.nextObs, B, buf.actor);
    this.squashedSample(buf.nextObs, B, 0, false);
    for (let k = 0; k < 2; k++) denseForward(kern, qs, this.targetAt(k), buf.criticIn, B, buf.critic[k]);
    const gamma = f32(c.gamma);
    for (let i = 0; i < B; i++) {
      const soft = Math.min(this.q(0, i), this.q(1, i)) - alpha * logProb[i];
      y[i] = f32(batch.reward[i] + (1 - batch.done[i]) * gamma * soft);
    }

    // Critics: ½ (MSE₁ + MSE₂) on (s, a/maxAction).
    const maxA = f32(c.maxAction);
    for (let i = 0; i < B; i++) {
      const x = buf.criticIn + i * (O + A);
      for (let d = 0; d < O; d++) h[x + d] = batch.obs[i * O + d];
      for (let j = 0; j < A; j++) h[x + O + j] = batch.action[i * A + j] / maxA;
    }
    let criticLoss = 0;
    for (let k = 0; k < 2; k++) {
      const ws = buf.critic[k];
      denseForward(kern, qs, this.criticAt(k), buf.criticIn, B, ws);
      const dq = ws.deltas[qLast];
      for (let i = 0; i < B; i++) {
        const d = this.q(k, i) - y[i];
        criticLoss += (0.5 * d * d) / B;
        h[dq + i * qn] = d / B;
      }
      denseBackward(
        kern,
        qs,
        this.criticTAt(k),
        buf.criticIn,
        B,
        ws,
        this.at.criticGrads + k * qs.size,
        false,
      );
    }
    this.criticOpt.step(kern);
    for (let k = 0; k < 2; k++) refreshTransposes(h, qs, this.criticAt(k), this.criticTAt(k));

    // Actor: mean(α log π(a|s) − min_k Q_k(s, a)), a = tanh(μ + σ ε), through the updated critics.
    denseForward(kern, this.actorShape, this.at.actor, buf.obs, B, buf.actor);
    this.squashedSample(buf.obs, B, B * A, true);
    let actorLoss = 0;
    let meanLogProb = 0;
    for (let k = 0; k < 2; k++) denseForward(kern, qs, this.criticAt(k), buf.criticIn, B, buf.critic[k]);
    for (let i = 0; i < B; i++) {
      const q1 = this.q(0, i);
      const q2 = this.q(1, i);
      actorLoss += (alpha * logProb[i] - Math.min(q1, q2)) / B;
      meanLogProb += logProb[i] / B;
      // d min(q1, q2): to q1 where q1 ≤ q2 (tfjs's tie rule), else to q2.
      h[buf.critic[0].deltas[qLast] + i * qn] = q1 <= q2 ? -1 / B : 0;
      h[buf.critic[1].deltas[qLast] + i * qn] = q1 <= q2 ? 0 : -1 / B;
    }
    for (let k = 0; k < 2; k++)
      denseBackward(kern, qs, this.criticTAt(k), buf.criticIn, B, buf.critic[k], 0, true);
    this.actorDeltas(B, alpha);
    denseBackward(kern, this.actorShape, this.at.actorT, buf.obs, B, buf.actor, this.at.actorGrad, false);
    this.actorOpt.step(kern);
    refreshTransposes(h, this.actorShape, this.at.actor, this.at.actorT, 1);

    // J(α) = −log α · (E[log π] + H̄)
    const alphaLoss = -logAlpha * (meanLogProb + this.targetEntropy);
    h[this.at.alphaGrad] = -(meanLogProb + this.targetEntropy);
    this.alphaOpt.step(kern);

    // θ̄ ← (1 − τ) θ̄ + τ θ
    kern.polyak(this.at.targets, this.at.critics, 2 * qs.size, f32(1 - c.tau), f32(c.tau));
    this.updates++;
    // Computing the losses is free here; a fresh object only when read, like the tfjs path's sync.
    if (readLosses)
      this.last = {
        critic: criticLoss,
        actor: actorLoss,
        alpha: alphaLoss,
        alphaValue: Math.exp(h[this.at.logAlpha]),
        entropy: -meanLogProb,
      };
    return this.last;
  }

  /**
   * dLoss/d(actor output) for loss = mean(α log π − min Q): with g = α/B and da from the critics' input gradient,
   * d/du = g (2 − 4 sigmoid(−2u)) + da (1 − a²), d/dμ = d/du, d/d raw = [raw in clip range] (d/du · σ ε − g).
   */
  private actorDeltas(B: number, alpha: number): void {
    const { obsDim: O, actDim: A } = this.config;
    const h = this.kern.heap;
    const last = this.actorShape.layers.length - 1;
    const nOut = this.actorShape.layers[last].n;
    const dOut = this.buf.actor.deltas[last];
    const kt = pad4(O + A);
    const [d0, d1] = [this.buf.critic[0].dInput, this.buf.critic[1].dInput];
    const { u } = this.scratch;
    const { a, std, raw } = this.actorCache;
    const g = alpha / B;
    const eps = this.noise;
    for (let i = 0; i < B; i++) {
      for (let j = 0; j < A; j++) {
        const k = i * A + j;
        const da = h[d0 + i * kt + O + j] + h[d1 + i * kt + O + j];
        const du = g * (2 - 4 / (1 + Math.exp(2 * u[k]))) + da * (1 - a[k] * a[k]);
        const inRange = raw[k] >= LOG_STD_MIN && raw[k] <= LOG_STD_MAX;
        h[dOut + i * nOut + j] = du;
        h[dOut + i * nOut + A + j] = inRange ? du * std[k] * eps[B * A + k] - g : 0;
      }
    }
  }

  sampleActions(obs: Float32Array, n: number): Float32Array {
    const { actDim: A, maxAction } = this.config;
    const noise = new Float32Array(n * A);
    for (let i = 0; i < noise.length; i++) noise[i] = this.noiseRng.normal();
    const out = new Float32Array(n * A);
    for (let r = 0; r < n; r++) {
      const y = this.actorRow(obs, r);
      for (let j = 0; j < A; j++) {
        const raw = y[A + j];
        const logStd = clipLogStd(raw);
        out[r * A + j] = maxAction * Math.tanh(y[j] + Math.exp(logStd) * noise[r * A + j]);
      }
    }
    return out;
  }

  act(obs: Float32Array, n: number): Float32Array {
    const { actDim: A, maxAction } = this.config;
    const out = new Float32Array(n * A);
    for (let r = 0; r < n; r++) {
      const y = this.actorRow(obs, r);
      for (let j = 0; j < A; j++) out[r * A + j] = maxAction * Math.tanh(y[j]);
    }
    return out;
  }

  /** Nothing to free: the heap is garbage-collected with the learner. */
  dispose(): void {}
}
