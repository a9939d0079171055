// Edit mode of the task-space panel: training goals that can be added (click), moved (drag, arrows) and removed.
import { drag, type Selection } from 'd3';
import { COLOURS } from './palette';
import type { SvgSelection } from './panel';

export interface TrainingEditInput {
  /** True while the reader is editing the training set. */
  editing(): boolean;
  /** The orbit angle (degrees, unwrapped) nearest the SVG pixel (x, y). */
  angleAt(x: number, y: number): number | null;
  onAdd(deg: number): void;
  onMove(index: number, deg: number): void;
  /** Arrow keys on a focused training goal: ±1°, ±10° with Shift. */
  onStep(index: number, deltaDeg: number): void;
  onSelect(index: number): void;
  onRemove(index: number): void;
}

/** The datum of one training-goal mark (the start marker shares the layer and has index −1). */
export interface TrainingMark {
  kind: string;
  index: number;
  deg: number;
}

type MarkSelection = Selection<SVGGElement, TrainingMark, SVGGElement, unknown>;

/**
 * A transparent surface under the marks that adds a goal where it is clicked (only while editing), and the drag
 * and key handlers of the marks. `apply` sets each mark's edit-mode attributes after every redraw.
 */
export function createTrainingEditing(
  svg: SvgSelection,
  surfaceBox: { width: number; height: number },
  input: TrainingEditInput,
) {
  const surface = svg
    .insert('rect', ':first-child')
    .attr('class', 'edit-surface')
    .attr('data-testid', 'edit-surface')
    .attr('width', surfaceBox.width)
    .attr('height', surfaceBox.height)
    .attr('fill', 'transparent')
    .attr('pointer-events', 'none');
  surface.on('click', (event: MouseEvent) => {
    if (!input.editing()) return;
    const node = svg.node() as SVGSVGElement;
    const m = node.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(m.inverse());
    const deg = input.angleAt(p.x, p.y);
    if (deg !== null) input.onAdd(deg);
  });

  const markDrag = drag<SVGGElement, TrainingMark>()
    .container(svg.node() as SVGSVGElement)
    .filter((event: MouseEvent, m) => input.editing() && m.index >= 0 && !event.button)
    // The pointer itself, not the datum (whose x and y are world units): the goal goes where the pointer is.
    .subject((event: { x: number; y: number }) => ({ x: event.x, y: event.y }))
    .on('start', (_event, m) => input.onSelect(m.index))
    .on('drag', (event: { x: number; y: number }, m) => {
      const deg = input.angleAt(event.x, event.y);
      if (deg !== null) input.onMove(m.index, deg);
    });

  /** Edit-mode attributes and handlers of the marks; call after each redraw of the marks. */
  function apply(marks: MarkSelection, selected: number | null) {
    const editing = input.editing();
    surface.attr('pointer-events', editing ? 'all' : 'none').style('cursor', () => (editing ? 'copy' : null));
    const goals = marks.filter((m) => m.index >= 0);
    goals
      .attr('data-testid', 'training-task')
      .attr('data-index', (m) => m.index)
      .attr('data-angle', (m) => m.deg)
      .attr('data-base', (m) => String(m.index === 0))
      .attr('data-selected', (m) => String(editing && m.index === selected))
      .attr('tabindex', () => (editing ? 0 : null))
      .attr('role', () => (editing ? 'button' : null))
      .attr('aria-pressed', (m) => (editing ? String(m.index === selected) : null))
      .attr('aria-label', (m) =>
        editing
          ? `${m.index === 0 ? 'Base task' : `Training task ${m.index}`} at ${m.deg}°: arrow keys move it${
              m.index === 0 ? '' : ', Delete removes it'
            }`
          : null,
      )
      .style('cursor', () => (editing ? 'grab' : null))
      .call(markDrag);
    goals.on('keydown', (event: KeyboardEvent, m) => {
      if (!input.editing()) return;
      const step = event.shiftKey ? 10 : 1;
      const k = event.key;
      if (k === 'ArrowRight' || k === 'ArrowUp' || k === 'ArrowLeft' || k === 'ArrowDown') {
        event.preventDefault();
        input.onStep(m.index, k === 'ArrowRight' || k === 'ArrowUp' ? step : -step);
      } else if (k === 'Delete' || k === 'Backspace') {
        event.preventDefault();
        input.onRemove(m.index);
      } else if (k === 'Enter' || k === ' ') {
        event.preventDefault();
        input.onSelect(m.index);
      }
    });
    goals.on('focus', (_event, m) => {
      if (input.editing()) input.onSelect(m.index);
    });
    goals.on('click', (event: MouseEvent, m) => {
      if (!input.editing()) return;
      event.stopPropagation();
      input.onSelect(m.index);
    });
    // The selection ring.
    goals
      .selectAll('circle.selection')
      .data((m) => (editing && m.index === selected ? [m] : []))
      .join('circle')
      .attr('class', 'selection')
      .attr('r', 13)
      .attr('fill', 'none')
      .attr('stroke', COLOURS.hereditary)
      .attr('stroke-width', 3)
      .attr('pointer-events', 'none');
  }

  return { apply };
}
