// One InfoNCE (+ reward reconstruction) step of the context encoder: fused on a Float32 heap (default) or tfjs.
import * as tf from '@tensorflow/tfjs';
import { AdamFloat32 } from '../sac/adamFloat32';
import { createDenseKernels } from '../sac/denseKernels';
import {
  type DenseWorkspace,
  denseBackward,
  denseForward,
  HeapLayout,
  type MlpShape,
  mlpShape,
  pad4,
  readMlp,
  refreshTransposes,
  writeMlp,
} from '../sac/fusedMlp';
import type { MlpWeights } from '../sac/mlp';
import {
  applyStack,
  ContextEncoderTf,
  type ContextEncoderWeights,
  denseStack,
  type EncoderShape,
  exportStack,
  NORM_EPS,
} from './contextEncoder';
import { featureCount } from './transitionFeatures';

/** What both steppers are built from (the options of trainContextEncoder, resolved). */
export interface EncoderStepSpec {
  shape: EncoderShape;
  maxAction: number;
  seed: number;
  initial?: ContextEncoderWeights;
  contexts: number;
  contextSize: number;
  /** 1 + negatives: each anchor's positive, then its negatives. */
  cols: number;
  temperature: number;
  lr: number;
  recon: { weight: number; targets: number; hidden: number[] } | null;
}

/** One step's data: features [contexts·contextSize, featureDim], contrastIndices, reconstruction targets. */
export interface EncoderBatch {
  features: Float32Array;
  idx: Int32Array;
  targetStates: Float32Array;
  targetRewards: Float32Array;
}

export interface EncoderStepper {
  /** One Adam step on the batch; the loss before it (InfoNCE plus the weighted reconstruction error). */
  step(batch: EncoderBatch): number;
  weights(): ContextEncoderWeights;
  dispose(): void;
}

/** The seeded initial weights both steppers start from (tfjs's glorotUniform with the tfjs path's seeds). */
function initialWeights(spec: EncoderStepSpec): {
  encoder: ContextEncoderWeights;
  decoder: MlpWeights | null;
} {
  const enc = new ContextEncoderTf(spec.shape, spec.maxAction, spec.seed, spec.initial);
  const encoder = enc.exportWeights();
  enc.dispose();
  if (!spec.recon) return { encoder, decoder: null };
  const stack = denseStack([2 + spec.shape.latentDim, ...spec.recon.hidden, 1], spec.seed + 13);
  const decoder = exportStack(stack);
  for (const v of [...stack.kernels, ...stack.biases]) v.dispose();
  return { encoder, decoder };
}

/**
 * The fused step: φ, ρ and the decoder laid out in one heap (fusedMlp.ts), the pooling, normalisation, InfoNCE and
 * reconstruction losses and their gradients written out here, one Adam over all parameters in tfjs's float32
 * order. With z_c = m_c/‖m_c‖ (ε inside the root) and logits ℓ_ac = z_a·z_{idx(a,c)}/τ:
 *   L = −mean_a log softmax(ℓ_a)_0 + w·mean_r (d(s'_r, z_{c(r)}) − r_r)²,
 *   ∂L/∂ℓ_ac = (softmax(ℓ_a)_c − [c = 0])/M,  ∂L/∂m_c = (∂L/∂z_c − z_c (z_c·∂L/∂z_c))/‖m_c‖.
 */
