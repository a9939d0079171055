// Panel 1: the task space — goal curve, coverage of the training set, evaluated test goals, paths, draggable goal.
import { drag, type Selection } from 'd3';
import { angularDistanceToSet, goalAt, type TaskFamily } from '../core/families';
import type { FramePreview } from '../core/pipeline/artifacts';
import { COLOURS, DISTANCE_FULL, distanceShade, scoreColour } from './palette';
import { createSvg, type Panel } from './panel';
import { familyBox, familyCurvePath, fitView, statePath, type WorldView } from './worldView';

export interface EvaluatedGoal {
  angleDeg: number;
  goal: [number, number];
  /** Normalised scores; null when that agent was not evaluated. */
  hereditary: number | null;
  baseline: number | null;
}

export interface TaskSpaceData {
  family: TaskFamily;
  /** Training task angles in degrees, base first (empty hides them). */
  trainAnglesDeg: number[];
  goalDeg: number;
  paths: Partial<Record<'oracle' | 'random' | 'hereditary' | 'baseline', number[]>>;
  /** Test goals of the evaluation, when it was run on this family. */
  evaluation: EvaluatedGoal[] | null;
  frames: FramePreview | null;
}

export interface TaskSpaceOptions {
  /** A new goal angle in degrees from a drag, not yet wrapped or rounded. */
  onGoal(deg: number): void;
  /** Move the goal by `deltaDeg` from its current value in the store (arrow keys; repeats must not read stale data). */
  onGoalStep(deltaDeg: number): void;
  /** The family angle φ (radians) of a world point (its chart's inverse), for dragging. */
  angleOfPoint(family: TaskFamily, x: number, y: number): number;
}

