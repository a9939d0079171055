// The two symmetry losses of ALGORITHM.md §6 and their gradients in plain JS (float64), for S stacked generators.
// Same maths as symmetryLosses.ts (tfjs autodiff), written out by hand: the race runs a thousand tiny steps, and
// at this size tfjs's per-op dispatch costs far more than the arithmetic.
import { taylorTermsFor } from '../lieTf';

/** A reward the functional loss can differentiate in plain JS: its value at (x, y), and its gradient into `grad`. */
export interface RewardJs {
  valueAndGradient(x: number, y: number, grad: Float64Array): number;
}

/** The analytic reward −‖M(q − g)‖ of a task (M the 2×2 metric, row-major). */
export function analyticRewardJs(goal: readonly [number, number], metric: readonly number[]): RewardJs {
  const [gx, gy] = goal;
  const [m0, m1, m2, m3] = metric;
  return {
    valueAndGradient(x, y, grad) {
      const dx = x - gx;
      const dy = y - gy;
      const u = m0 * dx + m1 * dy;
      const v = m2 * dx + m3 * dy;
      const r = Math.sqrt(u * u + v * v);
      // ∇(−‖Md‖) = −Mᵀ M d / ‖M d‖ (0 at the goal itself, where the norm has no gradient).
      const k = r > 0 ? -1 / r : 0;
      grad[0] = k * (m0 * u + m2 * v);
      grad[1] = k * (m1 * u + m3 * v);
      return -r;
    },
  };
}

/** X̂ = X/max(‖X‖, 1e-12) for the 6 numbers of seed s (as symmetryLosses.ts's unitTopRows); returns the norm used. */
function unitRow(x: ArrayLike<number>, s: number, out: Float64Array): number {
  let n2 = 0;
  for (let k = 0; k < 6; k++) n2 += x[6 * s + k] * x[6 * s + k];
  const n = Math.max(Math.sqrt(n2), 1e-12);
  for (let k = 0; k < 6; k++) out[k] = x[6 * s + k] / n;
  return n;
}

/** dL/dX from dL/dX̂ through X̂ = X/‖X‖: (g − X̂ (X̂·g)) / ‖X‖ (the norm's floor only ever meets X = 0). */
function throughNorm(
  unit: Float64Array,
  gUnit: Float64Array,
  norm: number,
  grad: Float64Array,
  s: number,
): void {
  let dot = 0;
  for (let k = 0; k < 6; k++) dot += unit[k] * gUnit[k];
  const floored = norm <= 1e-12;
  for (let k = 0; k < 6; k++) grad[6 * s + k] = floored ? gUnit[k] / norm : (gUnit[k] - unit[k] * dot) / norm;
}

/**
 * Differential loss per seed, mean_b (Nᵀ (X̂ p̃)_{1:2})² over its B points (plus the symmetric term (Nᵀv)²/(‖v‖² + 1e-9)
 * when asked), into loss[s]; its gradient with respect to X into grad (6 per seed) unless grad is null.
 * points and normals: [S, B, 2] row-major.
 */
export function differentialLossGradJs(
  x: ArrayLike<number>,
  S: number,
  B: number,
  points: ArrayLike<number>,
  normals: ArrayLike<number>,
  symmetric: boolean,
  loss: Float64Array,
  grad: Float64Array | null,
): void {
  const u = new Float64Array(6);
  const g = new Float64Array(6);
  for (let s = 0; s < S; s++) {
    const norm = unitRow(x, s, u);
    g.fill(0);
    let sum = 0;
    for (let b = 0; b < B; b++) {
      const o = 2 * (s * B + b);
      const px = points[o];
      const py = points[o + 1];
      const n0 = normals[o];
      const n1 = normals[o + 1];
      const v0 = u[0] * px + u[1] * py + u[2];
      const v1 = u[3] * px + u[4] * py + u[5];
      const along = n0 * v0 + n1 * v1;
      // d/dX̂ of the per-point term, before the 1/B of the mean: c · ∂along/∂X̂ + e · ∂‖v‖²/∂X̂.
      let c = 2 * along;
      let e = 0;
      sum += along * along;
      if (symmetric) {
        const q = v0 * v0 + v1 * v1 + 1e-9;
        sum += (along * along) / q;
        c += (2 * along) / q;
        e = -(along * along) / (q * q);
      }
      if (!grad) continue;
      const a0 = c * n0 + 2 * e * v0;
      const a1 = c * n1 + 2 * e * v1;
      g[0] += a0 * px;
      g[1] += a0 * py;
      g[2] += a0;
      g[3] += a1 * px;
      g[4] += a1 * py;
      g[5] += a1;
    }
    loss[s] = sum / B;
    if (!grad) continue;
    for (let k = 0; k < 6; k++) g[k] /= B;
    throughNorm(u, g, norm, grad, s);
  }
}

/** A Taylor term below this (its power of X̂ has norm ≤ 1) no longer changes a float64 sum of order 1. */
const NEGLIGIBLE_TERM = 1e-18;

/** Workspace of the functional loss, sized for K Taylor terms (reused across steps). */
export interface FunctionalWorkspace {
  terms: number;
  /** P_k = F^k (3×3, row-major) for k = 0 … K; F = [X̂ top rows; 0 0 0]. */
  powers: Float64Array;
  /** dL/dP_k, accumulated over the batch. */
  powerGrads: Float64Array;
  coefficients: Float64Array;
}

