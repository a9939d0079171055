// Times a real SAC update on each path the worker can train with (fused step, tfjs on the 'rl' backend) and picks one.
import { measureSac, type SacTimings } from '../core/pipeline/speedProbes';
import { wasmSimdAvailable } from '../core/sac/denseKernels';
import type { SacImpl } from '../core/sac/sacTrainer';
import type { BackendName, SacChoice, SacPath, SacPathTiming } from '../protocol/backend';
import { chooseSacPath } from './backendChoice';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const fusedPath = (kernels: SacTimings['kernels']): SacPath =>
  kernels === 'js' ? 'fused-js' : 'fused-wasm-simd';

/** The learner implementation a path runs on. */
export const sacImplOf = (path: SacPath): SacImpl => (path === 'tfjs' ? 'tfjs' : 'fused');

function timed(
  path: SacPath,
  backend: BackendName | undefined,
  impl: SacImpl,
  warmupBlocks?: number,
): SacPathTiming {
  const at = backend ? { backend } : {};
  try {
    const t = measureSac(impl, undefined, undefined, warmupBlocks);
    return {
      path: impl === 'fused' ? fusedPath(t.kernels) : path,
      ...at,
      msPerUpdate: t.updateMs,
      msPerAction: t.actMs,
    };
  } catch (e) {
    return { path, ...at, msPerUpdate: null, error: errorText(e) };
  }
}

/**
 * With `rlBackend` active (the fused learner draws its initial weights with tfjs): the fused step (WebAssembly SIMD
 * where the module compiles — under the page's CSP that needs 'wasm-unsafe-eval' — else its plain-JS kernels), then
 * the tfjs learner on the same backend. About half a second on wasm, mostly the tfjs warm-up.
 */
export function calibrateSac(rlBackend: BackendName, shouldStop: () => boolean = () => false): SacChoice {
  const timings: SacPathTiming[] = [
    timed(wasmSimdAvailable() ? 'fused-wasm-simd' : 'fused-js', undefined, 'fused'),
  ];
  // One warm-up block of tfjs updates, not three: on wasm tfjs is ≈ 10× slower, and the timing only has to show that
  // (and give the duration estimates a figure); three more blocks cost ≈ 0.3 s of the pipeline's wait.
  if (!shouldStop()) timings.push(timed('tfjs', rlBackend, 'tfjs', 1));
  return chooseSacPath(timings);
}