const W = 560;
const MAP = 540;
const H = MAP + 84;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function create(container: HTMLElement, opts: TaskSpaceOptions): Panel<TaskSpaceData> {
  const svg = createSvg(container, {
    width: W,
    height: H,
    title: 'Task space',
    description:
      'The curve of goals, the training goals, the test goals coloured by each agent’s score, the band shaded by distance to the nearest training goal, and the draggable test goal.',
    className: 'task-space-svg',
    role: 'group',
  });
  svg.attr('data-testid', 'task-space');
  const defs = svg.append('defs');
  // Only the handle and the marks (their tooltips) take the pointer: the rest is skipped by hit testing.
  const inert = () => svg.append('g').attr('aria-hidden', 'true').attr('pointer-events', 'none');
  const layers = {
    band: inert(),
    curve: svg
      .append('path')
      .attr('fill', 'none')
      .attr('stroke', COLOURS.family)
      .attr('stroke-width', 1.5)
      .attr('pointer-events', 'none'),
    frames: inert(),
    rings: inert(),
    paths: inert(),
    marks: svg.append('g'),
    legend: svg.append('g').attr('transform', `translate(14, ${MAP + 4})`),
  };
  const handle = svg
    .append('circle')
    .attr('r', 11)
    .attr('class', 'goal-handle')
    .attr('data-testid', 'goal-handle')
    .attr('tabindex', 0)
    .attr('role', 'slider')
    .attr('aria-label', 'Test goal angle')
    .attr('aria-valuemin', 0)
    .attr('aria-valuemax', 360)
    .attr('fill', COLOURS.goal)
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 3);
  const handleLabel = svg
    .append('text')
    .attr('font-size', 12)
    .attr('font-weight', 600)
    .attr('aria-hidden', 'true');

  let current: TaskSpaceData | null = null;
  let view: WorldView = fitView(
    { x0: -1, x1: 1, y0: -1, y1: 1 },
    { left: 10, top: 10, width: MAP, height: MAP },
  );

  handle.call(
    drag<SVGCircleElement, unknown>()
      .container(svg.node() as SVGSVGElement)
      .on('drag', (event: { x: number; y: number }) => {
        if (!current) return;
        const [x, y] = view.toWorld(event.x, event.y);
        opts.onGoal((opts.angleOfPoint(current.family, x, y) * 180) / Math.PI);
      }),
  );
  handle.on('keydown', (event: KeyboardEvent) => {
    if (!current) return;
    const step = event.shiftKey ? 10 : 1;
    const delta =
      event.key === 'ArrowRight' || event.key === 'ArrowUp'
        ? step
        : event.key === 'ArrowLeft' || event.key === 'ArrowDown'
          ? -step
          : 0;
    if (delta === 0) return;
    event.preventDefault();
    opts.onGoalStep(delta);
  });

  drawLegend(layers.legend, defs);

  /** What the static layers were last drawn from: a goal drag redraws only the paths and the handle. */
  let drawnStatic: {
    family: TaskFamily;
    train: string;
    frames: TaskSpaceData['frames'];
    evaluation: TaskSpaceData['evaluation'];
  } | null = null;

  function update(data: TaskSpaceData) {
    current = data;
    const train = data.trainAnglesDeg.join(',');
    const same =
      drawnStatic !== null &&
      drawnStatic.family === data.family &&
      drawnStatic.train === train &&
      drawnStatic.frames === data.frames &&
      drawnStatic.evaluation === data.evaluation;
    if (!same) {
      view = fitView(familyBox(data.family, 0.32), { left: 10, top: 10, width: W - 20, height: MAP - 10 });
      drawStatic(data);
      drawnStatic = { family: data.family, train, frames: data.frames, evaluation: data.evaluation };
    }
    drawDynamic(data);
  }

  /** Coverage band, family curve, kernel frames, evaluated goals and the start / training marks. */
  function drawStatic(data: TaskSpaceData) {
    const trainRad = data.trainAnglesDeg.map(rad);

    // Coverage band: 120 short thick arcs, shaded by angular distance to the nearest training goal.
    const n = 120;
    const segs = Array.from({ length: n }, (_, i) => {
      const a0 = (2 * Math.PI * i) / n;
      const a1 = (2 * Math.PI * (i + 1.15)) / n;
      const p0 = view.toPx(...(goalAt(data.family, a0) as [number, number]));
      const pm = view.toPx(...(goalAt(data.family, (a0 + a1) / 2) as [number, number]));
      const p1 = view.toPx(...(goalAt(data.family, a1) as [number, number]));
      const dist = trainRad.length ? (angularDistanceToSet((a0 + a1) / 2, trainRad) * 180) / Math.PI : 180;
      return { d: `M${p0[0]},${p0[1]}Q${pm[0]},${pm[1]} ${p1[0]},${p1[1]}`, dist };
    });
    layers.band
      .selectAll('path')
      .data(segs)
      .join('path')
      .attr('d', (s) => s.d)
      .attr('fill', 'none')
      .attr('stroke-width', 30)
      .attr('stroke', (s) => distanceShade(s.dist));
    layers.curve.attr('d', familyCurvePath(data.family, view));

    // Kernel frames of the base reward (tangent segments), when asked for.
    const frames = data.frames;
    const frameSegs: string[] = [];
    if (frames) {
      const half = 0.07;
      for (let k = 0; k + 1 < frames.anchors.length; k += 2) {
        const [x, y] = [frames.anchors[k], frames.anchors[k + 1]];
        const [tx, ty] = [-frames.normals[k + 1], frames.normals[k]];
        const a = view.toPx(x - half * tx, y - half * ty);
        const b = view.toPx(x + half * tx, y + half * ty);
        frameSegs.push(`M${a[0].toFixed(1)},${a[1].toFixed(1)}L${b[0].toFixed(1)},${b[1].toFixed(1)}`);
      }
    }
    layers.frames
      .selectAll('path')
      .data(frameSegs.length ? [frameSegs.join('')] : [])
      .join('path')
      .attr('d', (d) => d)
      .attr('stroke', COLOURS.frame)
      .attr('stroke-width', 1.1)
      .attr('fill', 'none');

    // Evaluated test goals: inner disc = hereditary score, outer ring = baseline score.
    const evalGoals = data.evaluation ?? [];
    const ring = layers.rings
      .selectAll<SVGGElement, EvaluatedGoal>('g')
      .data(evalGoals)
      .join((enter) => {
        const g = enter.append('g');
        g.append('circle').attr('class', 'outer').attr('r', 6.5).attr('stroke-width', 3);
        g.append('circle').attr('class', 'inner').attr('r', 3.4);
        return g;
      })
      .attr('transform', (e) => {
        const [px, py] = view.toPx(e.goal[0], e.goal[1]);
        return `translate(${px.toFixed(1)},${py.toFixed(1)})`;
      });
    ring
      .select('.outer')
      .attr('fill', '#ffffff')
      .attr('stroke', (e) => (e.baseline === null ? COLOURS.grid : scoreColour(e.baseline)));
    ring
      .select('.inner')
      .attr('fill', (e) => (e.hereditary === null ? COLOURS.grid : scoreColour(e.hereditary)));

    // Start, centre and training goals.
    const marks: { kind: string; x: number; y: number; label: string }[] = [
      { kind: 'start', x: 0, y: 0, label: 'start' },
    ];
    data.trainAnglesDeg.forEach((deg, i) => {
      const [x, y] = goalAt(data.family, rad(deg));
      marks.push({
        kind: i === 0 ? 'base' : 'train',
        x,
        y,
        label: i === 0 ? `base task ${deg}°` : `training task ${deg}°`,
      });
    });
    const mark = layers.marks
      .selectAll<SVGGElement, (typeof marks)[number]>('g')
      .data(marks)
      .join((enter) => {
        const g = enter.append('g');
        g.append('title');
        return g;
      })
      .attr('transform', (m) => {
        const [px, py] = view.toPx(m.x, m.y);
        return `translate(${px.toFixed(1)},${py.toFixed(1)})`;
      })
      .attr('class', (m) =>
        m.kind === 'start' ? 'start' : m.kind === 'base' ? 'train-goal base' : 'train-goal',
      );
    mark.select('title').text((m) => m.label);
    mark.selectAll('rect, circle, text.mark-label').remove();
    mark
      .filter((m) => m.kind === 'start')
      .append('circle')
      .attr('r', 4)
      .attr('fill', COLOURS.muted);
    mark
      .filter((m) => m.kind !== 'start')
      .append('rect')
      .attr('x', -6)
      .attr('y', -6)
      .attr('width', 12)
      .attr('height', 12)
      .attr('transform', 'rotate(45)')
      .attr('fill', (m) => (m.kind === 'base' ? COLOURS.ink : '#ffffff'))
      .attr('stroke', COLOURS.ink)
      .attr('stroke-width', 2);
    mark
      .filter((m) => m.kind === 'start' || m.kind === 'base')
      .append('text')
      .attr('class', 'mark-label')
      .attr('x', 10)
      .attr('y', -9)
      .attr('font-size', 12)
      .attr('fill', COLOURS.muted)
      .attr('stroke', '#fff')
      .attr('stroke-width', 3)
      .attr('paint-order', 'stroke')
      .text((m) => (m.kind === 'start' ? 'start' : 'base task'));
  }

  /** Rollout paths at the test goal and the goal handle: what changes while the goal is dragged. */
  function drawDynamic(data: TaskSpaceData) {
    // Rollout paths at the test goal.
    const pathStyle = {
      random: { stroke: COLOURS.random, width: 1, dash: null, opacity: 0.7 },
      oracle: { stroke: COLOURS.oracle, width: 1.4, dash: '3 3', opacity: 0.6 },
      baseline: { stroke: COLOURS.baseline, width: 2.4, dash: null, opacity: 0.95 },
      hereditary: { stroke: COLOURS.hereditary, width: 2.4, dash: null, opacity: 0.95 },
    } as const;
    const pathList = (['random', 'oracle', 'baseline', 'hereditary'] as const)
      .filter((k) => data.paths[k])
      .map((k) => ({ key: k, d: statePath(data.paths[k] as number[], view) }));
    layers.paths
      .selectAll('path')
      .data(pathList, (p) => (p as { key: string }).key)
      .join('path')
      .attr('data-testid', (p) => `path-${p.key}`)
      .attr('d', (p) => p.d)
      .attr('fill', 'none')
      .attr('stroke-linejoin', 'round')
      .attr('stroke', (p) => pathStyle[p.key].stroke)
      .attr('stroke-width', (p) => pathStyle[p.key].width)
      .attr('stroke-dasharray', (p) => pathStyle[p.key].dash)
      .attr('stroke-opacity', (p) => pathStyle[p.key].opacity);

    // The test goal.
    const goal = goalAt(data.family, rad(data.goalDeg));
    const [gx, gy] = view.toPx(goal[0], goal[1]);
    handle
      .attr('cx', gx)
      .attr('cy', gy)
      .attr('data-angle', data.goalDeg)
      .attr('aria-valuenow', data.goalDeg)
      .attr('aria-valuetext', `${data.goalDeg}°`);
    // No raise(): moving the focused handle in the DOM would drop keyboard focus. Layers keep it on top.
    const [fx, fy] = view.toPx(data.family.center[0], data.family.center[1]);
    const away = Math.hypot(gx - fx, gy - fy) || 1;
    handleLabel
      .attr('stroke', '#fff')
      .attr('stroke-width', 3)
      .attr('paint-order', 'stroke')
      .attr('x', gx + ((gx - fx) / away) * 26)
      .attr('y', gy + ((gy - fy) / away) * 26 + 4)
      .attr('text-anchor', gx >= fx ? 'start' : 'end')
      .text(`test goal ${data.goalDeg}°`);
  }

  return {
    svg: svg.node() as SVGSVGElement,
    update,
    destroy() {
      handle.on('.drag', null).on('keydown', null);
      svg.remove();
    },
  };
}

