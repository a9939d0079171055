// Tests of the pure backend-choice rules: software detection, override order, per-workload pick.
import { describe, expect, it } from 'vitest';
import {
  chooseForWorkload,
  chooseSacPath,
  fallbackChoice,
  isSoftwareAdapter,
  median,
  probeOrder,
} from './backendChoice';

describe('backendChoice', () => {
  it('recognises software adapters by name or fallback flag', () => {
    expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader' })).toBe(true);
    expect(isSoftwareAdapter({ description: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))' })).toBe(
      true,
    );
    expect(isSoftwareAdapter({ description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: true })).toBe(
      true,
    );
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'ampere' })).toBe(false);
    expect(isSoftwareAdapter({})).toBe(false);
  });

  it('uses the default order, or the override with cpu as last resort', () => {
    expect(probeOrder(null)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(probeOrder([])).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(probeOrder(['cpu'])).toEqual(['cpu']);
    expect(probeOrder(['webgpu', 'webgpu'])).toEqual(['webgpu', 'cpu']);
  });

  it('never picks a software adapter for speed, and says why', () => {
    const c = chooseForWorkload(
      'rl',
      [
        { backend: 'webgpu', ms: 5, software: true },
        { backend: 'wasm', ms: 16, software: false },
        { backend: 'cpu', ms: 98, software: false },
      ],
      'webgpu',
    );
    expect(c.backend).toBe('wasm');
    expect(c.reason).toContain('wasm fastest');
    expect(c.reason).toContain('webgpu available but software adapter');
  });

  it('picks the fastest hardware backend, falls back when nothing was measured', () => {
    const c = chooseForWorkload(
      'bulk',
      [
        { backend: 'webgpu', ms: 3, software: false },
        { backend: 'wasm', ms: 40, software: false },
        { backend: 'webgl', ms: null, software: false, error: 'timed out' },
      ],
      'webgpu',
    );
    expect(c.backend).toBe('webgpu');
    expect(c.reason).toContain('webgl failed: timed out');
    expect(chooseForWorkload('rl', [], 'cpu').backend).toBe('cpu');
    expect(
      chooseForWorkload('rl', [{ backend: 'webgpu', ms: 500, software: true }], 'webgpu').reason,
    ).toContain('only software');
  });

  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('fallback after a backend fails during work', () => {
  it('moves a workload off a failed GPU backend to the fastest remaining one and says why', () => {
    const timings = [
      { backend: 'webgpu' as const, ms: 3, software: false },
      { backend: 'wasm' as const, ms: 15, software: false },
      { backend: 'cpu' as const, ms: 90, software: false },
    ];
    const before = chooseForWorkload('bulk', timings, 'webgpu');
    expect(before.backend).toBe('webgpu');
    const after = fallbackChoice(before, 'webgpu', 'device lost');
    expect(after.backend).toBe('wasm');
    expect(after.reason).toMatch(/webgpu failed during work \(device lost\); fell back to wasm/);
    expect(after.timings.find((t) => t.backend === 'webgpu')?.ms).toBeNull();
    // A second failure moves on again; nothing measured left means the CPU path.
    expect(fallbackChoice(after, 'wasm', 'x').backend).toBe('cpu');
    expect(fallbackChoice({ ...before, timings: [timings[0]] }, 'webgpu', 'lost').backend).toBe('wasm');
  });

  it('names a software adapter that was not timed, and does not count it as failed', () => {
    const c = chooseForWorkload(
      'bulk',
      [
        {
          backend: 'webgpu',
          ms: null,
          software: true,
          note: 'google / swiftshader',
          skipped: 'never chosen',
        },
        { backend: 'wasm', ms: 17, software: false },
        { backend: 'cpu', ms: 700, software: false, firstRunOnly: true },
      ],
      'webgpu',
    );
    expect(c.backend).toBe('wasm');
    expect(c.reason).toContain('webgpu available but software adapter (google / swiftshader): not timed');
    expect(c.reason).toContain('cpu 700 ms (first run only)');
    expect(c.reason).not.toContain('failed');
  });

  it('trains SAC on the fused step only where it measured faster than tfjs, and says by how much', () => {
    const fused = chooseSacPath([
      { path: 'fused-wasm-simd', msPerUpdate: 1.4, msPerAction: 0.01 },
      { path: 'tfjs', backend: 'wasm', msPerUpdate: 14, msPerAction: 0.3 },
    ]);
    expect(fused.path).toBe('fused-wasm-simd');
    expect(fused.reason).toBe(
      'fused wasm-simd 1.4 ms/update fastest vs tfjs wasm 14 ms/update (10.0× slower)',
    );
    // A fast GPU whose tfjs update beats the fused step gets the training.
    const gpu = chooseSacPath([
      { path: 'fused-js', msPerUpdate: 9 },
      { path: 'tfjs', backend: 'webgpu', msPerUpdate: 3 },
    ]);
    expect(gpu.path).toBe('tfjs');
    expect(gpu.reason).toContain('fused js (no WebAssembly SIMD) 9.0 ms/update (3.0× slower)');
  });

  it('falls back to the tfjs reference when the fused step fails or nothing was measured', () => {
    const broken = chooseSacPath([
      { path: 'fused-wasm-simd', msPerUpdate: null, error: 'CompileError' },
      { path: 'tfjs', backend: 'cpu', msPerUpdate: 40 },
    ]);
    expect(broken.path).toBe('tfjs');
    expect(broken.reason).toContain('fused wasm-simd failed: CompileError');
    expect(chooseSacPath([]).path).toBe('tfjs');
    expect(chooseSacPath([]).reason).toContain('no SAC timing succeeded');
  });
});
