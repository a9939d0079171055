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
  scoreBaselineAt,
  trainBaseline,
} from './trainBaseline';