function fusedStepper(spec: EncoderStepSpec): EncoderStepper {
  const { shape, contexts: M, contextSize: C, cols, temperature: tau } = spec;
  const F = featureCount(shape.features);
  const latent = shape.latentDim;
  const embed = shape.embedDim ?? latent;
  const phi = mlpShape([F, ...shape.hidden, embed]);
  const rho = shape.embedDim ? mlpShape([embed, ...(shape.postHidden ?? []), latent]) : null;
  const dec = spec.recon ? mlpShape([2 + latent, ...spec.recon.hidden, 1]) : null;
  const nets = [phi, rho, dec].filter((n): n is MlpShape => n !== null);
  const size = nets.reduce((s, n) => s + n.size, 0);
  const R = M * C;
  const T = spec.recon ? M * spec.recon.targets : 0;
  const lay = new HeapLayout();
  const params = lay.alloc(size);
  const grads = lay.alloc(size);
  const moments = [lay.alloc(size), lay.alloc(size)];
  // Each net's offset inside the parameter (and gradient) block, and its transposes.
  const offsets: number[] = [];
  const transposes: number[] = [];
  let o = 0;
  for (const n of nets) {
    offsets.push(o);
    transposes.push(lay.alloc(n.transposeSize));
    o += n.size;
  }
  const [phiAt, rhoAt, decAt] = [offsets[0], rho ? offsets[1] : -1, dec ? offsets[nets.length - 1] : -1];
  const [phiT, rhoT, decT] = [
    transposes[0],
    rho ? transposes[1] : -1,
    dec ? transposes[nets.length - 1] : -1,
  ];
  const input = lay.alloc(R * F);
  const wsPhi = lay.workspace(phi, R);
  const pooled = lay.alloc(M * embed);
  const wsRho: DenseWorkspace | null = rho ? lay.workspace(rho, M) : null;
  // Without ρ, z normalises the pooled embedding itself: its gradient needs a buffer of its own.
  const dPooledOnly = rho ? 0 : lay.alloc(M * embed);
  const decIn = dec ? lay.alloc(T * (2 + latent)) : 0;
  const wsDec: DenseWorkspace | null = dec ? lay.workspace(dec, T) : null;
  const kern = createDenseKernels(lay.size);
  const h = kern.heap;
  const adam = new AdamFloat32(spec.lr, { params, grads, m: moments[0], v: moments[1], size });

  const init = initialWeights(spec);
  writeMlp(h, phi, params + phiAt, init.encoder.mlp);
  if (rho && init.encoder.post) writeMlp(h, rho, params + rhoAt, init.encoder.post);
  if (dec && init.decoder) writeMlp(h, dec, params + decAt, init.decoder);
  const refresh = () => {
    refreshTransposes(h, phi, params + phiAt, phiT, 1);
    if (rho) refreshTransposes(h, rho, params + rhoAt, rhoT, 0);
    if (dec) refreshTransposes(h, dec, params + decAt, decT, 0);
  };
  refresh();

  const nE = phi.layers[phi.layers.length - 1].n;
  const z = new Float64Array(M * latent);
  const norms = new Float64Array(M);
  const dz = new Float64Array(M * latent);
  const logits = new Float64Array(cols);

  return {
    step(batch) {
      h.set(batch.features, input);
      const E = denseForward(kern, phi, params + phiAt, input, R, wsPhi);
      // Mean-pool each context's embeddings.
      for (let c = 0; c < M; c++)
        for (let j = 0; j < embed; j++) {
          let s = 0;
          for (let i = 0; i < C; i++) s += h[E + (c * C + i) * nE + j];
          h[pooled + c * embed + j] = s / C;
        }
      let mAt = pooled;
      let mStride = embed;
      if (rho && wsRho) {
        mAt = denseForward(kern, rho, params + rhoAt, pooled, M, wsRho);
        mStride = rho.layers[rho.layers.length - 1].n;
      }
      for (let c = 0; c < M; c++) {
        let s = NORM_EPS;
        for (let j = 0; j < latent; j++) s += h[mAt + c * mStride + j] ** 2;
        const n = Math.sqrt(s);
        norms[c] = n;
        for (let j = 0; j < latent; j++) z[c * latent + j] = h[mAt + c * mStride + j] / n;
      }
      // InfoNCE over the anchors, and its gradient with respect to z.
      dz.fill(0);
      let loss = 0;
      const dot = (a: number, b: number) => {
        let s = 0;
        for (let j = 0; j < latent; j++) s += z[a * latent + j] * z[b * latent + j];
        return s;
      };
      for (let a = 0; a < M; a++) {
        let max = -Infinity;
        for (let k = 0; k < cols; k++) {
          logits[k] = dot(a, batch.idx[a * cols + k]) / tau;
          if (logits[k] > max) max = logits[k];
        }
        let sum = 0;
        for (let k = 0; k < cols; k++) sum += Math.exp(logits[k] - max);
        const lse = max + Math.log(sum);
        loss -= (logits[0] - lse) / M;
        for (let k = 0; k < cols; k++) {
          const b = batch.idx[a * cols + k];
          const g = (Math.exp(logits[k] - lse) - (k === 0 ? 1 : 0)) / (M * tau);
          for (let j = 0; j < latent; j++) {
            dz[a * latent + j] += g * z[b * latent + j];
            dz[b * latent + j] += g * z[a * latent + j];
          }
        }
      }
      if (dec && wsDec && spec.recon) {
        const { weight, targets } = spec.recon;
        const width = 2 + latent;
        for (let r = 0; r < T; r++) {
          const c = Math.floor(r / targets);
          h[decIn + r * width] = batch.targetStates[2 * r];
          h[decIn + r * width + 1] = batch.targetStates[2 * r + 1];
          for (let j = 0; j < latent; j++) h[decIn + r * width + 2 + j] = z[c * latent + j];
        }
        const out = denseForward(kern, dec, params + decAt, decIn, T, wsDec);
        const nOut = dec.layers[dec.layers.length - 1].n;
        const dOut = wsDec.deltas[dec.layers.length - 1];
        let sq = 0;
        for (let r = 0; r < T; r++) {
          const err = h[out + r * nOut] - batch.targetRewards[r];
          sq += err * err;
          h[dOut + r * nOut] = (2 * weight * err) / T;
          for (let j = 1; j < nOut; j++) h[dOut + r * nOut + j] = 0;
        }
        loss += (weight * sq) / T;
        denseBackward(kern, dec, decT, decIn, T, wsDec, grads + decAt, true);
        const kIn = pad4(dec.layers[0].k);
        for (let r = 0; r < T; r++) {
          const c = Math.floor(r / targets);
          for (let j = 0; j < latent; j++) dz[c * latent + j] += h[wsDec.dInput + r * kIn + 2 + j];
        }
      }
      // Through the normalisation to m, into ρ's output delta (or straight to the pooled embedding).
      const dm = rho && wsRho ? wsRho.deltas[rho.layers.length - 1] : dPooledOnly;
      for (let c = 0; c < M; c++) {
        let zdz = 0;
        for (let j = 0; j < latent; j++) zdz += z[c * latent + j] * dz[c * latent + j];
        for (let j = 0; j < mStride; j++)
          h[dm + c * mStride + j] =
            j < latent ? (dz[c * latent + j] - z[c * latent + j] * zdz) / norms[c] : 0;
      }
      let dPooled = dm;
      let dStride = mStride;
      if (rho && wsRho) {
        denseBackward(kern, rho, rhoT, pooled, M, wsRho, grads + rhoAt, true);
        dPooled = wsRho.dInput;
        dStride = pad4(rho.layers[0].k);
      }
      // The mean's gradient: every transition of a context gets 1/C of its pooled gradient.
      const dE = wsPhi.deltas[phi.layers.length - 1];
      for (let c = 0; c < M; c++)
        for (let i = 0; i < C; i++)
          for (let j = 0; j < nE; j++)
            h[dE + (c * C + i) * nE + j] = j < embed ? h[dPooled + c * dStride + j] / C : 0;
      denseBackward(kern, phi, phiT, input, R, wsPhi, grads + phiAt, false);
      adam.step(kern);
      refresh();
      return loss;
    },
    weights() {
      const out: ContextEncoderWeights = {
        mlp: readMlp(h, phi, params + phiAt),
        ...(rho ? { post: readMlp(h, rho, params + rhoAt) } : {}),
        ...(shape.features ? { features: shape.features } : {}),
        maxAction: spec.maxAction,
      };
      return out;
    },
    dispose() {},
  };
}

