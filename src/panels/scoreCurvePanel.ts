// Panel 5: the paper's figure, live — each agent's score (or regret) against angular distance to the training set.
import { area, axisBottom, axisLeft, line, type Selection, scaleLinear } from 'd3';
import type { ScoreCurveBin } from '../core/evaluation';
import type { EvaluationArtifact } from '../core/pipeline/artifacts';
import { AGENT_LABEL, type AgentKey, COLOURS } from './palette';
import { appendAxisTitles, createSvg, type Panel, styleAxis } from './panel';

export type ScoreMode = 'score' | 'regret';

/** A curve by distance in both measures, with an optional min–max band per bin. */
export interface ScoreCurvePoint {
  distance_deg: number;
  score: number;
  regret: number;
  band?: { score: [number, number]; regret: [number, number] };
}

/**
 * An extra curve over the same axes, drawn dashed in its own colour and named in the legend: the place for an
 * overlay such as the baseline's dense control, or the same agent under another action set.
 */
export interface ScoreCurveSeries {
  key: string;
  label: string;
  colour: string;
  points: ScoreCurvePoint[];
}

export interface ScoreCurveData {
  evaluation: EvaluationArtifact;
  mode: ScoreMode;
  /** Agents to draw; an agent absent from the evaluation is listed as "not trained yet". */
  agents: AgentKey[];
  extraSeries?: ScoreCurveSeries[];
}

/** An agent's curve from the evaluation summary; the band where the summary has each bin's min and max. */
export function agentCurve(bins: readonly ScoreCurveBin[], agent: string): ScoreCurvePoint[] {
  return bins.map((b) => ({
    // Degrees round a closed orbit; arena units along a line (where distance_deg is not a number).
    distance_deg: Number.isFinite(b.distance_deg) ? b.distance_deg : (b.distance ?? Number.NaN),
    score: b.mean_score[agent],
    regret: b.mean_regret[agent],
    band:
      b.max_score && b.min_regret && b.max_regret
        ? {
            score: [b.min_score[agent], b.max_score[agent]],
            regret: [b.min_regret[agent], b.max_regret[agent]],
          }
        : undefined,
  }));
}

const W = 540;
const H = 356;
const M = { left: 56, right: 18, top: 56, bottom: 44 };
const LEGEND_STEP = 190;
/** Height of the overlays' legend line, and the width of one overlay's entry. */
const OVERLAY_LINE = 20;
const OVERLAY_STEP = 240;

