// Levenberg–Marquardt least squares with a forward-difference Jacobian; NaN residuals mark dropped points.
import { runToEnd, type Yielding } from '../cooperative';
import { solveLinear } from '../linalg';

/** Residuals at the given parameters; NaN entries are points outside the data (zero weight). */
export type ResidualFn = (params: readonly number[]) => Float64Array;

export interface LmOptions {
  maxIterations: number;
  /** Forward-difference step on each parameter. */
  fdStep: number;
  /** A trial whose valid fraction falls below this counts as a failure (mapping the data away is no fit). */
  minValidFraction: number;
  /** Stop when the relative loss decrease of an accepted step is below this. */
  tolerance: number;
}

export const DEFAULT_LM: LmOptions = {
  maxIterations: 60,
  fdStep: 1e-6,
  minValidFraction: 0.5,
  tolerance: 1e-10,
};

export interface LmResult {
  params: number[];
  /** Mean squared residual over the valid entries. */
  loss: number;
  valid: number;
  iterations: number;
}

/** Mean of r² over finite entries, or +∞ when too few are finite. */
export function meanSquare(r: Float64Array, minValidFraction: number): { loss: number; valid: number } {
  let s = 0;
  let n = 0;
  for (let k = 0; k < r.length; k++) {
    const v = r[k];
    if (Number.isFinite(v)) {
      s += v * v;
      n++;
    }
  }
  if (n === 0 || n < minValidFraction * r.length) return { loss: Number.POSITIVE_INFINITY, valid: n };
  return { loss: s / n, valid: n };
}

/**
 * The fits yield after an iteration once this many residual entries were computed since the last yield (an entry ≈
 * 0.1 µs: ≈ 3 ms of work on a 2-core laptop; a per-task iteration computes ≈ 6k, a 3-task joint one ≈ 22k).
 */
export const LM_YIELD_ENTRIES = 30_000;

/**
 * Minimise mean r(params)² by damped Gauss–Newton: (JᵀJ + λ diag JᵀJ) δ = −Jᵀr, λ adapted on
 * success/failure. A `normalise` hook projects accepted parameters (e.g. ‖X‖ = 1).
 */
export function levenbergMarquardt(
  fn: ResidualFn,
  start: readonly number[],
  opts: LmOptions = DEFAULT_LM,
  normalise?: (p: number[]) => number[],
): LmResult {
  return runToEnd(levenbergMarquardtSteps(fn, start, opts, normalise));
}

/** levenbergMarquardt as a Yielding computation (about every LM_YIELD_ENTRIES residual entries): the same fit. */
export function* levenbergMarquardtSteps(
  fn: ResidualFn,
  start: readonly number[],
  opts: LmOptions = DEFAULT_LM,
  normalise?: (p: number[]) => number[],
): Yielding<LmResult> {
  let params = normalise ? normalise(start.slice()) : start.slice();
  const p = params.length;
  let r = fn(params);
  let cur = meanSquare(r, opts.minValidFraction);
  let lambda = 1e-3;
  let it = 0;
  let entries = 0;
  for (; it < opts.maxIterations && Number.isFinite(cur.loss); it++) {
    if (entries >= LM_YIELD_ENTRIES) {
      entries = 0;
      yield;
    }
    const m = r.length;
    entries += p * m;
    const jac: Float64Array[] = [];
    for (let c = 0; c < p; c++) {
      const q = params.slice();
      const h = opts.fdStep * Math.max(1, Math.abs(q[c]));
      q[c] += h;
      const rq = fn(q);
      const col = new Float64Array(m);
      for (let k = 0; k < m; k++) {
        const d = (rq[k] - r[k]) / h;
        col[k] = Number.isFinite(d) ? d : 0;
      }
      jac.push(col);
    }
    const jtj = new Array<number>(p * p).fill(0);
    const jtr = new Array<number>(p).fill(0);
    for (let a = 0; a < p; a++) {
      const ca = jac[a];
      let s = 0;
      for (let k = 0; k < m; k++) if (Number.isFinite(r[k])) s += ca[k] * r[k];
      jtr[a] = s;
      for (let b = a; b < p; b++) {
        const cb = jac[b];
        let t = 0;
        for (let k = 0; k < m; k++) if (Number.isFinite(r[k])) t += ca[k] * cb[k];
        jtj[a * p + b] = t;
        jtj[b * p + a] = t;
      }
    }
    const maxDiag = Math.max(...Array.from({ length: p }, (_, a) => jtj[a * p + a]), 1e-300);
    let accepted = false;
    for (let tries = 0; tries < 12; tries++) {
      const damped = jtj.slice();
      for (let a = 0; a < p; a++) damped[a * p + a] += lambda * (jtj[a * p + a] + 1e-9 * maxDiag);
      const delta = solveLinear(
        damped,
        jtr.map((v) => -v),
        p,
      );
      if (delta) {
        let trial = params.map((v, a) => v + delta[a]);
        if (normalise) trial = normalise(trial);
        const rt = fn(trial);
        entries += rt.length;
        const next = meanSquare(rt, opts.minValidFraction);
        if (next.loss < cur.loss) {
          const gain = (cur.loss - next.loss) / cur.loss;
          params = trial;
          r = rt;
          cur = next;
          lambda = Math.max(lambda / 3, 1e-9);
          accepted = true;
          if (gain < opts.tolerance) it = opts.maxIterations;
          break;
        }
      }
      lambda *= 4;
    }
    if (!accepted) break;
  }
  return { params, loss: cur.loss, valid: cur.valid, iterations: it };
}
