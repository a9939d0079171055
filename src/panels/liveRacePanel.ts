// The race as it runs: each side's median angle error (log) by optimiser step, and the differential side's current
// generator drawn as a field over the arena, turning into place about the base goal as discovery proceeds.
import { axisBottom, axisLeft, line, scaleLinear, scaleLog } from 'd3';
import { generatorField, generatorFromVector } from '../core/lie';
import type { RacePreview } from '../core/pipeline/artifacts';
import type { RaceSide } from '../core/symmetry/raceTypes';
import { COLOURS } from './palette';
import { appendAxisTitles, createSvg, type Panel, styleAxis } from './panel';

/** What the panel draws: the streamed points, and the base goal (a setting, not a learned quantity). */
export interface LiveRaceData {
  points: RacePreview[];
  baseGoal: [number, number];
}

const W = 300;
const CHART = 170;
const FIELD = 150;
const H = CHART + FIELD + 18;
/** The field's window: the arena square around its centre, in world units. */
const FIELD_HALF = 2;
const GRID = 9;
const M = { left: 46, right: 10, top: 24, bottom: 34 };
const SIDES: readonly RaceSide[] = ['differential', 'functional'];
const COLOUR: Record<RaceSide, string> = {
  differential: COLOURS.differential,
  functional: COLOURS.functional,
};

export function create(container: HTMLElement): Panel<LiveRaceData> {
  const svg = createSvg(container, {
    width: W,
    height: H,
    title: 'Discovery race so far',
    description:
      'Median angle error over the seeds against optimiser steps, for the differential and the functional side, as the live run computes it (log axis); below, the differential side’s current generator as a field of arrows, with the base goal marked.',
  });
  const xAxis = svg.append('g').attr('transform', `translate(0, ${CHART - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left}, 0)`);
  const paths = svg.append('g').attr('fill', 'none').attr('stroke-width', 2);
  const legend = svg.append('g').attr('transform', `translate(${M.left}, 14)`).attr('font-size', 11);
  appendAxisTitles(svg, { width: W, height: CHART, margin: M }, { x: 'optimiser step', y: 'error ° (log)' });
  // The field: X·p at a grid of points p over the arena square, each arrow scaled to one length.
  const field = svg.append('g').attr('transform', `translate(${(W - FIELD) / 2}, ${CHART + 14})`);
  field
    .append('rect')
    .attr('width', FIELD)
    .attr('height', FIELD)
    .attr('fill', 'none')
    .attr('stroke', COLOURS.grid);
  const arrows = field.append('g').attr('stroke', COLOURS.differential).attr('stroke-width', 1.3);
  const goalMark = field
    .append('rect')
    .attr('width', 8)
    .attr('height', 8)
    .attr('fill', COLOURS.ink)
    .attr('data-testid', 'live-race-goal');
  const fieldLabel = svg
    .append('text')
    .attr('x', W / 2)
    .attr('y', CHART + 8)
    .attr('text-anchor', 'middle')
    .attr('font-size', 10)
    .attr('fill', COLOURS.muted);
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
  const px = (v: number) => ((v + FIELD_HALF) / (2 * FIELD_HALF)) * FIELD;
  function drawField(latest: RacePreview | undefined, goal: [number, number]) {
    const x = latest ? generatorFromVector(latest.generator) : null;
    fieldLabel.text(latest ? `differential X at step ${latest.step}: its flow about the base goal` : '');
    goalMark
      .attr('x', px(goal[0]) - 4)
      .attr('y', FIELD - px(goal[1]) - 4)
      .attr('transform', null);
    const cells = x
      ? Array.from({ length: GRID * GRID }, (_, k) => {
          const wx = -FIELD_HALF + ((k % GRID) + 0.5) * ((2 * FIELD_HALF) / GRID);
          const wy = -FIELD_HALF + (Math.floor(k / GRID) + 0.5) * ((2 * FIELD_HALF) / GRID);
          const [vx, vy] = generatorField(x, [wx, wy]);
          const n = Math.hypot(vx, vy) || 1;
          const len = (0.38 * FIELD) / GRID;
          const ax = px(wx);
          const ay = FIELD - px(wy);
          return { x1: ax, y1: ay, x2: ax + (len * vx) / n, y2: ay - (len * vy) / n };
        })
      : [];
    arrows
      .selectAll('line')
      .data(cells)
      .join('line')
      .attr('x1', (c) => c.x1)
      .attr('y1', (c) => c.y1)
      .attr('x2', (c) => c.x2)
      .attr('y2', (c) => c.y2);
    arrows
      .selectAll('circle')
      .data(cells)
      .join('circle')
      .attr('cx', (c) => c.x2)
      .attr('cy', (c) => c.y2)
      .attr('r', 1.4)
      .attr('fill', COLOURS.differential)
      .attr('stroke', 'none');
  }

  return {
    svg: svg.node() as SVGSVGElement,
    destroy: () => svg.remove(),
    update({ points, baseGoal }) {
      const steps = Math.max(10, ...points.map((p) => p.steps));
      const errs = points.map((p) => Math.max(p.errorDeg, 1e-3));
      const x = scaleLinear()
        .domain([0, steps])
        .range([M.left, W - M.right]);
      const y = scaleLog()
        .domain([Math.min(0.1, ...errs), Math.max(180, ...errs)])
        .range([CHART - M.bottom, M.top])
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
      drawField(points.filter((p) => p.side === 'differential').at(-1), baseGoal);
    },
  };
}
