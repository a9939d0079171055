// Anchor points on the base task: positions, base reward values and level-set tangents K₀ = J N₀.
import type { RewardSamples } from '../explorationData';
import { LocalLinearModel } from '../localRegression';
import { Rng } from '../rng';

export interface BaseAnchors {
  count: number;
  /** (x0, y0, x1, y1, …) */
  points: Float64Array;
  /** f̂₀(p) */
  values: Float64Array;
  /** Unit normals N₀(p), interleaved. */
  normals: Float64Array;
  /** Unit tangents K₀(p) = J N₀(p), interleaved. */
  tangents: Float64Array;
  /** Candidates dropped because ‖∇f̂₀‖ was small (the level sets' centre, where normals are unreliable). */
  droppedFlat: number;
}

export interface AnchorOptions {
  count: number;
  /** Anchors come from base samples inside the fixed square [−w, w]² (not derived from any family). */
  halfWidth: number;
  bandwidth: number;
  seed: number;
}

/** Sample anchors from the base data; drop those whose gradient norm is below half the median. */
export function selectBaseAnchors(base: RewardSamples, opts: AnchorOptions): BaseAnchors {
  const model = new LocalLinearModel(base, opts.bandwidth, 6);
  const rng = new Rng(opts.seed);
  const order = rng.permutation(base.count);
  const cand: { x: number; y: number; v: number; gx: number; gy: number; g: number }[] = [];
  for (let k = 0; k < base.count && cand.length < Math.ceil(opts.count * 1.15); k++) {
    const i = order[k];
    const x = base.points[2 * i];
    const y = base.points[2 * i + 1];
    if (Math.abs(x) > opts.halfWidth || Math.abs(y) > opts.halfWidth) continue;
    const f = model.fit(x, y);
    if (!Number.isFinite(f.gradX) || f.neighbours < 12) continue;
    cand.push({ x, y, v: f.value, gx: f.gradX, gy: f.gradY, g: Math.hypot(f.gradX, f.gradY) });
  }
  const norms = cand.map((c) => c.g).sort((a, b) => a - b);
  const median = norms[Math.floor(norms.length / 2)] ?? 0;
  const kept = cand.filter((c) => c.g >= 0.5 * median).slice(0, opts.count);
  const n = kept.length;
  const out: BaseAnchors = {
    count: n,
    points: new Float64Array(2 * n),
    values: new Float64Array(n),
    normals: new Float64Array(2 * n),
    tangents: new Float64Array(2 * n),
    droppedFlat: cand.length - cand.filter((c) => c.g >= 0.5 * median).length,
  };
  kept.forEach((c, k) => {
    const nx = c.gx / c.g;
    const ny = c.gy / c.g;
    out.points[2 * k] = c.x;
    out.points[2 * k + 1] = c.y;
    out.values[k] = c.v;
    out.normals[2 * k] = nx;
    out.normals[2 * k + 1] = ny;
    out.tangents[2 * k] = -ny;
    out.tangents[2 * k + 1] = nx;
  });
  return out;
}
