// The contract every d3 panel follows (create → update → destroy) and the SVG scaffolding they share.
import { type BaseType, type Selection, select } from 'd3';
import { COLOURS, FONT, TRUTH_DASH } from './palette';

export interface Panel<D> {
  /** Redraw from data; panels keep no science of their own. */
  update(data: D): void;
  /** Remove the SVG and every listener. */
  destroy(): void;
  /** The panel's own SVG (for export). */
  readonly svg: SVGSVGElement;
}

let panelCount = 0;

export type SvgSelection = Selection<SVGSVGElement, unknown, null, undefined>;

/** A responsive SVG (viewBox, width 100%) with a <title>/<desc> for screen readers. */
export function createSvg(
  container: HTMLElement,
  opts: {
    width: number;
    height: number;
    title: string;
    description: string;
    className?: string;
    /** 'group' when the SVG holds a control (children of an 'img' are presentational). */
    role?: 'img' | 'group';
  },
): SvgSelection {
  const svg = select(container)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('viewBox', `0 0 ${opts.width} ${opts.height}`)
    .attr('class', `panel-svg ${opts.className ?? ''}`.trim())
    .attr('role', opts.role ?? 'img')
    .attr('font-family', FONT)
    .attr('font-size', 13)
    .attr('fill', COLOURS.ink);
  panelCount += 1;
  const id = `panel${panelCount}`;
  svg.attr('aria-labelledby', `${id}-title ${id}-desc`);
  svg.append('title').attr('id', `${id}-title`).text(opts.title);
  svg.append('desc').attr('id', `${id}-desc`).text(opts.description);
  return svg;
}

/** Whether the user asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Format a number for labels: fixed digits, a real minus sign. */
export const fmt = (x: number, digits = 2): string =>
  Number.isFinite(x) ? x.toFixed(digits).replace('-', '−') : '—';

export interface PlotFrame {
  width: number;
  height: number;
  margin: { left: number; right: number; top: number; bottom: number };
}

/**
 * Axis titles in muted type: x centred under the plot `xBaseline` px above the bottom edge, y rotated along the
 * left edge at `yOffset`. Returns the y title so a panel can retitle it (e.g. score ↔ regret).
 */
export function appendAxisTitles(
  svg: SvgSelection,
  frame: PlotFrame,
  titles: { x: string; y: string },
  style: { fontSize?: number; xBaseline?: number; yOffset?: number } = {},
) {
  const { width: w, height: h, margin: m } = frame;
  const fontSize = style.fontSize ?? 12;
  svg
    .append('text')
    .attr('x', (m.left + w - m.right) / 2)
    .attr('y', h - (style.xBaseline ?? 6))
    .attr('text-anchor', 'middle')
    .attr('font-size', fontSize)
    .attr('fill', COLOURS.muted)
    .attr('class', 'axis-title-x')
    .text(titles.x);
  return svg
    .append('text')
    .attr('transform', `translate(${style.yOffset ?? 14}, ${(m.top + h - m.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('font-size', fontSize)
    .attr('fill', COLOURS.muted)
    .text(titles.y);
}

/** Muted axis type at `fontSize` with a faint domain line (inherits the panel's font family). */
export function styleAxis<T extends SVGGElement>(g: Selection<T, unknown, null, undefined>, fontSize = 11) {
  g.attr('font-size', fontSize).attr('font-family', null).attr('color', COLOURS.muted);
  g.select('.domain').attr('stroke', COLOURS.faint);
}

/** A white halo behind text (stroke painted first) so a label stays legible over lines. Use with `.call(halo)`. */
export function halo<E extends BaseType, D, P extends BaseType, PD>(text: Selection<E, D, P, PD>): void {
  text.attr('stroke', '#fff').attr('stroke-width', 3).attr('paint-order', 'stroke');
}

/**
 * Set the attributes whose value changed and remove those given as null. A setAttribute with the same value still
 * queues a mutation and invalidates style, which a drag would pay on every move.
 */
export function setChangedAttrs(el: Element, attrs: Record<string, string | number | null>): void {
  for (const name in attrs) {
    const v = attrs[name];
    if (v === null) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
      continue;
    }
    const text = String(v);
    if (el.getAttribute(name) !== text) el.setAttribute(name, text);
  }
}

/** Set an element's text only when it changed (a new text node is a mutation and a relayout of the text). */
export function setChangedText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** The stroke of everything labelled "truth": grey, 1.6 px, dashed. Use with `.call(truthStroke)`. */
export function truthStroke<E extends BaseType, D, P extends BaseType, PD>(s: Selection<E, D, P, PD>): void {
  s.attr('stroke', COLOURS.truth).attr('stroke-width', 1.6).attr('stroke-dasharray', TRUTH_DASH);
}
