// The trained smooth-encoding baseline (encoder + z-conditioned actor): test-time policy and JSON form.
import type { Policy } from '../policies';
import { actorPolicy } from '../sac/actorPolicy';
import { deserializeMlp, type MlpWeights, type SerializedMlp, serializeMlp } from '../sac/mlp';
import { type AnyContext, asFlatContext } from './context';
import { type ContextEncoderWeights, encodeContext } from './contextEncoding';
import { FEATURE_COUNTS, type TransitionFeatureSet } from './transitionFeatures';

export interface BaselineModel {
  encoder: ContextEncoderWeights;
  /** Deterministic actor over (s, z): a = maxAction · tanh(mlp(s, z)). */
  actor: MlpWeights;
  maxAction: number;
  /** Context length K the actor was trained with (one run of the fixed rule). */
  contextK: number;
}

/** Append a fixed z to each state: obs = (x, y, z_1 … z_d). */
export function appendLatent(z: ArrayLike<number>) {
  const d = z.length;
  return (states: Float64Array, n: number, obs: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      obs[i * (2 + d)] = states[2 * i];
      obs[i * (2 + d) + 1] = states[2 * i + 1];
      for (let j = 0; j < d; j++) obs[i * (2 + d) + 2 + j] = z[j];
    }
  };
}

/** π(s, z) for a fixed latent z. */
export function baselinePolicyForLatent(model: BaselineModel, z: ArrayLike<number>): Policy {
  const inDim = model.actor.layers[0].inDim;
  if (inDim !== 2 + z.length)
    throw new Error(`baseline: the actor reads ${inDim} numbers per state, but (s, z) has ${2 + z.length}`);
  return actorPolicy(model.actor, model.maxAction, appendLatent(z));
}

/** The test-time path: z = encoder(context) once, then act with π(s, z). */
export function baselinePolicyForContext(model: BaselineModel, context: AnyContext): Policy {
  return baselinePolicyForLatent(model, encodeContext(model.encoder, asFlatContext(context)));
}

/** Version 2 adds the encoder's post-pool net and feature set; version 1 (neither) still loads. */
export interface SerializedBaseline {
  kind: 'smooth-encoding-baseline';
  version: 1 | 2;
  encoder: SerializedMlp;
  encoderPost?: SerializedMlp;
  encoderFeatures?: TransitionFeatureSet;
  actor: SerializedMlp;
  maxAction: number;
  contextK: number;
}

export function serializeBaseline(model: BaselineModel): SerializedBaseline {
  return {
    kind: 'smooth-encoding-baseline',
    version: 2,
    encoder: serializeMlp(model.encoder.mlp),
    ...(model.encoder.post ? { encoderPost: serializeMlp(model.encoder.post) } : {}),
    ...(model.encoder.features ? { encoderFeatures: model.encoder.features } : {}),
    actor: serializeMlp(model.actor),
    maxAction: model.maxAction,
    contextK: model.contextK,
  };
}

export function deserializeBaseline(s: SerializedBaseline): BaselineModel {
  if (s.kind !== 'smooth-encoding-baseline' || (s.version !== 1 && s.version !== 2))
    throw new Error(`deserializeBaseline: unknown kind/version ${s.kind}/${s.version}`);
  if (s.encoderFeatures !== undefined && !(s.encoderFeatures in FEATURE_COUNTS))
    throw new Error(`deserializeBaseline: unknown encoder features ${String(s.encoderFeatures)}`);
  return {
    encoder: {
      mlp: deserializeMlp(s.encoder),
      ...(s.encoderPost ? { post: deserializeMlp(s.encoderPost) } : {}),
      ...(s.encoderFeatures ? { features: s.encoderFeatures } : {}),
      maxAction: s.maxAction,
    },
    actor: deserializeMlp(s.actor),
    maxAction: s.maxAction,
    contextK: s.contextK,
  };
}