type G = Selection<SVGGElement, unknown, null, undefined>;

function gradient(
  defs: Selection<SVGDefsElement, unknown, null, undefined>,
  id: string,
  colour: (t: number) => string,
) {
  const g = defs.append('linearGradient').attr('id', id);
  for (let i = 0; i <= 10; i++)
    g.append('stop')
      .attr('offset', `${i * 10}%`)
      .attr('stop-color', colour(i / 10));
}

function drawLegend(g: G, defs: Selection<SVGDefsElement, unknown, null, undefined>) {
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
    b.append('text').attr('x', -6).attr('y', 4).attr('text-anchor', 'end').attr('font-size', 11).text(left);
    b.append('rect')
      .attr('y', -4)
      .attr('width', 56)
      .attr('height', 8)
      .attr('rx', 2)
      .attr('fill', `url(#${id})`);
    b.append('text').attr('x', 62).attr('y', 4).attr('font-size', 11).text(right);
    b.append('text')
      .attr('x', 28)
      .attr('y', 20)
      .attr('text-anchor', 'middle')
      .attr('font-size', 11)
      .text(title);
  };
  bar(318, 'score-gradient', '0', '1', 'score');
  bar(434, 'distance-gradient', '0°', `≥${DISTANCE_FULL}°`, 'distance to training');
}
