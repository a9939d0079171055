// Edit mode of the task-space panel: training goals that can be added (click), moved (drag, arrows) and removed.
import { drag, type Selection } from 'd3';
import type { ArrowKey } from '../state/trainingEdits';
import { COLOURS } from './palette';
import type { SvgSelection } from './panel';

export interface TrainingEditInput {
  /** True while the reader is editing the training set. */
  editing(): boolean;
  /** The world point under the SVG pixel (x, y), or null before the panel has data. */
  pointAt(x: number, y: number): [number, number] | null;
  /** A click on the surface at the world point (x, y). */
  onAdd(x: number, y: number): void;
  /** A mark dragged to the world point (x, y). */
  onMove(index: number, x: number, y: number): void;
  /** Arrow keys on a focused training goal (Shift: `large`); what a key does depends on the family. */
  onStep(index: number, key: ArrowKey, large: boolean): void;
  onSelect(index: number): void;
  onRemove(index: number): void;
}

const isArrow = (k: string): k is ArrowKey =>
  k === 'ArrowLeft' || k === 'ArrowRight' || k === 'ArrowUp' || k === 'ArrowDown';

/** The datum of one training-goal mark (the start marker shares the layer and has index −1). */
export interface TrainingMark {
  kind: string;
  index: number;
  /** Its parameter on the orbit (degrees or arena units), and as the reader reads it ("40°", "t = 0.30", "(1, 0)"). */
  value: number;
  text: string;
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
    const at = input.pointAt(p.x, p.y);
    if (at !== null) input.onAdd(at[0], at[1]);
  });

  const markDrag = drag<SVGGElement, TrainingMark>()
    .container(svg.node() as SVGSVGElement)
    .filter((event: MouseEvent, m) => input.editing() && m.index >= 0 && !event.button)
    // The pointer itself, not the datum (whose x and y are world units): the goal goes where the pointer is.
    .subject((event: { x: number; y: number }) => ({ x: event.x, y: event.y }))
    .on('start', (_event, m) => input.onSelect(m.index))
    .on('drag', (event: { x: number; y: number }, m) => {
      const at = input.pointAt(event.x, event.y);
      if (at !== null) input.onMove(m.index, at[0], at[1]);
    });

  /** Edit-mode attributes and handlers of the marks; call after each redraw of the marks. */
  function apply(marks: MarkSelection, selected: number | null) {
    const editing = input.editing();
    surface.attr('pointer-events', editing ? 'all' : 'none').style('cursor', () => (editing ? 'copy' : null));
    const goals = marks.filter((m) => m.index >= 0);
    goals
      .attr('data-testid', 'training-task')
      .attr('data-index', (m) => m.index)
      .attr('data-angle', (m) => (m.text.endsWith('°') ? m.value : null))
      .attr('data-param', (m) => +m.value.toFixed(4))
      .attr('data-base', (m) => String(m.index === 0))
      .attr('data-selected', (m) => String(editing && m.index === selected))
      .attr('tabindex', () => (editing ? 0 : null))
      .attr('role', () => (editing ? 'button' : null))
      .attr('aria-pressed', (m) => (editing ? String(m.index === selected) : null))
      .attr('aria-label', (m) =>
        editing
          ? `${m.index === 0 ? 'Base task' : `Training task ${m.index}`} at ${m.text}: arrow keys move it${
              m.index === 0 ? '' : ', Delete removes it'
            }`
          : null,
      )
      .style('cursor', () => (editing ? 'grab' : null))
      .call(markDrag);
    goals.on('keydown', (event: KeyboardEvent, m) => {
      if (!input.editing()) return;
      const k = event.key;
      if (isArrow(k)) {
        event.preventDefault();
        input.onStep(m.index, k, event.shiftKey);
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
