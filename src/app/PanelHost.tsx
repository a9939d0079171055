// React host for one d3 panel: creates it once, feeds it data (while on screen), destroys it, offers export buttons.
import { useEffect, useRef, useState } from 'react';
import { downloadCsv, downloadJson, downloadPng, downloadSvg } from '../panels/exportFigure';
import type { Panel } from '../panels/panel';

export type CsvRows = Record<string, string | number | boolean | null>[];

interface PanelHostProps<D, O> {
  create: (container: HTMLElement, opts: O) => Panel<D>;
  /** Read once at creation; callbacks inside should read fresh state themselves. */
  options: O;
  data: D | null;
  /** File name stem for exports. */
  name: string;
  /** The figure's data for the JSON export (defaults to `data`); a function is called at click time. */
  exportData?: unknown;
  /** Rows for the CSV export; omitted → no CSV button. */
  csv?: () => CsvRows;
  className?: string;
  testId?: string;
}

export function PanelHost<D, O>(props: PanelHostProps<D, O>) {
  const { create, options, data, name, exportData, csv, className, testId } = props;
  const ref = useRef<HTMLDivElement>(null);
  const panel = useRef<Panel<D> | null>(null);
  const [ready, setReady] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the panel is created once; options are read at creation
  useEffect(() => {
    if (!ref.current) return;
    panel.current = create(ref.current, options);
    setReady(true);
    return () => {
      panel.current?.destroy();
      panel.current = null;
    };
  }, [create]);
  // A panel off screen is not redrawn (a drag updates the θ search far below 60 times a second): it catches up
  // with the newest data when it scrolls near the viewport, or when it is exported.
  const onScreen = useRef(true);
  const stale = useRef(false);
  const latest = useRef(data);
  latest.current = data;
  const catchUp = () => {
    if (!stale.current || latest.current === null) return;
    stale.current = false;
    panel.current?.update(latest.current);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: catchUp reads refs only
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      ([entry]) => {
        onScreen.current = entry.isIntersecting;
        if (entry.isIntersecting) catchUp();
      },
      { rootMargin: '200px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, []);
  useEffect(() => {
    if (!ready || data === null) return;
    if (onScreen.current) {
      stale.current = false;
      panel.current?.update(data);
    } else stale.current = true;
  }, [data, ready]);

  const svg = () => {
    catchUp();
    return panel.current?.svg;
  };
  // The buttons read "SVG", "PNG"…; their names say which figure (several figures share one screen).
  const exportLabel = (kind: string, what = 'figure') => `Export ${name} ${what} as ${kind}`;
  return (
    <div className={`panel-host ${className ?? ''}`} data-testid={testId}>
      <div ref={ref} className="panel-canvas" />
      <fieldset className="export-bar">
        <legend className="visually-hidden">Export {name}</legend>
        <span className="export-label">Export</span>
        <button
          type="button"
          aria-label={exportLabel('SVG')}
          onClick={() => {
            const s = svg();
            if (s) downloadSvg(s, name);
          }}
        >
          SVG
        </button>
        <button
          type="button"
          aria-label={exportLabel('PNG')}
          onClick={() => {
            const s = svg();
            if (s)
              downloadPng(s, name).catch((e: unknown) =>
                setExportError(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`),
              );
          }}
        >
          PNG
        </button>
        <button
          type="button"
          aria-label={exportLabel('JSON', 'data')}
          onClick={() =>
            downloadJson(typeof exportData === 'function' ? exportData() : (exportData ?? data), name)
          }
        >
          JSON
        </button>
        {csv && (
          <button
            type="button"
            aria-label={exportLabel('CSV', 'data')}
            onClick={() => downloadCsv(csv(), name)}
          >
            CSV
          </button>
        )}
        {exportError && <span className="error">{exportError}</span>}
      </fieldset>
    </div>
  );
}
