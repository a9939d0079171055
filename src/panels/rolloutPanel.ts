// Panel 4: side-by-side rollouts at the same goal and context — hereditary vs baseline, oracle faint, returns.
import { easeSinInOut } from 'd3';
import type { Vec2 } from '../core/vec';
import type { OrbitChart } from '../state/orbitChart';
import { AGENT_LABEL, type AgentKey, COLOURS } from './palette';
import { createSvg, fmt, type Panel } from './panel';
import { chartBox, chartCurvePath, fitView, statePath, translatePx } from './worldView';

export interface AgentRolloutView {
  key: AgentKey;
  path: number[] | null;
  meanReturn: number | null;
  /** Shown instead of a path when there is none (e.g. "baseline not trained yet"). */
  note: string;
}

export interface RolloutCompareData {
  /** The orbit drawn (the task space's). */
  chart: OrbitChart;
  /** The reader's own goals (family "points"): the view is framed on them. */
  ownGoals: Vec2[] | null;
  goal: Vec2;
  /** Training goals, base first (empty hides them). */
  train: Vec2[];
  oracle: { path: number[]; meanReturn: number } | null;
  agents: AgentRolloutView[];
  /** Draw the paths progressively (off for reduced motion and for visual tests). */
  animate: boolean;
  /** Returns from a one-episode preview while the goal moves (drawn dimmed until the final update). */
  provisional?: boolean;
}

const MAP = 300;
const GAP = 20;
const TOP = 44;
/** One rollout replayed: the path drawn from the start while a dot walks its head (linear in path length). */
const DRAW_MS = 1600;

export interface RolloutPanelOptions {
  /** 'row': the two maps side by side; 'column': one above the other (narrow columns). */
  layout: 'row' | 'column';
}

