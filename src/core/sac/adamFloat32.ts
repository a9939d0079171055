// Adam state of one optimizer over a heap block, stepped as tfjs's AdamOptimizer (β1 0.9, β2 0.999, ε 1e-7).
import type { DenseKernels } from './denseKernels';

const f32 = Math.fround;
const BETA1 = f32(0.9);
const BETA2 = f32(0.999);
/** tfjs's default ε on 32-bit float backends (cpu, wasm). */
const EPSILON = f32(1e-7);

/**
 * Like tfjs, β1ᵗ and β2ᵗ are float32 running products that start at β1 and β2 (so the first step's bias
 * correction is 1 − β), and the moments m, v start at zero; the arithmetic is in denseKernels' `adam`.
 */
export class AdamFloat32 {
  private accBeta1 = BETA1;
  private accBeta2 = BETA2;
  private readonly negLr: number;

  constructor(
    learningRate: number,
    /** Heap offsets (floats) of the parameters, their gradients and the two moments; size a multiple of 4. */
    readonly at: { params: number; grads: number; m: number; v: number; size: number },
  ) {
    this.negLr = f32(-learningRate);
  }

  step(kern: DenseKernels): void {
    const { params, grads, m, v, size } = this.at;
    const c1 = f32(1 - this.accBeta1);
    const c2 = f32(1 - this.accBeta2);
    kern.adam(
      params,
      grads,
      m,
      v,
      size,
      BETA1,
      BETA2,
      f32(1 - 0.9),
      f32(1 - 0.999),
      this.negLr,
      c1,
      c2,
      EPSILON,
    );
    this.accBeta1 = f32(this.accBeta1 * BETA1);
    this.accBeta2 = f32(this.accBeta2 * BETA2);
  }
}
