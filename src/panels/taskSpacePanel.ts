// Panel 1: the task space — goal curve, coverage of the training set, evaluated test goals, paths, draggable goal.
import { familyCentre } from '../core/families';
import type { FramePreview } from '../core/pipeline/artifacts';
import type { Vec2 } from '../core/vec';
import type { OrbitChart, PageTask } from '../state/orbitChart';
import { createGoalHandle } from './goalHandle';
import { approxTextWidth, outwardLabel } from './labelPlacement';
import { drawTaskSpaceLegend, setDistanceLegendUnit } from './legend';
import { COLOURS, DISTANCE_FULL, distanceShade, scoreColour } from './palette';
import { createSvg, halo, type Panel } from './panel';
import { createTrainingEditing, type TrainingEditInput, type TrainingMark } from './trainingTaskEditing';
import {
  chartBox,
  chartCurvePath,
  fitView,
  framesPath,
  statePath,
  translatePx,
  type WorldView,
} from './worldView';

export interface EvaluatedGoal {
  angleDeg: number;
  goal: [number, number];
  /** Normalised scores; null when that agent was not evaluated. */
  hereditary: number | null;
  baseline: number | null;
}

export interface TaskSpaceData {
  /** The orbit drawn and dragged along, in the reader's units. */
  chart: OrbitChart;
  /** Training goals, base first (empty hides them). */
  tasks: PageTask[];
  /** The reader's own goals (family "points"): the view is framed on them, not on the orbit found for them. */
  ownGoals: Vec2[] | null;
  goal: { point: Vec2; value: number };
  /** Paths at the test goal, and 'learning': the base policy so far at its own task, while it trains. */
  paths: Partial<Record<'oracle' | 'random' | 'hereditary' | 'baseline' | 'learning', number[]>>;
  /** Test goals of the evaluation, when it was run on this family. */
  evaluation: EvaluatedGoal[] | null;
  frames: FramePreview | null;
  /** The edit mode of the training set (absent: off), and the selected training task's index. */
  editing?: boolean;
  selectedTask?: number | null;
}

export interface TaskSpaceOptions {
  /** The goal handle dragged to the world point (x, y) (the host moves the goal to the orbit's nearest point). */
  onGoal(x: number, y: number): void;
  /** Move the goal one step along the orbit from its current value in the store (arrow keys; Shift: `large`). */
  onGoalStep(direction: 1 | -1, large: boolean): void;
  /** Edits of the training set in the edit mode, at world points. */
  edit?: Pick<TrainingEditInput, 'onAdd' | 'onMove' | 'onStep' | 'onSelect' | 'onRemove'>;
}

/** The rollout paths, bottom to top. */
const PATH_KEYS = ['random', 'oracle', 'baseline', 'hereditary', 'learning'] as const;

