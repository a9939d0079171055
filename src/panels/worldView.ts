// World ↔ pixel mapping with equal aspect (world y up), and path strings for curves and recorded states.
import type { FramePreview } from '../core/pipeline/artifacts';
import type { Vec2 } from '../core/vec';
import type { OrbitChart } from '../state/orbitChart';

export interface WorldView {
  toPx(x: number, y: number): [number, number];
  toWorld(px: number, py: number): [number, number];
  /** Pixels per world unit. */
  scale: number;
}

/** Fit the world box [x0, x1] × [y0, y1] into the pixel box (left, top, width, height), centred. */
export function fitView(
  world: { x0: number; x1: number; y0: number; y1: number },
  px: { left: number; top: number; width: number; height: number },
): WorldView {
  const scale = Math.min(px.width / (world.x1 - world.x0), px.height / (world.y1 - world.y0));
  const cx = (world.x0 + world.x1) / 2;
  const cy = (world.y0 + world.y1) / 2;
  const mx = px.left + px.width / 2;
  const my = px.top + px.height / 2;
  return {
    scale,
    toPx: (x, y) => [mx + (x - cx) * scale, my - (y - cy) * scale],
    toWorld: (x, y) => [cx + (x - mx) / scale, cy - (y - my) / scale],
  };
}

/**
 * The world box a page panel shows: round a closed orbit, the orbit and the start; along a line (which crosses the
 * arena) the whole arena; round the reader's own goals, the goals, the start and at least ±2.5 (not the orbit found
 * for them, which may be far larger: the view does not jump while the reader moves a goal).
 */
export function chartBox(chart: OrbitChart, ownGoals: readonly Vec2[] | null, margin = 0.45) {
  const pts: [number, number][] = [[0, 0]];
  if (ownGoals) pts.push([-2.5 + margin, -2.5 + margin], [2.5 - margin, 2.5 - margin], ...ownGoals.map(xy));
  else pts.push(...chartSamples(chart, chart.periodic ? 72 : 1));
  return squareBox(pts, margin);
}

const xy = (g: Vec2): [number, number] => [g[0], g[1]];

/** n + 1 goals evenly over the chart's range. */
function chartSamples(chart: OrbitChart, n: number): [number, number][] {
  const [lo, hi] = chart.range;
  return Array.from({ length: n + 1 }, (_, i) => chart.goalAt(lo + ((hi - lo) * i) / n) as [number, number]);
}

/** The orbit drawn over the chart's range; closed (Z) when periodic. */
export function chartCurvePath(chart: OrbitChart, view: WorldView, samples = 180): string {
  const d = chartSamples(chart, samples)
    .map(([x, y], i) => pt(view, x, y, i === 0))
    .join('');
  return chart.periodic ? `${d}Z` : d;
}

function squareBox(pts: readonly [number, number][], margin: number) {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs) - margin;
  const x1 = Math.max(...xs) + margin;
  const y0 = Math.min(...ys) - margin;
  const y1 = Math.max(...ys) + margin;
  const half = Math.max(x1 - x0, y1 - y0) / 2;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}

const pt = (v: WorldView, x: number, y: number, first: boolean) => {
  const [px, py] = v.toPx(x, y);
  return `${first ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`;
};

/** A recorded path (x0, y0, x1, y1, …) as a polyline. */
export function statePath(states: readonly number[], view: WorldView): string {
  let d = '';
  for (let i = 0; i + 1 < states.length; i += 2) d += pt(view, states[i], states[i + 1], i === 0);
  return d;
}

/** A list of points as a polyline. */
export function pointsPath(points: readonly (readonly [number, number])[], view: WorldView): string {
  return points.map((p, i) => pt(view, p[0], p[1], i === 0)).join('');
}

/** An SVG `translate(px,py)` (1 decimal) that places a mark at the world point (x, y). */
export function translatePx(view: WorldView, x: number, y: number): string {
  const [px, py] = view.toPx(x, y);
  return `translate(${px.toFixed(1)},${py.toFixed(1)})`;
}

/** Kernel frames as one path: a tangent segment of half-length `half` (world units) at each anchor. */
export function framesPath(frames: FramePreview, view: WorldView, half: number): string {
  const { anchors, normals } = frames;
  let d = '';
  for (let k = 0; k + 1 < anchors.length; k += 2) {
    const tx = -normals[k + 1];
    const ty = normals[k];
    const a = view.toPx(anchors[k] - half * tx, anchors[k + 1] - half * ty);
    const b = view.toPx(anchors[k] + half * tx, anchors[k + 1] + half * ty);
    d += `M${a[0].toFixed(1)},${a[1].toFixed(1)}L${b[0].toFixed(1)},${b[1].toFixed(1)}`;
  }
  return d;
}
