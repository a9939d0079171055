// The SAC learner's config, losses and snapshot types, and the interface its two implementations share (fused default, tfjs reference).
import type { MlpWeights } from './mlp';
import type { TransitionBatch } from './replayBuffer';

export interface SacConfig {
  obsDim: number;
  actDim: number;
  /** Width of each hidden layer, and how many (2×64 by default). */
  hidden: number;
  hiddenLayers: number;
  lrActor: number;
  lrCritic: number;
  lrAlpha: number;
  gamma: number;
  /** Polyak rate of the target critics. */
  tau: number;
  /** Env action = maxAction · tanh(u). */
  maxAction: number;
  initAlpha: number;
  /** Defaults to −actDim. Entropy is measured on the squashed action in [−1, 1]^actDim. */
  targetEntropy?: number;
  seed: number;
}

export const DEFAULT_SAC_CONFIG: Omit<SacConfig, 'obsDim' | 'seed'> = {
  actDim: 2,
  hidden: 64,
  hiddenLayers: 2,
  lrActor: 1e-3,
  lrCritic: 1e-3,
  lrAlpha: 1e-3,
  gamma: 0.99,
  tau: 0.005,
  maxAction: 0.1,
  initAlpha: 0.2,
};

export interface SacLosses {
  critic: number;
  actor: number;
  alpha: number;
  /** Current temperature α and the batch's policy entropy estimate −E[log π]. */
  alphaValue: number;
  entropy: number;
}

/** Everything a checkpoint needs; the critics' weights are per critic, as plain MLPs. */
export interface SacSnapshot {
  config: SacConfig;
  /** Full actor: last layer has 2·actDim outputs (mean, log σ). */
  actor: MlpWeights;
  critics: [MlpWeights, MlpWeights];
  targetCritics: [MlpWeights, MlpWeights];
  logAlpha: number;
}

/**
 * 'fused': hand-written forward/backward on one Float32 heap with WebAssembly-SIMD matmuls (fusedSac.ts);
 * 'tfjs': the autodiff reference on the current tfjs backend (sac.ts). Same maths, same seeds, same noise draws.
 */
export type SacImpl = 'fused' | 'tfjs';
export const SAC_IMPLS: readonly SacImpl[] = ['fused', 'tfjs'];
export const DEFAULT_SAC_IMPL: SacImpl = 'fused';

export interface SacTrainer {
  readonly impl: SacImpl;
  readonly config: SacConfig;
  /** Gradient updates done so far. */
  readonly updates: number;
  /**
   * One gradient step of critics, actor and temperature on a batch (actions in env units). Returns the losses;
   * the tfjs path reads them back (a sync) only when `readLosses`, else returns the last values read.
   */
  update(batch: TransitionBatch, readLosses?: boolean): SacLosses;
  /** Stochastic actions maxAction · tanh(μ + σ ε) for n observations (noise from the learner's seeded stream). */
  sampleActions(obs: Float32Array, n: number): Float32Array;
  /** Deterministic actions maxAction · tanh(μ(s)). */
  act(obs: Float32Array, n: number): Float32Array;
  /** The actor's mean head as a plain MLP. */
  exportActor(): MlpWeights;
  exportAll(): SacSnapshot;
  /** Load nets and α from a snapshot of the same architecture. */
  importAll(s: SacSnapshot): void;
  dispose(): void;
}
