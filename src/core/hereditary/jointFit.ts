// Step 3 of §7: one generator X (normalised inside the loss) and angles θ_i with L_i = exp(θ_i X), all tasks at once.
import type { Yielding } from '../cooperative';
import { expm3, type Generator, generatorFromVector } from '../lie';
import { scale3 } from '../linalg';
import {
  type AlignmentTerms,
  alignmentTerms,
  type TermWeights,
  writeAlignmentResiduals,
} from './alignmentLoss';
import type { BaseAnchors } from './baseAnchors';
import { DEFAULT_LM, levenbergMarquardtSteps } from './levenbergMarquardt';
import type { RewardField } from './rewardField';

export interface JointFit {
  /** Unit-norm generator (6-vector norm 1). */
  generator: Generator;
  thetas: number[];
  /** Per task: unweighted terms at the joint optimum. */
  terms: AlignmentTerms[];
  /** Mean weighted residual² over all valid entries. */
  loss: number;
  iterations: number;
}

const unitX = (p: readonly number[]): number[] => {
  const x = p.slice(0, 6);
  const n = Math.hypot(...x) || 1;
  return x.map((v) => v / n);
};

export function jointResidualFn(
  anchors: BaseAnchors,
  fields: readonly RewardField[],
  weights: readonly TermWeights[],
) {
  const n = fields.length;
  return (params: readonly number[]): Float64Array => {
    const x = generatorFromVector(unitX(params));
    const out = new Float64Array(2 * anchors.count * n);
    for (let i = 0; i < n; i++) {
      const l = expm3(scale3(x, params[6 + i]));
      writeAlignmentResiduals(anchors, fields[i], l, weights[i], out, 2 * anchors.count * i);
    }
    return out;
  };
}

/** One generator and every task's θ from the aligned start (yields inside its LM fit). */
export function* fitJointGeneratorSteps(
  anchors: BaseAnchors,
  fields: readonly RewardField[],
  weights: readonly TermWeights[],
  start: Generator,
  thetas: readonly number[],
  iterations: number,
): Yielding<JointFit> {
  const fn = jointResidualFn(anchors, fields, weights);
  const r = yield* levenbergMarquardtSteps(
    fn,
    [...start.slice(0, 6), ...thetas],
    { ...DEFAULT_LM, maxIterations: iterations },
    (p) => [...unitX(p), ...p.slice(6)],
  );
  const generator = generatorFromVector(unitX(r.params));
  const th = r.params.slice(6);
  return {
    generator,
    thetas: th,
    terms: fields.map((f, i) => alignmentTerms(anchors, f, expm3(scale3(generator, th[i])))),
    loss: r.loss,
    iterations: r.iterations,
  };
}
