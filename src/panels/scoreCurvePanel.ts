// Panel 5: the paper's figure, live — each agent's score (or regret) against angular distance to the training set.
import { axisBottom, axisLeft, line, scaleLinear } from 'd3';
import type { EvaluationArtifact } from '../core/pipeline/artifacts';
import { AGENT_LABEL, type AgentKey, COLOURS } from './palette';
import { appendAxisTitles, createSvg, type Panel, styleAxis } from './panel';

export type ScoreMode = 'score' | 'regret';

export interface ScoreCurveData {
  evaluation: EvaluationArtifact;
  mode: ScoreMode;
  /** Agents to draw; an agent absent from the evaluation is listed as "not trained yet". */
  agents: AgentKey[];
}

const W = 540;
const H = 340;
const M = { left: 56, right: 18, top: 40, bottom: 44 };

export function create(container: HTMLElement): Panel<ScoreCurveData> {
  const svg = createSvg(container, {
    width: W,
    height: H,
    title: 'Score against angular distance to the training set',
    description:
      'Dots: each evaluated test goal. Lines: the mean in each distance bin. The hereditary agent should stay flat; a smooth encoding should fall with distance.',
  });
  const xAxis = svg.append('g').attr('transform', `translate(0, ${H - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left}, 0)`);
  const grid = svg.append('g');
  const dots = svg.append('g');
  const curves = svg.append('g');
  const legend = svg.append('g').attr('transform', `translate(${M.left}, 18)`).attr('font-size', 13.5);
  const yLabel = appendAxisTitles(
    svg,
    { width: W, height: H, margin: M },
    { x: 'angular distance to the nearest training task (°)', y: '' },
    { fontSize: 13.5, xBaseline: 8, yOffset: 15 },
  );

  return {
    svg: svg.node() as SVGSVGElement,
    destroy: () => svg.remove(),
    update({ evaluation, mode, agents }) {
      const present = agents.filter((a) => evaluation.summary.agents.includes(a));
      const rowValue = (r: EvaluationArtifact['rows'][number], a: AgentKey) =>
        mode === 'score' ? r.score[a] : r.regret[a];
      const maxDist = Math.max(90, ...evaluation.rows.map((r) => r.distance_to_training_deg));
      const x = scaleLinear()
        .domain([0, Math.min(180, Math.ceil(maxDist / 15) * 15)])
        .range([M.left, W - M.right]);
      const values = present.flatMap((a) => evaluation.rows.map((r) => rowValue(r, a)));
      const y =
        mode === 'score'
          ? scaleLinear()
              .domain([Math.min(0, ...values), 1.05])
              .range([H - M.bottom, M.top])
          : scaleLinear()
              .domain([0, Math.max(1, ...values) * 1.08])
              .range([H - M.bottom, M.top]);
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

      const points = present.flatMap((a) =>
        evaluation.rows.map((r) => ({ a, d: r.distance_to_training_deg, v: rowValue(r, a) })),
      );
      dots
        .selectAll('circle')
        .data(points)
        .join('circle')
        .attr('cx', (p) => x(p.d))
        .attr('cy', (p) => y(p.v))
        .attr('r', 3)
        .attr('fill', (p) => COLOURS[p.a])
        .attr('fill-opacity', 0.35);
      const bins = evaluation.summary.curve;
      const path = line<(typeof bins)[number]>().x((b) => x(b.distance_deg));
      curves
        .selectAll('path')
        .data(present)
        .join('path')
        .attr('d', (a) => path.y((b) => y(mode === 'score' ? b.mean_score[a] : b.mean_regret[a]))(bins))
        .attr('fill', 'none')
        .attr('stroke', (a) => COLOURS[a])
        .attr('stroke-width', 2.6);

      legend.selectAll('*').remove();
      agents.forEach((a, i) => {
        const g = legend.append('g').attr('transform', `translate(${i * 190}, 0)`);
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
    },
  };
}
