// Panel 2: a generator's vector field and flow lines exp(θX)p next to the true one, over the kernel-frame field.
import { applyToPoint, flow, type Generator } from '../core/lie';
import type { FramePreview } from '../core/pipeline/artifacts';
import { COLOURS } from './palette';
import { createSvg, fmt, type Panel, truthStroke } from './panel';
import { fitView, framesPath, pointsPath, translatePx } from './worldView';

export interface GeneratorMark {
  x: number;
  y: number;
  label: string;
  kind: 'goal' | 'train' | 'centre';
}

export interface GeneratorFieldData {
  box: { x0: number; x1: number; y0: number; y1: number };
  learned: Generator;
  learnedLabel: string;
  colour: string;
  /** The true generator (display and scoring only), or null when there is none. */
  truth: Generator | null;
  truthNote: string;
  /** Sign-free angle between learned and true generator in degrees. */
  errorDeg: number | null;
  frames: FramePreview | null;
  /** Starting points of the drawn orbits. */
  orbitStarts: [number, number][];
  marks: GeneratorMark[];
}

const W = 440;
const MAP = 400;
const H = MAP + 54;

/** The fixed point p with B p + v = 0 (a rotation's centre), or null when B is singular. */
function fixedPoint(x: Generator): [number, number] | null {
  const [a, b, v0, c, d, v1] = x;
  const det = a * d - b * c;
  if (Math.abs(det) < 1e-9) return null;
  return [(-d * v0 + b * v1) / det, (c * v0 - a * v1) / det];
}

/** θ range of one full orbit: 2π/ω for a rotation-like B (det > 0, trace ≈ 0), else 2π. */
function orbitPeriod(x: Generator): number {
  const det = x[0] * x[4] - x[1] * x[3];
  const trace = x[0] + x[4];
  return det > 1e-9 && Math.abs(trace) < 0.1 * Math.sqrt(det) ? (2 * Math.PI) / Math.sqrt(det) : 2 * Math.PI;
}

function orbit(x: Generator, start: [number, number], box: GeneratorFieldData['box']): [number, number][] {
  const pts: [number, number][] = [];
  const pad = (box.x1 - box.x0) * 0.5;
  const period = orbitPeriod(x);
  for (let i = 0; i <= 160; i++) {
    const p = applyToPoint(flow(x, (period * i) / 160), start);
    if (p[0] < box.x0 - pad || p[0] > box.x1 + pad || p[1] < box.y0 - pad || p[1] > box.y1 + pad) break;
    pts.push(p);
  }
  return pts;
}

