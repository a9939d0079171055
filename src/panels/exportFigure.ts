// Export a panel as SVG or PNG and its figure data as JSON or CSV (Blob downloads, no server).

/** Trigger a download of `blob` named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The SVG as a standalone document (panels draw with presentation attributes, so it needs no CSS). */
export function serialiseSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.viewBox.baseVal;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  // A white page behind the figure: exported files are viewed outside the app's background.
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  for (const el of clone.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
  downloadBlob(new Blob([serialiseSvg(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** Rasterise the SVG at `scale`× its viewBox size through an <img> and a canvas. */
export async function svgToPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const box = svg.viewBox.baseVal;
  const url = URL.createObjectURL(new Blob([serialiseSvg(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(box.width * scale);
    canvas.height = Math.round(box.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas context');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  downloadBlob(await svgToPngBlob(svg), `${name}.png`);
}

export function downloadJson(data: unknown, name: string): void {
  downloadBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `${name}.json`);
}

/** Significant digits of a CSV number unless its column says otherwise (scores to 1e-4, returns to 0.1). */
export const CSV_SIGNIFICANT_DIGITS = 4;

/** Fixed decimals per column name (overrides the significant digits), e.g. { angle_deg: 1 }. */
export type CsvDecimals = Readonly<Record<string, number>>;

/**
 * A number as a CSV cell: integers as they are, others to `decimals` fixed places when given, else to
 * CSV_SIGNIFICANT_DIGITS significant digits (no float noise like 0.30000000000000004); non-finite → empty.
 */
export function formatCsvNumber(v: number, decimals?: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return String(v === 0 ? 0 : v);
  const rounded =
    decimals !== undefined
      ? Number(v.toFixed(decimals))
      : Math.abs(v) >= 10 ** CSV_SIGNIFICANT_DIGITS
        ? Math.round(v)
        : Number(v.toPrecision(CSV_SIGNIFICANT_DIGITS));
  return String(rounded === 0 ? 0 : rounded);
}

/** Rows of plain values as CSV (header from the first row's keys; strings quoted when needed; numbers rounded). */
export function toCsv(
  rows: readonly Record<string, string | number | boolean | null>[],
  decimals: CsvDecimals = {},
): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]);
  const cell = (v: string | number | boolean | null, key: string) => {
    if (v === null) return '';
    if (typeof v === 'number') return formatCsvNumber(v, decimals[key]);
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return (
    [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k] ?? null, k)).join(','))].join('\n') + '\n'
  );
}

export function downloadCsv(
  rows: readonly Record<string, string | number | boolean | null>[],
  name: string,
  decimals: CsvDecimals = {},
): void {
  downloadBlob(new Blob([toCsv(rows, decimals)], { type: 'text/csv' }), `${name}.csv`);
}