export function create(container: HTMLElement, opts: RolloutPanelOptions): Panel<RolloutCompareData> {
  const row = opts.layout === 'row';
  const W = row ? 2 * MAP + GAP : MAP;
  const H = row ? TOP + MAP + 8 : 2 * (TOP + MAP) + GAP;
  const svg = createSvg(container, {
    width: W,
    height: H,
    title: 'Rollouts of both agents at the test goal',
    description:
      'First the hereditary agent, then the smooth-encoding baseline. Both get the same goal and the same context; the oracle’s straight path is drawn faintly.',
  });
  const maps = (['hereditary', 'baseline'] as const).map((key, i) => {
    const g = svg
      .append('g')
      .attr('transform', row ? `translate(${i * (MAP + GAP)}, 0)` : `translate(0, ${i * (TOP + MAP + GAP)})`);
    const title = g.append('text').attr('x', 4).attr('y', 16).attr('font-weight', 600).attr('font-size', 14);
    const value = g
      .append('text')
      .attr('x', 4)
      .attr('y', 34)
      .attr('font-size', 12.5)
      .attr('fill', COLOURS.muted);
    g.append('rect')
      .attr('y', TOP)
      .attr('width', MAP)
      .attr('height', MAP)
      .attr('rx', 8)
      .attr('fill', COLOURS.background)
      .attr('stroke', COLOURS.grid);
    const curve = g
      .append('path')
      .attr('fill', 'none')
      .attr('stroke', COLOURS.family)
      .attr('stroke-width', 1.2)
      .attr('stroke-dasharray', '5 4');
    const train = g.append('g');
    const oracle = g
      .append('path')
      .attr('fill', 'none')
      .attr('stroke', COLOURS.oracle)
      .attr('stroke-opacity', 0.45)
      .attr('stroke-width', 1.4)
      .attr('stroke-dasharray', '3 3');
    const path = g
      .append('path')
      .attr('data-testid', `rollout-path-${key}`)
      .attr('fill', 'none')
      .attr('stroke', COLOURS[key])
      .attr('stroke-width', 2.6)
      .attr('stroke-linejoin', 'round')
      .attr('stroke-linecap', 'round');
    // The agent's position while its rollout replays (hidden otherwise).
    const head = g
      .append('circle')
      .attr('data-testid', `rollout-head-${key}`)
      .attr('r', 5)
      .attr('fill', COLOURS[key])
      .attr('stroke', '#fff')
      .attr('stroke-width', 1.5)
      .attr('visibility', 'hidden');
    const start = g.append('circle').attr('r', 4).attr('fill', COLOURS.muted);
    const goal = g
      .append('circle')
      .attr('r', 8)
      .attr('fill', COLOURS.goal)
      .attr('stroke', '#fff')
      .attr('stroke-width', 2.5);
    const note = g
      .append('text')
      .attr('x', MAP / 2)
      .attr('y', TOP + MAP - 22)
      .attr('text-anchor', 'middle')
      .attr('fill', COLOURS.muted)
      .attr('font-size', 13);
    return { key, title, value, curve, train, oracle, path, head, start, goal, note, lastPath: '', frame: 0 };
  });

  let drawnStatic = '';
  /** Turning "animate paths" on replays the current rollouts (a new path replays by itself). */
  let animatedBefore = false;
  return {
    svg: svg.node() as SVGSVGElement,
    destroy: () => {
      for (const m of maps) cancelAnimationFrame(m.frame);
      svg.remove();
    },
    update(data) {
      const view = fitView(chartBox(data.chart, data.ownGoals, 0.3), {
        left: 0,
        top: TOP,
        width: MAP,
        height: MAP,
      });
      const goal = data.goal;
      // The family curve, training marks and start move only with the orbit or the training set.
      const staticKey = `${JSON.stringify(data.chart.family)}|${data.train.join(';')}`;
      const redrawStatic = staticKey !== drawnStatic;
      drawnStatic = staticKey;
      for (const m of maps) {
        const agent = data.agents.find((a) => a.key === m.key);
        const ret = agent?.meanReturn;
        m.value
          .classed('provisional', data.provisional === true)
          .text(
            ret != null
              ? `return ${fmt(ret)}${data.oracle ? `  ·  oracle ${fmt(data.oracle.meanReturn)}` : ''}`
              : (agent?.note ?? ''),
          );
        if (redrawStatic) {
          m.title.attr('fill', COLOURS[m.key]).text(AGENT_LABEL[m.key]);
          m.curve.attr('d', chartCurvePath(data.chart, view));
          m.train
            .selectAll('path')
            .data(data.train)
            .join('path')
            .attr('transform', (d) => translatePx(view, d[0], d[1]))
            .attr('d', 'M0,-5L5,0L0,5L-5,0Z')
            .attr('fill', (_d, i) => (i === 0 ? COLOURS.ink : '#fff'))
            .attr('stroke', COLOURS.ink)
            .attr('stroke-width', 1.4);
          const [sx, sy] = view.toPx(0, 0);
          m.start.attr('cx', sx).attr('cy', sy);
        }
        m.oracle.attr('d', data.oracle ? statePath(data.oracle.path, view) : null);
        const [gx, gy] = view.toPx(goal[0], goal[1]);
        m.goal.attr('cx', gx).attr('cy', gy);
        const d = agent?.path ? statePath(agent.path, view) : '';
        m.note.text(d ? '' : (agent?.note ?? ''));
        const replay = d !== m.lastPath || (data.animate && !animatedBefore);
        m.lastPath = d;
        // An update that leaves the path as it is (a return or the other agent arriving) must not cut a replay
        // short: that was why "animate paths" seemed to do nothing. Only a new path or switching it off does.
        const keepReplaying = m.frame !== 0 && !replay && data.animate && !data.provisional;
        if (!keepReplaying) {
          cancelAnimationFrame(m.frame);
          m.frame = 0;
          m.head.attr('visibility', 'hidden');
          m.path
            .attr('d', d || null)
            .attr('stroke-dasharray', null)
            .attr('stroke-dashoffset', null);
        }
        if (d && replay && data.animate && !data.provisional) {
          // Replay the rollout: the path grows from the start (dash offset from its length to 0) behind a dot.
          const node = m.path.node() as SVGPathElement;
          const head = m.head.node() as SVGCircleElement;
          // Nothing drawn until the first frame, which measures the path: getTotalLength forces a layout, and
          // inside the update it would be one more layout in the page's first render.
          node.setAttribute('stroke-dasharray', '0 1000000');
          let length = 0;
          let t0 = 0;
          const tick = (now: number) => {
            if (t0 === 0) {
              length = node.getTotalLength();
              t0 = now;
              node.setAttribute('stroke-dasharray', `${length} ${length}`);
            }
            const t = Math.min(1, (now - t0) / DRAW_MS);
            const drawn = length * easeSinInOut(t);
            node.setAttribute('stroke-dashoffset', String(length - drawn));
            const p = node.getPointAtLength(drawn);
            head.setAttribute('cx', p.x.toFixed(1));
            head.setAttribute('cy', p.y.toFixed(1));
            head.setAttribute('visibility', t < 1 ? 'visible' : 'hidden');
            if (t < 1) m.frame = requestAnimationFrame(tick);
            else {
              m.frame = 0;
              node.removeAttribute('stroke-dasharray');
              node.removeAttribute('stroke-dashoffset');
            }
          };
          m.frame = requestAnimationFrame(tick);
        }
        m.goal.raise();
      }
      animatedBefore = data.animate;
    },
  };
}
