// Public API of hereditary geometry discovery (§7) and the hereditary agent (§8).
export {
  adaptHereditaryAgent,
  type HereditaryAgentRun,
  hasHereditaryAgent,
  hereditaryPolicy,
  offersHereditaryAgent,
  oracleHereditaryPolicy,
  oracleThetaFromGoal,
} from './agent';
export {
  BaseRewardModel,
  type BaseRewardModelJson,
  type BaseRewardModelOptions,
  DEFAULT_BASE_MODEL,
} from './baseRewardModel';
export { type BaseSymmetry, discoverBaseSymmetry } from './baseSymmetry';
export { type ContextTransition, collectContext } from './context';
export { describeGenerator, type GeneratorShape, generatorWords } from './describeGenerator';
export {
  discoverHereditaryGeometry,
  discoverHereditarySteps,
  HEREDITARY_FULL,
  HEREDITARY_QUICK,
  type HereditaryOptions,
  type HereditaryProgress,
  type HereditaryResult,
  type HereditaryRunOptions,
  type HereditaryStage,
} from './discover';
export {
  type BaseRewardPredictor,
  contextLoss,
  DEFAULT_INFERENCE,
  domainGrid,
  type GroupElementEstimate,
  type InferenceOptions,
  inferGroupElement,
  nonCompactThetaRange,
  type ThetaDomain,
  thetaDomain,
} from './inferGroupElement';
export { GriddedRewardField, type NormalField, type RewardField, type ValueField } from './rewardField';
export {
  type HereditaryVerdict,
  type NullCalibration,
  VERDICT_THRESHOLD,
  VERDICT_TRIM,
} from './verdict';
