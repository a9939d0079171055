// Public API of the smooth-encoding baseline (ALGORITHM.md §9).
export {
  type BaselineModel,
  baselinePolicyForContext,
  baselinePolicyForLatent,
  deserializeBaseline,
  type SerializedBaseline,
  serializeBaseline,
} from './baselineModel';
export { type AnyContext, type ContextTransitions, collectContext, flattenContext } from './context';
export {
  type ContextEncoderWeights,
  DEEP_SET_ENCODER_SHAPE,
  DEFAULT_ENCODER_SHAPE,
  type EncoderShape,
  encodeContext,
} from './contextEncoder';
export { INFONCE_DEFAULTS, type InfoNceOptions, type InfoNceResult, trainContextEncoder } from './infoNce';
export {
  BASELINE_FULL,
  BASELINE_QUICK,
  type BaselinePreset,
  type BaselineTrainOptions,
  type BaselineTrainProgress,
  type BaselineTrainResult,
  policyUpdatesFor,
  scoreBaselineAt,
  trainBaseline,
} from './trainBaseline';
export { FEATURE_COUNTS, featureCount, type TransitionFeatureSet } from './transitionFeatures';
