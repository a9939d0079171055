// The task-space panel's key: marks, path styles, the score dot/ring, and the score and distance colour bars.
import type { Selection } from 'd3';
import { COLOURS, DISTANCE_FULL, distanceShade, scoreColour } from './palette';

type G = Selection<SVGGElement, unknown, null, undefined>;
type Defs = Selection<SVGDefsElement, unknown, null, undefined>;

/** An 11-stop horizontal gradient `colour(0) … colour(1)` under `id`. */
function gradient(defs: Defs, id: string, colour: (t: number) => string) {
  const g = defs.append('linearGradient').attr('id', id);
  for (let i = 0; i <= 10; i++)
    g.append('stop')
      .attr('offset', `${i * 10}%`)
      .attr('stop-color', colour(i / 10));
}

/**
 * Draw the task-space legend into `g` (three rows: marks, rollout paths, score dot/ring with the score and
 * distance bars); the bars' gradients ('score-gradient', 'distance-gradient') go into `defs`. Drawn once.
 */
export function drawTaskSpaceLegend(g: G, defs: Defs) {
  g.attr('font-size', 12).attr('fill', COLOURS.muted);
  const item = (x: number, y: number, draw: (s: G) => void, label: string) => {
    const s = g.append('g').attr('transform', `translate(${x + 8}, ${y})`);
    draw(s);
    s.append('text').attr('x', 14).attr('y', 4).text(label);
  };
  const diamond = (fill: string) => (s: G) => {
    s.append('path')
      .attr('d', 'M0,-6L6,0L0,6L-6,0Z')
      .attr('fill', fill)
      .attr('stroke', COLOURS.ink)
      .attr('stroke-width', 1.6);
  };
  const stroke = (colour: string, width: number, dash: string | null) => (s: G) => {
    s.append('path')
      .attr('d', 'M-8,0H8')
      .attr('stroke', colour)
      .attr('stroke-width', width)
      .attr('stroke-dasharray', dash);
  };
  item(0, 0, diamond(COLOURS.ink), 'base task');
  item(100, 0, diamond('#fff'), 'training task');
  item(215, 0, (s) => s.append('circle').attr('r', 6).attr('fill', COLOURS.goal), 'test goal');
  item(315, 0, (s) => s.append('circle').attr('r', 3.5).attr('fill', COLOURS.muted), 'start of each episode');
  item(0, 24, stroke(COLOURS.hereditary, 2.4, null), 'hereditary');
  item(100, 24, stroke(COLOURS.baseline, 2.4, null), 'baseline');
  item(215, 24, stroke(COLOURS.oracle, 1.4, '3 3'), 'oracle');
  item(315, 24, stroke(COLOURS.random, 1.2, null), 'random (paths at the test goal)');
  item(
    0,
    50,
    (s) => {
      s.append('circle')
        .attr('r', 6.5)
        .attr('fill', '#fff')
        .attr('stroke', scoreColour(0.55))
        .attr('stroke-width', 3);
      s.append('circle').attr('r', 3.4).attr('fill', scoreColour(0.95));
    },
    'test-goal score: dot hereditary, ring baseline',
  );
  gradient(defs, 'score-gradient', (t) => scoreColour(t));
  gradient(defs, 'distance-gradient', (t) => distanceShade(t * DISTANCE_FULL));
  const bar = (x0: number, id: string, left: string, right: string, title: string) => {
    const b = g.append('g').attr('transform', `translate(${x0}, 50)`);
    b.append('text')
      .attr('class', 'bar-lo')
      .attr('x', -6)
      .attr('y', 4)
      .attr('text-anchor', 'end')
      .attr('font-size', 11)
      .text(left);
    b.append('rect')
      .attr('y', -4)
      .attr('width', 56)
      .attr('height', 8)
      .attr('rx', 2)
      .attr('fill', `url(#${id})`);
    b.append('text').attr('class', 'bar-hi').attr('x', 62).attr('y', 4).attr('font-size', 11).text(right);
    b.append('text')
      .attr('x', 28)
      .attr('y', 20)
      .attr('text-anchor', 'middle')
      .attr('font-size', 11)
      .text(title);
    return b;
  };
  bar(318, 'score-gradient', '0', '1', 'score');
  bar(434, 'distance-gradient', '0°', `≥${DISTANCE_FULL}°`, 'distance to training').attr(
    'data-testid',
    'distance-legend',
  );
}

/** The distance bar's ends in the orbit's unit: 0° … ≥90° round a closed orbit, 0 … ≥1 (arena units) along a line. */
export function setDistanceLegendUnit(legend: G, unit: 'deg' | 'arena', full: number) {
  const bar = legend.select('[data-testid="distance-legend"]');
  bar.select('.bar-lo').text(unit === 'deg' ? '0°' : '0');
  bar.select('.bar-hi').text(unit === 'deg' ? `≥${full}°` : `≥${full}`);
}
