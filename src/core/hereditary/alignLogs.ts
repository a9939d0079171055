// Step 2 of §7: pick α_i so the logs Y_i(α_i) = log(L_i⁰ exp(α_i S)) are as collinear as possible.
import type { Yielding } from '../cooperative';
import { expm3, type Generator, generatorFromVector, logm3 } from '../lie';
import { type Mat3, matmul3, scale3, symmetricEigen } from '../linalg';

export interface AlignOptions {
  /** Grid of α over [0, 2π) per task. */
  gridSize: number;
  /** Coordinate-descent restarts (N ≥ 3) and sweeps per restart. */
  restarts: number;
  sweeps: number;
}

export interface AlignResult {
  alphas: number[];
  /** Y_i(α_i), unnormalised. */
  logs: Generator[];
  /** Unit leading direction X⁰ of the normalised stack, and θ_i⁰ = ⟨Y_i, X⁰⟩. */
  generator: Generator;
  thetas: number[];
  /** Σ_{k≥2} σ_k² of the normalised stack at the chosen α (0 = exactly collinear). */
  score: number;
  /** The same score with α_i = 0 (the raw per-task logs). */
  scoreUnaligned: number;
}

const unit6 = (y: readonly number[]): number[] | null => {
  const v = y.slice(0, 6);
  const n = Math.hypot(...v);
  return n > 1e-12 && Number.isFinite(n) ? v.map((t) => t / n) : null;
};

function safeLog6(l0: Mat3, s: Generator, alpha: number): number[] | null {
  try {
    return unit6(logm3(matmul3(l0, expm3(scale3(s, alpha)))));
  } catch {
    return null;
  }
}

/** Σ_{k≥2} σ_k² of the stacked unit rows = trace(G) − λ_max(G), G the Gram matrix. */
export function collinearityScore(rows: readonly (readonly number[])[]): number {
  const n = rows.length;
  if (n < 2) return 0;
  const g = new Array<number>(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < 6; k++) s += rows[i][k] * rows[j][k];
      g[i * n + j] = s;
    }
  const eig = symmetricEigen(g, n);
  return n - eig.values[n - 1];
}

/** Pick the α_i (yields after each coordinate of a sweep, each grid row with two tasks, each refined α). */
export function* alignTaskLogsSteps(
  starts: readonly Mat3[],
  s: Generator,
  opts: AlignOptions,
): Yielding<AlignResult> {
  const n = starts.length;
  const m = opts.gridSize;
  const grid = Array.from({ length: m }, (_, k) => (2 * Math.PI * k) / m);
  const table = starts.map((l0) => grid.map((a) => safeLog6(l0, s, a)));
  const BAD = [Number.NaN, 0, 0, 0, 0, 0];
  const rowsAt = (idx: number[]) => idx.map((k, i) => table[i][k] ?? BAD);
  const scoreIdx = (idx: number[]) => {
    const v = collinearityScore(rowsAt(idx));
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let bestIdx = new Array<number>(n).fill(0);
  let bestScore = scoreIdx(bestIdx);
  const scoreUnaligned = bestScore;
  if (n === 2) {
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        const v = scoreIdx([a, b]);
        if (v < bestScore) [bestScore, bestIdx] = [v, [a, b]];
      }
      yield;
    }
  } else if (n > 2) {
    for (let r = 0; r < opts.restarts; r++) {
      // Start: task 0 at a restart angle, every other task matched pairwise to it.
      const idx = new Array<number>(n).fill(0);
      idx[0] = Math.floor((r * m) / opts.restarts);
      for (let i = 1; i < n; i++) {
        let bv = Number.POSITIVE_INFINITY;
        for (let k = 0; k < m; k++) {
          const v = collinearityScore([table[0][idx[0]] ?? BAD, table[i][k] ?? BAD]);
          if (v < bv) [bv, idx[i]] = [v, k];
        }
      }
      for (let sweep = 0; sweep < opts.sweeps; sweep++) {
        for (let i = 0; i < n; i++) {
          let bk = idx[i];
          let bv = scoreIdx(idx);
          for (let k = 0; k < m; k++) {
            idx[i] = k;
            const v = scoreIdx(idx);
            if (v < bv) [bv, bk] = [v, k];
          }
          idx[i] = bk;
          yield;
        }
      }
      const v = scoreIdx(idx);
      if (v < bestScore) [bestScore, bestIdx] = [v, idx.slice()];
    }
  }
  // Continuous refinement: golden-section on each α_i within one grid step, a few sweeps.
  const alphas = bestIdx.map((k) => grid[k]);
  const contScore = (al: number[]) => {
    const rows = al.map((a, i) => safeLog6(starts[i], s, a) ?? BAD);
    const v = collinearityScore(rows);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  if (n >= 2) {
    const step = (2 * Math.PI) / m;
    for (let sweep = 0; sweep < 4; sweep++) {
      for (let i = 0; i < n; i++) {
        const f = (a: number) => {
          const al = alphas.slice();
          al[i] = a;
          return contScore(al);
        };
        alphas[i] = goldenSection(f, alphas[i] - step, alphas[i] + step, 40);
        yield;
      }
    }
    bestScore = contScore(alphas);
  }
  const logs = alphas.map((a, i) => logm3(matmul3(starts[i], expm3(scale3(s, a)))));
  const units = logs.map((y) => unit6(y) ?? [0, 0, 0, 0, 0, 0]);
  const gram6 = new Array<number>(36).fill(0);
  for (const u of units)
    for (let a = 0; a < 6; a++) for (let b = 0; b < 6; b++) gram6[a * 6 + b] += u[a] * u[b];
  const lead = symmetricEigen(gram6, 6).vectors[5];
  const thetas = logs.map((y) => y.slice(0, 6).reduce((acc, v, k) => acc + v * lead[k], 0));
  return { alphas, logs, generator: generatorFromVector(lead), thetas, score: bestScore, scoreUnaligned };
}

/** Minimum of a unimodal f on [lo, hi] by golden-section search. */
export function goldenSection(f: (x: number) => number, lo: number, hi: number, iterations: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let k = 0; k < iterations; k++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}