/** InfoNCE loss: mean over anchors of −log softmax(cos(z_a, z_c)/τ)[positive]; z rows are unit vectors. */
export function infoNceLoss(z: tf.Tensor2D, selection: tf.Tensor3D, temperature: number): tf.Scalar {
  const sim = tf.matMul(z, z, false, true);
  const logits = tf.sum(tf.mul(selection, tf.expandDims(sim, 1)), 2);
  const scaled = tf.div(logits, temperature);
  const logp = tf.sub(scaled, tf.logSumExp(scaled, 1, true));
  return tf.neg(tf.mean(tf.slice(logp, [0, 0], [-1, 1])));
}

/**
 * One-hot selection [M, cols, M] of contrastIndices. (A gather would be shorter, but its gradient needs
 * UnsortedSegmentSum, which the wasm backend lacks.)
 */
export function selectionTensorData(idx: Int32Array, contexts: number, cols: number): Float32Array {
  const out = new Float32Array(contexts * cols * contexts);
  for (let r = 0; r < contexts * cols; r++) out[r * contexts + idx[r]] = 1;
  return out;
}

/** The tfjs reference: autodiff through ContextEncoderTf and the decoder stack, tf.train.adam. */
function tfjsStepper(spec: EncoderStepSpec): EncoderStepper {
  const { contexts, contextSize, cols, recon } = spec;
  const encoder = new ContextEncoderTf(spec.shape, spec.maxAction, spec.seed, spec.initial);
  const optimizer = tf.train.adam(spec.lr);
  const featureDim = encoder.featureDim;
  const latentDim = spec.shape.latentDim;
  const targets = recon?.targets ?? 0;
  const decoder = recon ? denseStack([2 + latentDim, ...recon.hidden, 1], spec.seed + 13) : null;
  const decoderVars = decoder ? [...decoder.kernels, ...decoder.biases] : [];
  // Row r of the target batch reads the z of context ⌊r / targets⌋ (a fixed one-hot: a differentiable gather).
  const repeatRows = new Float32Array(contexts * targets * contexts);
  for (let r = 0; r < contexts * targets; r++) repeatRows[r * contexts + Math.floor(r / targets)] = 1;
  return {
    step(batch) {
      return tf.tidy(() => {
        const x = tf.tensor2d(batch.features, [contexts * contextSize, featureDim]);
        const sel = tf.tensor3d(selectionTensorData(batch.idx, contexts, cols), [contexts, cols, contexts]);
        const cost = optimizer.minimize(
          () => {
            const z = encoder.encode(x, contexts);
            const nce = infoNceLoss(z, sel, spec.temperature);
            if (!decoder || !recon) return nce;
            const rows = contexts * targets;
            const zRep = tf.matMul(tf.tensor2d(repeatRows, [rows, contexts]), z);
            const input = tf.concat([tf.tensor2d(batch.targetStates, [rows, 2]), zRep], 1) as tf.Tensor2D;
            const err = tf.sub(
              tf.reshape(applyStack(decoder, input), [rows]),
              tf.tensor1d(batch.targetRewards),
            );
            return tf.add(nce, tf.mul(recon.weight, tf.mean(tf.square(err)))) as tf.Scalar;
          },
          true,
          [...encoder.variables, ...decoderVars],
        );
        return cost ? cost.dataSync()[0] : Number.NaN;
      });
    },
    weights: () => encoder.exportWeights(),
    dispose() {
      optimizer.dispose();
      encoder.dispose();
      for (const v of decoderVars) v.dispose();
    },
  };
}

/** 'fused' (default): the heap step above; 'tfjs': the autodiff reference. Same seeds, same initial weights. */
export function encoderStepper(spec: EncoderStepSpec, impl: 'fused' | 'tfjs' = 'fused'): EncoderStepper {
  return impl === 'tfjs' ? tfjsStepper(spec) : fusedStepper(spec);
}
