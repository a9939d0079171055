// Pure geometry of the task-space view: world ↔ pixel mapping, the family's curve, path strings.
import { goalAt, type TaskFamily } from '../core/families';

export const VIEW_SIZE = 560;
const MARGIN = 24;

export interface ViewTransform {
  /** World half-extent shown around the family's centre. */
  extent: number;
  center: [number, number];
  toPx: (x: number, y: number) => [number, number];
  toWorld: (px: number, py: number) => [number, number];
}

/** A square view around the family, big enough for its curve and the start at the origin. */
export function viewFor(family: TaskFamily): ViewTransform {
  const reach = family.kind === 'circle' ? family.radius : Math.max(family.axes[0], family.axes[1]);
  const c = family.center;
  const extent = Math.min(5, Math.max(1.6, reach * 1.35, Math.abs(c[0]) + 0.4, Math.abs(c[1]) + 0.4));
  const center: [number, number] = [c[0] / 2, c[1] / 2];
  const scale = (VIEW_SIZE / 2 - MARGIN) / (extent + Math.max(Math.abs(c[0]), Math.abs(c[1])) / 2);
  const mid = VIEW_SIZE / 2;
  return {
    extent,
    center,
    // SVG y grows downwards; world y grows upwards.
    toPx: (x, y) => [mid + (x - center[0]) * scale, mid - (y - center[1]) * scale],
    toWorld: (px, py) => [center[0] + (px - mid) / scale, center[1] - (py - mid) / scale],
  };
}

/** The closed curve of goals g(φ) as an SVG path. */
export function familyCurvePath(family: TaskFamily, view: ViewTransform, samples = 180): string {
  const parts: string[] = [];
  for (let i = 0; i <= samples; i++) {
    const [x, y] = goalAt(family, (2 * Math.PI * i) / samples);
    const [px, py] = view.toPx(x, y);
    parts.push(`${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`);
  }
  return parts.join('') + 'Z';
}

/** A recorded path (x0, y0, x1, y1, …) as an SVG polyline path. */
export function statePath(states: readonly number[], view: ViewTransform): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < states.length; i += 2) {
    const [px, py] = view.toPx(states[i], states[i + 1]);
    parts.push(`${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`);
  }
  return parts.join('');
}
