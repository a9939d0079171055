// A tiny fixed-width table printer for the benchmark output.

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