export function create(container: HTMLElement): Panel<ScoreCurveData> {
  const svg = createSvg(container, {
    width: W,
    height: H,
    title: 'Score against angular distance to the training set',
    description:
      'Dots: each evaluated test goal; rings: goals whose score is ill-conditioned (the oracle barely beats random there). Lines: the mean in each distance bin; bands: the min–max in each bin. The hereditary agent should stay flat; a smooth encoding should fall with distance.',
  });
  const xAxis = svg.append('g').attr('transform', `translate(0, ${H - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left}, 0)`);
  const grid = svg.append('g');
  const bands = svg.append('g');
  const dots = svg.append('g');
  const curves = svg.append('g');
  const legend = svg.append('g').attr('transform', `translate(${M.left}, 18)`).attr('font-size', 13.5);
  const overlays = svg.append('g').attr('transform', `translate(${M.left}, 38)`).attr('font-size', 12.5);
  const key = svg.append('g').attr('font-size', 12);
  const yLabel = appendAxisTitles(
    svg,
    { width: W, height: H, margin: M },
    { x: 'angular distance to the nearest training task (°)', y: '' },
    { fontSize: 13.5, xBaseline: 8, yOffset: 15 },
  );

  return {
    svg: svg.node() as SVGSVGElement,
    destroy: () => svg.remove(),
    update({ evaluation, mode, agents, extraSeries = [] }) {
      // Overlays take a legend line of their own, between the agents and the key; the plot starts below it.
      const top = M.top + (extraSeries.length ? OVERLAY_LINE : 0);
      key.attr('transform', `translate(${M.left}, ${38 + (extraSeries.length ? OVERLAY_LINE : 0)})`);
      const present = agents.filter((a) => evaluation.summary.agents.includes(a));
      const rowValue = (r: EvaluationArtifact['rows'][number], a: AgentKey) =>
        mode === 'score' ? r.score[a] : r.regret[a];
      const series = [
        ...present.map((a) => ({
          key: a as string,
          colour: COLOURS[a] as string,
          dashed: false,
          points: agentCurve(evaluation.summary.curve, a),
        })),
        ...extraSeries.map((s) => ({ ...s, dashed: true })),
      ];
      // Degrees round a closed orbit; arena units along a line (the rows' distance_to_training_deg is NaN there).
      const degrees = evaluation.rows.every((r) => Number.isFinite(r.distance_to_training_deg));
      const rowDistance = (r: EvaluationArtifact['rows'][number]) =>
        degrees ? r.distance_to_training_deg : (r.distance_to_training ?? Number.NaN);
      const maxDist = Math.max(degrees ? 90 : 1, ...evaluation.rows.map(rowDistance));
      const x = scaleLinear()
        .domain([0, degrees ? Math.min(180, Math.ceil(maxDist / 15) * 15) : Math.ceil(maxDist * 2) / 2])
        .range([M.left, W - M.right]);
      svg
        .select('.axis-title-x')
        .text(
          degrees
            ? 'angular distance to the nearest training task (°)'
            : 'distance along the orbit to the nearest training task (arena units)',
        );
      const values = [
        ...present.flatMap((a) => evaluation.rows.map((r) => rowValue(r, a))),
        ...series.flatMap((s) => s.points.flatMap((p) => [p[mode], ...(p.band?.[mode] ?? [])])),
      ];
      const y =
        mode === 'score'
          ? scaleLinear()
              .domain([Math.min(0, ...values), 1.05])
              .range([H - M.bottom, top])
          : scaleLinear()
              .domain([0, Math.max(1, ...values) * 1.08])
              .range([H - M.bottom, top]);
      styleAxis(xAxis.call(axisBottom(x).ticks(6).tickSizeOuter(0)), 12.5);
      styleAxis(yAxis.call(axisLeft(y).ticks(5).tickSizeOuter(0)), 12.5);
      yLabel.text(
        mode === 'score' ? 'normalised score (1 = oracle, 0 = random)' : 'regret (oracle return − return)',
      );
      const refs = mode === 'score' ? [0, 1] : [0];
      grid
        .selectAll('line')
        .data(refs)
        .join('line')
        .attr('x1', M.left)
        .attr('x2', W - M.right)
        .attr('y1', (v) => y(v))
        .attr('y2', (v) => y(v))
        .attr('stroke', COLOURS.faint)
        .attr('stroke-dasharray', '2 3');

      const banded = series.filter((s) => s.points.length > 0 && s.points.every((p) => p.band));
      const bandPath = area<ScoreCurvePoint>()
        .x((p) => x(p.distance_deg))
        .y0((p) => y(p.band?.[mode][0] ?? p[mode]))
        .y1((p) => y(p.band?.[mode][1] ?? p[mode]));
      bands
        .selectAll('path')
        .data(banded)
        .join('path')
        .attr('class', 'score-band')
        .attr('d', (s) => bandPath(s.points))
        .attr('fill', (s) => s.colour)
        .attr('fill-opacity', 0.13)
        .attr('stroke', 'none');

      const points = present.flatMap((a) =>
        evaluation.rows.map((r) => ({
          a,
          d: rowDistance(r),
          v: rowValue(r, a),
          ill: r.ill_conditioned === true,
        })),
      );
      dots
        .selectAll('circle')
        .data(points)
        .join('circle')
        .attr('cx', (p) => x(p.d))
        .attr('cy', (p) => y(p.v))
        .attr('r', (p) => (p.ill ? 4.5 : 3))
        .attr('fill', (p) => (p.ill ? 'none' : COLOURS[p.a]))
        .attr('fill-opacity', 0.35)
        .attr('stroke', (p) => (p.ill ? COLOURS[p.a] : 'none'))
        .attr('stroke-width', 1.6)
        .attr('data-ill-conditioned', (p) => (p.ill ? 'true' : null));
      const path = line<ScoreCurvePoint>()
        .x((p) => x(p.distance_deg))
        .y((p) => y(p[mode]));
      curves
        .selectAll('path')
        .data(series)
        .join('path')
        .attr('d', (s) => path(s.points))
        .attr('fill', 'none')
        .attr('stroke', (s) => s.colour)
        .attr('stroke-width', (s) => (s.dashed ? 2 : 2.6))
        .attr('stroke-dasharray', (s) => (s.dashed ? '6 4' : null));

      legend.selectAll('*').remove();
      agents.forEach((a, i) => {
        const g = legend.append('g').attr('transform', `translate(${i * LEGEND_STEP}, 0)`);
        const missing = !present.includes(a);
        g.append('circle')
          .attr('cx', 9)
          .attr('cy', -4)
          .attr('r', 5)
          .attr('fill', missing ? '#fff' : COLOURS[a])
          .attr('stroke', COLOURS[a])
          .attr('stroke-width', 1.5)
          .attr('stroke-dasharray', missing ? '2 2' : null);
        g.append('text')
          .attr('x', 20)
          .attr('fill', missing ? COLOURS.muted : COLOURS.ink)
          .text(missing ? `${AGENT_LABEL[a]}: not trained yet` : AGENT_LABEL[a]);
      });
      overlays.selectAll('*').remove();
      extraSeries.forEach((s, i) => {
        const g = overlays.append('g').attr('transform', `translate(${i * OVERLAY_STEP}, 0)`);
        g.append('line')
          .attr('x1', 0)
          .attr('x2', 18)
          .attr('y1', -4)
          .attr('y2', -4)
          .attr('stroke', s.colour)
          .attr('stroke-width', 2)
          .attr('stroke-dasharray', '6 4');
        g.append('text').attr('x', 24).text(s.label);
      });
      drawKey(
        key,
        banded.length > 0,
        points.some((p) => p.ill),
      );
    },
  };
}

/** The second legend line: what the band and the rings mean (only what is drawn). */
function drawKey(key: Selection<SVGGElement, unknown, null, undefined>, band: boolean, ill: boolean) {
  key.selectAll('*').remove();
  let at = 0;
  if (band) {
    key
      .append('rect')
      .attr('x', at)
      .attr('y', -10)
      .attr('width', 18)
      .attr('height', 10)
      .attr('fill', COLOURS.faint)
      .attr('fill-opacity', 0.4);
    key
      .append('text')
      .attr('x', at + 24)
      .attr('fill', COLOURS.muted)
      .text('min–max in each bin');
    at += 170;
  }
  if (ill) {
    key
      .append('circle')
      .attr('cx', at + 6)
      .attr('cy', -4)
      .attr('r', 4.5)
      .attr('fill', 'none')
      .attr('stroke', COLOURS.muted)
      .attr('stroke-width', 1.6);
    key
      .append('text')
      .attr('x', at + 16)
      .attr('fill', COLOURS.muted)
      .text('score ill-conditioned there (R_oracle ≈ R_random): read its regret');
  }
}
