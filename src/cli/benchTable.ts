// A tiny fixed-width table printer for the benchmark output, and the quantiles its rows report.

export interface Quantiles {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank quantiles of a sample (NaN when it is empty). */
export function quantiles(xs: readonly number[]): Quantiles {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : Number.NaN);
  return { count: s.length, p50: q(0.5), p95: q(0.95), max: s.length ? s[s.length - 1] : Number.NaN };
}

export interface BenchRow {
  what: string;
  backend: string;
  value: number;
  unit: string;
  /** Ratio against the reference row of the same measurement (e.g. the cpu backend), when there is one. */
  ratio?: number | null;
  note?: string;
}

export function formatBenchTable(rows: readonly BenchRow[]): string {
  const head = ['measurement', 'backend', 'value', 'unit', 'vs ref', 'note'];
  const body = rows.map((r) => [
    r.what,
    r.backend,
    r.value >= 100 ? r.value.toFixed(0) : r.value >= 1 ? r.value.toFixed(2) : r.value.toPrecision(3),
    r.unit,
    r.ratio == null ? '' : `${r.ratio.toFixed(2)}×`,
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
