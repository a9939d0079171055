// The race as it runs: each side's median angle error (log) by optimiser step, streamed from the live stage.
import { axisBottom, axisLeft, line, scaleLinear, scaleLog } from 'd3';
import type { RacePreview } from '../core/pipeline/artifacts';
import type { RaceSide } from '../core/symmetry/raceTypes';
import { COLOURS } from './palette';
import { appendAxisTitles, createSvg, type Panel, styleAxis } from './panel';

const W = 300;
const H = 170;
const M = { left: 46, right: 10, top: 24, bottom: 34 };
const SIDES: readonly RaceSide[] = ['differential', 'functional'];
const COLOUR: Record<RaceSide, string> = {
  differential: COLOURS.differential,
  functional: COLOURS.functional,
};

export function create(container: HTMLElement): Panel<RacePreview[]> {
  const svg = createSvg(container, {
    width: W,
    height: H,
    title: 'Discovery race so far',
    description:
      'Median angle error over the seeds against optimiser steps, for the differential and the functional side, as the live run computes it (log axis).',
  });
  const xAxis = svg.append('g').attr('transform', `translate(0, ${H - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left}, 0)`);
  const paths = svg.append('g').attr('fill', 'none').attr('stroke-width', 2);
  const legend = svg.append('g').attr('transform', `translate(${M.left}, 14)`).attr('font-size', 11);
  appendAxisTitles(svg, { width: W, height: H, margin: M }, { x: 'optimiser step', y: 'error ° (log)' });
  SIDES.forEach((side, i) => {
    const g = legend.append('g').attr('transform', `translate(${i * 110}, 0)`);
    g.append('line')
      .attr('x2', 14)
      .attr('y1', -4)
      .attr('y2', -4)
      .attr('stroke', COLOUR[side])
      .attr('stroke-width', 2);
    g.append('text').attr('x', 18).attr('fill', COLOURS.muted).text(side);
  });
  return {
    svg: svg.node() as SVGSVGElement,
    destroy: () => svg.remove(),
    update(points) {
      const steps = Math.max(10, ...points.map((p) => p.steps));
      const errs = points.map((p) => Math.max(p.errorDeg, 1e-3));
      const x = scaleLinear()
        .domain([0, steps])
        .range([M.left, W - M.right]);
      const y = scaleLog()
        .domain([Math.min(0.1, ...errs), Math.max(180, ...errs)])
        .range([H - M.bottom, M.top])
        .clamp(true);
      styleAxis(xAxis.call(axisBottom(x).ticks(4).tickSizeOuter(0)), 10);
      styleAxis(yAxis.call(axisLeft(y).ticks(3, '~g').tickSizeOuter(0)), 10);
      const draw = line<RacePreview>()
        .x((p) => x(p.step))
        .y((p) => y(Math.max(p.errorDeg, 1e-3)));
      paths
        .selectAll('path')
        .data(SIDES.map((side) => ({ side, pts: points.filter((p) => p.side === side) })))
        .join('path')
        .attr('data-side', (d) => d.side)
        .attr('data-points', (d) => d.pts.length)
        .attr('stroke', (d) => COLOUR[d.side])
        .attr('d', (d) => (d.pts.length ? draw(d.pts) : null));
    },
  };
}
