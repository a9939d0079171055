// Benchmarks of the pipeline's hand-written steps beside their tfjs references: one race step per side (plain JS)
// and one step of the baseline's encoder training (fused vs tfjs on the current backend).
import { DEEP_SET_ENCODER_SHAPE } from '../core/baseline/contextEncoder';
import { type EncoderBatch, encoderStepper } from '../core/baseline/encoderSteppers';
import { contrastIndices } from '../core/baseline/infoNce';
import { featureCount } from '../core/baseline/transitionFeatures';
import { Rng } from '../core/rng';
import { AdamFloat32 } from '../core/sac/adamFloat32';
import { createDenseKernels } from '../core/sac/denseKernels';
import {
  analyticRewardJs,
  differentialLossGradJs,
  functionalLossGradJs,
  functionalWorkspace,
} from '../core/symmetry/raceLossesJs';

const timeReps = (f: () => void, reps: number): number => {
  for (let i = 0; i < Math.max(3, reps / 10); i++) f();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) f();
  return (performance.now() - t0) / reps;
};

/**
 * ms for one Adam step of each discovery loss in plain JS, as the race steps it (loss, gradient, tfjs's Adam),
 * for one generator on batch 128: the same sizes as benchLossSteps' tfjs steps.
 */
export function benchLossStepsJs(): { differential: number; functional: number } {
  const rng = new Rng(2);
  const b = 128;
  const pts = Float32Array.from({ length: 2 * b }, () => rng.uniform(-2, 2));
  const nrm = Float32Array.from({ length: 2 * b }, () => rng.normal());
  const th = Float32Array.from({ length: b }, () => rng.uniform(0, 2 * Math.PI));
  const reward = analyticRewardJs([0.5, -0.3], [1, 0, 0, 1]);
  const g2 = new Float64Array(2);
  const before = Float32Array.from({ length: b }, (_, i) =>
    reward.valueAndGradient(pts[2 * i], pts[2 * i + 1], g2),
  );
  const ws = functionalWorkspace(2 * Math.PI);
  const step = (side: 'differential' | 'functional') => {
    const kern = createDenseKernels(4 + 4 * 8, 'js');
    const at = { params: 4, grads: 12, m: 20, v: 28, size: 8 };
    kern.heap.set([0.1, -1, 0.2, 1, 0.05, -0.3], at.params);
    const adam = new AdamFloat32(0.1, at);
    const loss = new Float64Array(1);
    const grad = new Float64Array(6);
    const x = kern.heap.subarray(4, 10);
    return () => {
      if (side === 'differential') differentialLossGradJs(x, 1, b, pts, nrm, false, loss, grad);
      else functionalLossGradJs(x, 1, b, pts, th, before, null, reward, ws, loss, grad);
      kern.heap.set(grad, at.grads);
      adam.step(kern);
    };
  };
  return {
    differential: timeReps(step('differential'), 2000),
    functional: timeReps(step('functional'), 300),
  };
}

/** ms per step of the baseline's encoder training (deep set + reconstruction, 4 tasks × 4 contexts of 16). */
export function benchEncoderStep(impl: 'fused' | 'tfjs', steps: number): number {
  const rng = new Rng(4);
  const shape = DEEP_SET_ENCODER_SHAPE;
  const contexts = 16;
  const batch: EncoderBatch = {
    features: Float32Array.from({ length: contexts * 16 * featureCount(shape.features) }, () => rng.normal()),
    idx: contrastIndices(4, 4, 12, rng),
    targetStates: Float32Array.from({ length: contexts * 16 * 2 }, () => rng.uniform(-1, 1)),
    targetRewards: Float32Array.from({ length: contexts * 16 }, () => rng.uniform(-2, 0)),
  };
  const stepper = encoderStepper(
    {
      shape,
      maxAction: 0.1,
      seed: 5,
      contexts,
      contextSize: 16,
      cols: 13,
      temperature: 0.3,
      lr: 3e-3,
      recon: { weight: 100, targets: 16, hidden: [64, 64] },
    },
    impl,
  );
  try {
    return timeReps(() => stepper.step(batch), steps);
  } finally {
    stepper.dispose();
  }
}
