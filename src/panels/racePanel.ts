// Panel 3: the discovery race — loss or angle error (log y) vs step, one line per seed for each side, and the spread.
import {
  axisBottom,
  axisLeft,
  type BaseType,
  type EnterElement,
  line,
  type Selection,
  scaleLinear,
  scaleLog,
} from 'd3';
import type { RaceResult, RaceSide } from '../core/symmetry/raceTypes';
import { COLOURS } from './palette';
import { appendAxisTitles, createSvg, fmt, halo, type Panel, styleAxis } from './panel';

export type RaceMetric = 'loss' | 'errorDeg';

const W = 420;
const H = 290;
const M = { left: 54, right: 16, top: 34, bottom: 40 };
const SIDES: readonly RaceSide[] = ['differential', 'functional'];
const SIDE_COLOUR: Record<RaceSide, string> = {
  differential: COLOURS.differential,
  functional: COLOURS.functional,
};

export function create(container: HTMLElement, opts: { metric: RaceMetric }): Panel<RaceResult> {
  const label = opts.metric === 'loss' ? 'Loss' : 'Angle error to the true generator (°)';
  const svg = createSvg(container, {
    width: W,
    height: H,
    title: `Discovery race: ${label.toLowerCase()} against optimiser steps`,
    description:
      'One line per seed for the differential loss and for the functional loss, on a logarithmic axis.',
  });
  const xAxis = svg.append('g').attr('transform', `translate(0, ${H - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left}, 0)`);
  const grid = svg.append('g');
  const refs = svg.append('g');
  const lines = svg.append('g');
  const medians = svg.append('g');
  const spreads = svg.append('g');
  const legend = svg.append('g').attr('transform', `translate(${M.left}, 16)`).attr('font-size', 12);
  appendAxisTitles(
    svg,
    { width: W, height: H, margin: M },
    { x: 'optimiser step', y: opts.metric === 'loss' ? 'loss (log)' : 'angle error ° (log)' },
  );

  return {
    svg: svg.node() as SVGSVGElement,
    destroy: () => svg.remove(),
    update(race) {
      const value = (p: { loss: number; errorDeg: number }) =>
        Math.max(opts.metric === 'loss' ? p.loss : p.errorDeg, 1e-6);
      const all = SIDES.flatMap((s) => race[s].runs.flatMap((r) => r.curve.map(value)));
      if (opts.metric === 'errorDeg')
        all.push(race.setting.targetDeg, Math.max(race.closedForm.errorDeg, 1e-3));
      const lo = Math.max(Math.min(...all), 1e-6);
      const hi = Math.max(...all);
      const x = scaleLinear()
        .domain([0, race.setting.steps])
        .range([M.left, W - M.right]);
      const y = scaleLog()
        .domain([10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))])
        .range([H - M.bottom, M.top])
        .clamp(true);
      styleAxis(xAxis.call(axisBottom(x).ticks(5).tickSizeOuter(0)));
      styleAxis(yAxis.call(axisLeft(y).ticks(4, '~g').tickSizeOuter(0)));
      grid
        .selectAll('line')
        .data(y.ticks(4).filter((t) => Math.log10(t) % 1 === 0))
        .join('line')
        .attr('x1', M.left)
        .attr('x2', W - M.right)
        .attr('y1', (t) => y(t))
        .attr('y2', (t) => y(t))
        .attr('stroke', COLOURS.grid);

      const runs = SIDES.flatMap((side) =>
        race[side].runs.map((r) => ({ side, seed: r.seed, curve: r.curve })),
      );
      const path = line<{ step: number; loss: number; errorDeg: number }>()
        .x((p) => x(p.step))
        .y((p) => y(value(p)));
      lines
        .selectAll('path')
        .data(runs)
        .join('path')
        .attr('d', (r) => path(r.curve))
        .attr('fill', 'none')
        .attr('stroke', (r) => SIDE_COLOUR[r.side])
        .attr('stroke-width', 1.2)
        .attr('stroke-opacity', 0.55);

      // Reference lines on the error plot: the 2° target and the closed-form solve (no steps at all).
      const refLines =
        opts.metric === 'errorDeg'
          ? [
              {
                v: race.setting.targetDeg,
                text: `${race.setting.targetDeg}° target`,
                colour: COLOURS.muted,
                dash: '2 3',
              },
              {
                v: Math.max(race.closedForm.errorDeg, 1e-3),
                text: `closed form ${fmt(race.closedForm.errorDeg, 3)}° (one solve)`,
                colour: COLOURS.closedForm,
                dash: null,
              },
            ]
          : [];
      const ref = refs
        .selectAll<SVGGElement, (typeof refLines)[number]>('g')
        .data(refLines)
        .join(appendRuleWithLabel);
      ref
        .select('line')
        .attr('x1', M.left)
        .attr('x2', W - M.right)
        .attr('y1', (r) => y(r.v))
        .attr('y2', (r) => y(r.v))
        .attr('stroke', (r) => r.colour)
        .attr('stroke-width', 1.2)
        .attr('stroke-dasharray', (r) => r.dash);
      ref
        .select('text')
        .attr('x', W - M.right - 2)
        .attr('y', (r) => y(r.v) - 4)
        .attr('text-anchor', 'end')
        .attr('font-size', 11.5)
        .attr('fill', (r) => r.colour)
        .call(halo)
        .text((r) => r.text);

      // Median steps to the target, per side.
      const med = medians
        .selectAll<SVGGElement, RaceSide>('g')
        .data(opts.metric === 'errorDeg' ? SIDES : [])
        .join(appendRuleWithLabel);
      med
        .select('line')
        .attr('x1', (s) => x(Math.min(race[s].medianSteps, race.setting.steps)))
        .attr('x2', (s) => x(Math.min(race[s].medianSteps, race.setting.steps)))
        .attr('y1', M.top)
        .attr('y2', H - M.bottom)
        .attr('stroke', (s) => SIDE_COLOUR[s])
        .attr('stroke-width', 1.5)
        .attr('stroke-dasharray', '4 3');
      const medianX = (s: RaceSide) => x(Math.min(race[s].medianSteps, race.setting.steps));
      const nearRight = (s: RaceSide) => medianX(s) > W - M.right - 110;
      med
        .select('text')
        .attr('x', (s) => medianX(s) + (nearRight(s) ? -4 : 4))
        .attr('text-anchor', (s) => (nearRight(s) ? 'end' : 'start'))
        .attr('y', (_s, i) => M.top + 12 + i * 14)
        .call(halo)
        .attr('font-size', 11.5)
        .attr('fill', (s) => SIDE_COLOUR[s])
        .text((s) => medianText(race, s));

      // Spread of the steps to the target over the seeds (min–max), one bar per side above the x axis.
      const capX = (v: number) => x(Math.min(v, race.setting.steps));
      spreads
        .selectAll('line')
        .data(opts.metric === 'errorDeg' ? SIDES : [])
        .join('line')
        .attr('x1', (s) => capX(race[s].minSteps))
        .attr('x2', (s) => capX(race[s].maxSteps))
        .attr('y1', (_s, i) => H - M.bottom - 5 - 6 * i)
        .attr('y2', (_s, i) => H - M.bottom - 5 - 6 * i)
        .attr('stroke', (s) => SIDE_COLOUR[s])
        .attr('stroke-width', 4)
        .attr('stroke-opacity', 0.45)
        .attr('stroke-linecap', 'round');

      legend.selectAll('*').remove();
      SIDES.forEach((s, i) => {
        const g = legend.append('g').attr('transform', `translate(${i * 170}, 0)`);
        g.append('path').attr('d', 'M0,-4H18').attr('stroke', SIDE_COLOUR[s]).attr('stroke-width', 2.4);
        g.append('text').attr('x', 24).text(`${s} (lr ${race[s].lr})`);
      });
    },
  };
}

function medianText(race: RaceResult, side: RaceSide): string {
  const s = race[side];
  const n = s.runs.length;
  if (s.reached === 0) return `${side}: none reached ${race.setting.targetDeg}°`;
  const capped = s.reached < n ? `, ${s.reached}/${n} reached` : '';
  return `median ${Math.round(s.medianSteps)} steps (${s.minSteps}–${s.maxSteps})${capped}`;
}

/** Entering data → a <g> holding a <line> and its <text> label. */
function appendRuleWithLabel<D, P extends BaseType>(enter: Selection<EnterElement, D, P, unknown>) {
  const g = enter.append('g');
  g.append('line');
  g.append('text');
  return g;
}