export function create(
  container: HTMLElement,
  opts: { title: string; description: string; arrowId: string },
): Panel<GeneratorFieldData> {
  const svg = createSvg(container, { width: W, height: H, ...opts });
  const defs = svg.append('defs');
  const marker = defs
    .append('marker')
    .attr('id', opts.arrowId)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 8)
    .attr('refY', 5)
    .attr('markerWidth', 5)
    .attr('markerHeight', 5)
    .attr('orient', 'auto-start-reverse');
  const arrowHead = marker.append('path').attr('d', 'M0,0L10,5L0,10z');
  svg
    .append('rect')
    .attr('x', 0)
    .attr('y', 0)
    .attr('width', W)
    .attr('height', MAP)
    .attr('rx', 8)
    .attr('fill', COLOURS.background);
  const clipId = `${opts.arrowId}-clip`;
  defs
    .append('clipPath')
    .attr('id', clipId)
    .append('rect')
    .attr('width', W)
    .attr('height', MAP)
    .attr('rx', 8);
  const plot = svg.append('g').attr('clip-path', `url(#${clipId})`);
  const frameLayer = plot
    .append('path')
    .attr('fill', 'none')
    .attr('stroke', COLOURS.frame)
    .attr('stroke-width', 1);
  const arrowLayer = plot.append('g');
  // Truth on top: its dashes let the learned orbit show through where the two agree.
  const orbitLayer = plot.append('g');
  const truthLayer = plot.append('g');
  const markLayer = plot.append('g');
  const caption = svg
    .append('g')
    .attr('transform', `translate(12, ${MAP + 20})`)
    .attr('font-size', 12.5);

  return {
    svg: svg.node() as SVGSVGElement,
    destroy: () => svg.remove(),
    update(data) {
      const view = fitView(data.box, { left: 0, top: 0, width: W, height: MAP });
      arrowHead.attr('fill', data.colour);

      frameLayer.attr('d', data.frames ? framesPath(data.frames, view, 0.06) : '');

      // The learned vector field X p̃ on a grid, arrows scaled to fit a cell.
      const n = 11;
      const cell = (data.box.x1 - data.box.x0) / n;
      let maxNorm = 0;
      const vecs: { x: number; y: number; u: number; v: number }[] = [];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const x = data.box.x0 + (i + 0.5) * cell;
          const y = data.box.y0 + (j + 0.5) * cell;
          const [l0, l1, l2, l3, l4, l5] = data.learned;
          const u = l0 * x + l1 * y + l2;
          const v = l3 * x + l4 * y + l5;
          maxNorm = Math.max(maxNorm, Math.hypot(u, v));
          vecs.push({ x, y, u, v });
        }
      let field = '';
      for (const { x, y, u, v } of vecs) {
        const k = (0.8 * cell) / (maxNorm || 1);
        if (Math.hypot(u, v) * k < cell * 0.08) continue;
        const a = view.toPx(x - (u * k) / 2, y - (v * k) / 2);
        const b = view.toPx(x + (u * k) / 2, y + (v * k) / 2);
        field += `M${a[0].toFixed(1)},${a[1].toFixed(1)}L${b[0].toFixed(1)},${b[1].toFixed(1)}`;
      }
      // One path per arrow so each gets a head; kept light so the orbits read first.
      arrowLayer
        .selectAll('path')
        .data(field.split('M').filter(Boolean))
        .join('path')
        .attr('d', (d) => `M${d}`)
        .attr('stroke', data.colour)
        .attr('stroke-opacity', 0.38)
        .attr('stroke-width', 1.2)
        .attr('marker-end', `url(#${opts.arrowId})`);

      const learnedOrbits = data.orbitStarts.map((p) => pointsPath(orbit(data.learned, p, data.box), view));
      const truthOrbits = data.truth
        ? data.orbitStarts.map((p) => pointsPath(orbit(data.truth as Generator, p, data.box), view))
        : [];
      truthLayer
        .selectAll('path')
        .data(truthOrbits)
        .join('path')
        .attr('d', (d) => d)
        .attr('fill', 'none')
        .call(truthStroke);
      orbitLayer
        .selectAll('path')
        .data(learnedOrbits)
        .join('path')
        .attr('d', (d) => d)
        .attr('fill', 'none')
        .attr('stroke', data.colour)
        .attr('stroke-width', 1.8);

      const centres: GeneratorMark[] = [];
      const fl = fixedPoint(data.learned);
      if (fl) centres.push({ x: fl[0], y: fl[1], label: 'learned centre', kind: 'centre' });
      const marks = [...data.marks, ...centres];
      const g = markLayer
        .selectAll<SVGGElement, GeneratorMark>('g')
        .data(marks)
        .join((enter) => {
          const s = enter.append('g');
          s.append('path');
          s.append('text').attr('x', 9).attr('y', -8).attr('font-size', 12).attr('fill', COLOURS.ink);
          s.append('title');
          return s;
        })
        .attr('transform', (m) => translatePx(view, m.x, m.y));
      g.select('path')
        .attr('d', (m) =>
          m.kind === 'centre'
            ? 'M-6,0H6M0,-6V6'
            : m.kind === 'goal'
              ? 'M0,-7L7,0L0,7L-7,0Z'
              : 'M0,-5L5,0L0,5L-5,0Z',
        )
        .attr('fill', (m) => (m.kind === 'goal' ? COLOURS.ink : '#fff'))
        .attr('stroke', (m) => (m.kind === 'centre' ? data.colour : COLOURS.ink))
        .attr('stroke-width', (m) => (m.kind === 'centre' ? 2.5 : 1.6));
      g.select('text').text((m) => (m.kind === 'goal' ? m.label : ''));
      g.select('title').text((m) => m.label);

      caption.selectAll('*').remove();
      const line1 = caption.append('g');
      line1.append('path').attr('d', 'M0,-4H22').attr('stroke', data.colour).attr('stroke-width', 2);
      line1.append('text').attr('x', 28).attr('fill', COLOURS.ink).text(data.learnedLabel);
      const line2 = caption.append('g').attr('transform', 'translate(0, 20)');
      line2.append('path').attr('d', 'M0,-4H22').call(truthStroke);
      line2
        .append('text')
        .attr('x', 28)
        .attr('fill', COLOURS.muted)
        .text(data.truth ? `truth (${data.truthNote})` : `truth: ${data.truthNote}`);
      if (fl) {
        const key = caption.append('g').attr('transform', `translate(${W - 150}, 20)`);
        key
          .append('path')
          .attr('d', 'M5,-10V2M-1,-4H11')
          .attr('stroke', data.colour)
          .attr('stroke-width', 2.5);
        key.append('text').attr('x', 18).attr('fill', COLOURS.muted).text('learned centre');
      }
      if (data.errorDeg !== null)
        caption
          .append('text')
          .attr('x', W - 24)
          .attr('text-anchor', 'end')
          .attr('font-weight', 600)
          .attr('fill', COLOURS.ink)
          .text(`error ${fmt(data.errorDeg, data.errorDeg < 1 ? 3 : 2)}°`);
    },
  };
}
