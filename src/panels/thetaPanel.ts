// Panel: the hereditary agent's test-time search — context loss over θ ∈ [0, 2π), θ* and the diagnostic truth.
import { axisBottom, axisLeft, line, type Selection, scaleLinear, scaleLog } from 'd3';
import { radToDeg, wrapDegrees } from '../core/angles';
import { COLOURS } from './palette';
import { appendAxisTitles, createSvg, type Panel, styleAxis, truthStroke } from './panel';

export interface ThetaSearchData {
  gridThetas: number[];
  gridLosses: number[];
  /** θ* in radians (from rewards only). */
  theta: number;
  /** DIAGNOSTIC (reads the goal): the θ that carries the base goal onto the test goal. */
  trueThetaDiagnostic: number;
}

const W = 440;
const H = 210;
const M = { left: 54, right: 16, top: 30, bottom: 38 };
/** Radians → degrees in [0, 360). */
const deg = (r: number) => wrapDegrees(radToDeg(r));

export function create(container: HTMLElement): Panel<ThetaSearchData> {
  const svg = createSvg(container, {
    width: W,
    height: H,
    title: 'Test-time search for θ*',
    description:
      'The context loss of the hereditary agent over the group angle θ; its minimum θ* is the inferred task. The dashed line is the true angle, shown as a diagnostic only.',
  });
  const xAxis = svg.append('g').attr('transform', `translate(0, ${H - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left}, 0)`);
  const curve = svg
    .append('path')
    .attr('fill', 'none')
    .attr('stroke', COLOURS.hereditary)
    .attr('stroke-width', 2);
  const truth = svg.append('line').call(truthStroke);
  const star = svg.append('line').attr('stroke', COLOURS.hereditary).attr('stroke-width', 1.6);
  const labels = svg.append('g').attr('font-size', 12);
  appendAxisTitles(svg, { width: W, height: H, margin: M }, { x: 'group angle θ (°)', y: 'context loss' });
  const x = scaleLinear()
    .domain([0, 360])
    .range([M.left, W - M.right]);
  styleAxis(xAxis.call(axisBottom(x).tickValues([0, 90, 180, 270, 360]).tickSizeOuter(0)));
  /** The y axis is redrawn only when its scale changes (a drag mostly keeps it). */
  let drawnY = '';
  return {
    svg: svg.node() as SVGSVGElement,
    destroy: () => svg.remove(),
    update(data) {
      const positive = data.gridLosses.filter((v) => v > 0);
      const lo = Math.min(...positive);
      const hi = Math.max(...positive);
      const logScale = positive.length === data.gridLosses.length && hi / lo > 50;
      const y = logScale
        ? scaleLog()
            .domain([lo, hi])
            .range([H - M.bottom, M.top])
            .nice()
        : scaleLinear()
            .domain([Math.min(0, ...data.gridLosses), hi])
            .range([H - M.bottom, M.top])
            .nice();
      const yKey = `${logScale}:${y.domain().join(',')}`;
      if (yKey !== drawnY) {
        drawnY = yKey;
        styleAxis(
          yAxis.call(
            axisLeft(y)
              .ticks(4, logScale ? '~e' : '~g')
              .tickSizeOuter(0),
          ),
        );
      }
      const pts = data.gridThetas
        .map((t, i) => [deg(t), data.gridLosses[i]] as const)
        .sort((a, b) => a[0] - b[0]);
      curve.attr(
        'd',
        line<readonly [number, number]>()
          .x((p) => x(p[0]))
          .y((p) => y(p[1]))(pts),
      );
      const ts = deg(data.theta);
      const tt = deg(data.trueThetaDiagnostic);
      vertical(star, x(ts));
      vertical(truth, x(tt));
      labels.selectAll('*').remove();
      labels
        .append('text')
        .attr('x', M.left)
        .attr('y', 16)
        .attr('fill', COLOURS.hereditary)
        .attr('font-weight', 600)
        .text(`θ* = ${ts.toFixed(1)}°`);
      labels
        .append('text')
        .attr('x', W - M.right)
        .attr('y', 16)
        .attr('text-anchor', 'end')
        .attr('fill', COLOURS.muted)
        .text(`truth (diagnostic) ${tt.toFixed(1)}°`);
    },
  };
}

/** A full-height vertical rule at pixel x. */
function vertical(rule: Selection<SVGLineElement, unknown, null, undefined>, px: number) {
  rule
    .attr('x1', px)
    .attr('x2', px)
    .attr('y1', M.top)
    .attr('y2', H - M.bottom);
}