export function functionalWorkspace(maxTheta: number): FunctionalWorkspace {
  const terms = taylorTermsFor(maxTheta);
  return {
    terms,
    powers: new Float64Array(9 * (terms + 1)),
    powerGrads: new Float64Array(9 * (terms + 1)),
    coefficients: new Float64Array(terms + 1),
  };
}

/** out(3×3) += a(3×3) · bᵀ(3×3) when transposeB, else a · b. */
function mulAdd(
  a: Float64Array,
  ao: number,
  b: Float64Array,
  bo: number,
  out: Float64Array,
  oo: number,
  transposeB: boolean,
): void {
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      let t = 0;
      for (let k = 0; k < 3; k++)
        t += a[ao + 3 * i + k] * (transposeB ? b[bo + 3 * j + k] : b[bo + 3 * k + j]);
      out[oo + 3 * i + j] += t;
    }
}

/**
 * Functional loss per seed, Σ_b w_b (f(exp(θ_b X̂) p̃_b) − f(p_b))² / max(Σ_b w_b, 1) (the plain mean without
 * weights), into loss[s]; its gradient with respect to X into grad unless null. exp(θX̂) = Σ_{k≤K} θᵏ/k! X̂ᵏ with
 * K = taylorTermsFor(maxTheta), as flowsTf. points [S, B, 2]; thetas, before (= f(p)) and weights [S, B].
 */
export function functionalLossGradJs(
  x: ArrayLike<number>,
  S: number,
  B: number,
  points: ArrayLike<number>,
  thetas: ArrayLike<number>,
  before: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  reward: RewardJs,
  ws: FunctionalWorkspace,
  loss: Float64Array,
  grad: Float64Array | null,
): void {
  const K = ws.terms;
  const { powers: P, powerGrads: G, coefficients: c } = ws;
  const u = new Float64Array(6);
  const gUnit = new Float64Array(6);
  const F = new Float64Array(9);
  const rg = new Float64Array(2);
  for (let s = 0; s < S; s++) {
    const norm = unitRow(x, s, u);
    F.set(u);
    F[6] = 0;
    F[7] = 0;
    F[8] = 0;
    P.fill(0);
    P[0] = 1;
    P[4] = 1;
    P[8] = 1;
    for (let k = 1; k <= K; k++) mulAdd(P, 9 * (k - 1), F, 0, P, 9 * k, false);
    if (grad) G.fill(0);
    let sum = 0;
    let wsum = 0;
    for (let b = 0; b < B; b++) {
      const i = s * B + b;
      const w = weights ? weights[i] : 1;
      wsum += w;
      if (w === 0 && weights) continue;
      const th = thetas[i];
      // θᵏ/k! up to K, or until the terms fall below float64's resolution of the sum (‖X̂ᵏ‖ ≤ 1 as ‖X̂‖_F = 1).
      c[0] = 1;
      let kMax = K;
      for (let k = 1; k <= K; k++) {
        c[k] = (c[k - 1] * th) / k;
        if (k > Math.abs(th) && Math.abs(c[k]) < NEGLIGIBLE_TERM) {
          kMax = k;
          break;
        }
      }
      // The top two rows of exp(θX̂) (the bottom row stays 0 0 1).
      let f0 = 0;
      let f1 = 0;
      let f2 = 0;
      let f3 = 0;
      let f4 = 0;
      let f5 = 0;
      for (let k = 0, o = 0; k <= kMax; k++, o += 9) {
        const ck = c[k];
        f0 += ck * P[o];
        f1 += ck * P[o + 1];
        f2 += ck * P[o + 2];
        f3 += ck * P[o + 3];
        f4 += ck * P[o + 4];
        f5 += ck * P[o + 5];
      }
      const px = points[2 * i];
      const py = points[2 * i + 1];
      const qx = f0 * px + f1 * py + f2;
      const qy = f3 * px + f4 * py + f5;
      const r = reward.valueAndGradient(qx, qy, rg);
      const d = r - before[i];
      sum += w * d * d;
      if (!grad) continue;
      // dL/dq (before the division by the weight sum), then dL/dflow = dq ⊗ p̃ and dL/dP_k = c_k dL/dflow.
      const dqx = 2 * w * d * rg[0];
      const dqy = 2 * w * d * rg[1];
      const d0 = dqx * px;
      const d1 = dqx * py;
      const d3 = dqy * px;
      const d4 = dqy * py;
      for (let k = 1, o = 9; k <= kMax; k++, o += 9) {
        const ck = c[k];
        G[o] += ck * d0;
        G[o + 1] += ck * d1;
        G[o + 2] += ck * dqx;
        G[o + 3] += ck * d3;
        G[o + 4] += ck * d4;
        G[o + 5] += ck * dqy;
      }
    }
    const denom = weights ? Math.max(wsum, 1) : B;
    loss[s] = sum / denom;
    if (!grad) continue;
    // Back through P_k = P_{k−1} F: dF += P_{k−1}ᵀ Ḡ_k and Ḡ_{k−1} += Ḡ_k Fᵀ, from k = K down.
    const dF = new Float64Array(9);
    for (let k = K; k >= 1; k--) {
      const gk = 9 * k;
      const pk = 9 * (k - 1);
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) {
          let t = 0;
          for (let m = 0; m < 3; m++) t += P[pk + 3 * m + i] * G[gk + 3 * m + j];
          dF[3 * i + j] += t;
        }
      if (k > 1) mulAdd(G, gk, F, 0, G, pk, true);
    }
    for (let e = 0; e < 6; e++) gUnit[e] = dF[e] / denom;
    throughNorm(u, gUnit, norm, grad, s);
  }
}