const W = 560;
const MAP = 540;
const H = MAP + 84;

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

  let current: TaskSpaceData | null = null;
  let view: WorldView = fitView(
    { x0: -1, x1: 1, y0: -1, y1: 1 },
    { left: 10, top: 10, width: MAP, height: MAP },
  );

  const handle = createGoalHandle(svg, {
    active: () => current !== null,
    onDrag(px, py) {
      if (!current) return;
      const [x, y] = view.toWorld(px, py);
      opts.onGoal(x, y);
    },
    onStep: (direction, large) => opts.onGoalStep(direction, large),
  });
  drawTaskSpaceLegend(layers.legend, defs);
  const ignore = () => {};
  const editing = createTrainingEditing(
    svg,
    { width: W, height: H },
    {
      editing: () => current?.editing === true && opts.edit !== undefined,
      pointAt: (px, py) => (current ? view.toWorld(px, py) : null),
      onAdd: opts.edit?.onAdd ?? ignore,
      onMove: opts.edit?.onMove ?? ignore,
      onStep: opts.edit?.onStep ?? ignore,
      onSelect: opts.edit?.onSelect ?? ignore,
      onRemove: opts.edit?.onRemove ?? ignore,
    },
  );

  /** What the static layers were last drawn from: a goal drag redraws only the paths and the handle. */
  let drawnStatic: {
    chart: OrbitChart;
    train: string;
    frames: TaskSpaceData['frames'];
    evaluation: TaskSpaceData['evaluation'];
  } | null = null;
  /** The edit mode and selection the marks' handlers were last set for. */
  let drawnEdit: string | null = null;
  /** The path arrays last drawn, in the view they were drawn in: a goal move alone leaves the paths as they are. */
  let drawnPaths: { view: WorldView; paths: TaskSpaceData['paths'] } | null = null;

  function update(data: TaskSpaceData) {
    current = data;
    const train = data.tasks.map((t) => `${t.point[0]},${t.point[1]}`).join(';');
    const same =
      drawnStatic !== null &&
      drawnStatic.chart === data.chart &&
      drawnStatic.train === train &&
      drawnStatic.frames === data.frames &&
      drawnStatic.evaluation === data.evaluation;
    if (!same) {
      view = fitView(chartBox(data.chart, data.ownGoals, 0.32), {
        left: 10,
        top: 10,
        width: W - 20,
        height: MAP - 10,
      });
      drawStatic(data);
      drawnStatic = { chart: data.chart, train, frames: data.frames, evaluation: data.evaluation };
    }
    drawDynamic(data);
    // The marks' edit-mode handlers change only with the marks, the mode or the selection (not on a goal drag).
    const edit = `${data.editing === true}:${data.selectedTask ?? ''}`;
    if (!same || edit !== drawnEdit) {
      editing.apply(layers.marks.selectAll<SVGGElement, TrainingMark>('g'), data.selectedTask ?? null);
      drawnEdit = edit;
    }
  }

  /** Coverage band, family curve, kernel frames, evaluated goals and the start / training marks. */
  function drawStatic(data: TaskSpaceData) {
    const { chart } = data;
    const values = data.tasks.map((t) => t.value);

    // Coverage band: 120 short thick arcs, shaded by the distance along the orbit to the nearest training goal.
    const n = 120;
    const [lo, hi] = chart.range;
    const width = hi - lo;
    const segs = Array.from({ length: n }, (_, i) => {
      const a0 = lo + (width * i) / n;
      // Periodic segments overlap a little (no hairline gaps); a line's stop at its ends.
      const a1 = chart.periodic ? lo + (width * (i + 1.15)) / n : lo + (width * (i + 1)) / n;
      const p0 = view.toPx(...chart.goalAt(a0));
      const pm = view.toPx(...chart.goalAt((a0 + a1) / 2));
      const p1 = view.toPx(...chart.goalAt(a1));
      // As a share of the chart's darkest distance, on the shade's own scale.
      const share = values.length ? chart.distance((a0 + a1) / 2, values) / chart.full : 1;
      return { d: `M${p0[0]},${p0[1]}Q${pm[0]},${pm[1]} ${p1[0]},${p1[1]}`, dist: share * DISTANCE_FULL };
    });
    layers.band
      .selectAll('path')
      .data(segs)
      .join('path')
      .attr('d', (s) => s.d)
      .attr('fill', 'none')
      .attr('stroke-width', 30)
      .attr('stroke', (s) => distanceShade(s.dist));
    layers.curve.attr('d', chartCurvePath(chart, view));
    setDistanceLegendUnit(layers.legend, chart.unit, chart.full);

    // Kernel frames of the base reward (tangent segments), when asked for.
    const frames = data.frames ? framesPath(data.frames, view, 0.07) : '';
    layers.frames
      .selectAll('path')
      .data(frames ? [frames] : [])
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
      .attr('transform', (e) => translatePx(view, e.goal[0], e.goal[1]));
    ring
      .select('.outer')
      .attr('fill', '#ffffff')
      .attr('stroke', (e) => (e.baseline === null ? COLOURS.grid : scoreColour(e.baseline)));
    ring
      .select('.inner')
      .attr('fill', (e) => (e.hereditary === null ? COLOURS.grid : scoreColour(e.hereditary)));

    // Start, centre and training goals.
    const marks: (TrainingMark & { x: number; y: number; label: string })[] = [
      { kind: 'start', index: -1, value: 0, text: '', x: 0, y: 0, label: 'start' },
    ];
    for (const t of data.tasks) {
      const text = data.ownGoals ? `(${t.point[0]}, ${t.point[1]})` : chart.format(t.value);
      marks.push({
        kind: t.index === 0 ? 'base' : 'train',
        index: t.index,
        value: t.value,
        text,
        x: t.point[0],
        y: t.point[1],
        label: t.index === 0 ? `base task ${text}` : `training task ${text}`,
      });
    }
    const mark = layers.marks
      .selectAll<SVGGElement, (typeof marks)[number]>('g')
      .data(marks)
      .join((enter) => {
        const g = enter.append('g');
        g.append('title');
        return g;
      })
      .attr('transform', (m) => translatePx(view, m.x, m.y))
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
    // Labels sit above the paths (a later layer) with a wide halo; the base task's goes outward, off the paths.
    const centreWorld = chart.periodic ? familyCentre(chart.family) : [0, 0];
    const centre = view.toPx(centreWorld[0], centreWorld[1]);
    const labelAt = (m: (typeof marks)[number], text: string): [number, number] => {
      if (m.kind === 'start') return [10, -9];
      const at = view.toPx(m.x, m.y);
      const spot = outwardLabel(at, centre, approxTextWidth(text, 12), { gap: 18, panelWidth: W });
      return [spot.x - at[0], spot.y - at[1]];
    };
    mark
      .filter((m) => m.kind === 'start' || m.kind === 'base')
      .append('text')
      .attr('class', 'mark-label')
      .attr('data-testid', (m) => `${m.kind}-label`)
      .attr('font-size', 12)
      .attr('fill', COLOURS.muted)
      .call(halo)
      .attr('stroke-width', 4)
      .text((m) => (m.kind === 'start' ? 'start' : 'base task'))
      .attr('x', (m) => labelAt(m, m.kind === 'start' ? 'start' : 'base task')[0].toFixed(1))
      .attr('y', (m) => labelAt(m, m.kind === 'start' ? 'start' : 'base task')[1].toFixed(1));
  }

  /** Rollout paths at the test goal and the goal handle: what changes while the goal is dragged. */
  function drawDynamic(data: TaskSpaceData) {
    if (!samePaths(data.paths)) drawPaths(data.paths);
    placeGoal(data);
  }

  /** Whether these paths (the same arrays) are on screen already, in the current view. */
  function samePaths(paths: TaskSpaceData['paths']): boolean {
    if (!drawnPaths || drawnPaths.view !== view) return false;
    const before = drawnPaths.paths;
    return PATH_KEYS.every((k) => before[k] === paths[k]);
  }

  /** Rollout paths at the test goal (each a new update from the agents worker or the live preview). */
  function drawPaths(paths: TaskSpaceData['paths']) {
    drawnPaths = { view, paths: { ...paths } };
    const pathStyle = {
      random: { stroke: COLOURS.random, width: 1, dash: null, opacity: 0.7 },
      oracle: { stroke: COLOURS.oracle, width: 1.4, dash: '3 3', opacity: 0.6 },
      baseline: { stroke: COLOURS.baseline, width: 2.4, dash: null, opacity: 0.95 },
      hereditary: { stroke: COLOURS.hereditary, width: 2.4, dash: null, opacity: 0.95 },
      learning: { stroke: COLOURS.learning, width: 2.6, dash: '6 3', opacity: 1 },
    } as const;
    const pathList = PATH_KEYS.filter((k) => paths[k]).map((k) => ({
      key: k,
      d: statePath(paths[k] as number[], view),
    }));
    layers.paths
      .selectAll('path')
      .data(pathList, (p) => (p as { key: string }).key)
      .join((enter) =>
        // A path keeps its key, so its style is set once; a drag rewrites only d (each setAttribute costs a
        // style invalidation even when the value is unchanged).
        enter
          .append('path')
          .attr('data-testid', (p) => `path-${p.key}`)
          .attr('fill', 'none')
          .attr('stroke-linejoin', 'round')
          .attr('stroke', (p) => pathStyle[p.key].stroke)
          .attr('stroke-width', (p) => pathStyle[p.key].width)
          .attr('stroke-dasharray', (p) => pathStyle[p.key].dash)
          .attr('stroke-opacity', (p) => pathStyle[p.key].opacity),
      )
      .attr('d', (p) => p.d);
  }

  /** The test goal's handle and label. */
  function placeGoal(data: TaskSpaceData) {
    const { chart, goal } = data;
    const centre = chart.periodic ? familyCentre(chart.family) : [0, 0];
    const text = data.ownGoals ? `(${goal.point[0]}, ${goal.point[1]})` : chart.format(goal.value);
    handle.place(
      { value: goal.value, text, unit: chart.unit, range: chart.range },
      view.toPx(goal.point[0], goal.point[1]),
      view.toPx(centre[0], centre[1]),
    );
  }

  return {
    svg: svg.node() as SVGSVGElement,
    update,
    destroy() {
      handle.detach();
      svg.remove();
    },
  };
}
