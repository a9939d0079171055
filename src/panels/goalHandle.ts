// The task space's draggable test goal: a focusable slider handle with its label, driven by pointer drag and arrow keys.
import { drag } from 'd3';
import { approxTextWidth, outwardLabel } from './labelPlacement';
import { COLOURS } from './palette';
import { halo, type SvgSelection, setChangedAttrs, setChangedText } from './panel';

export interface GoalHandleInput {
  /** False until the panel has data: drags and keys are ignored until then. */
  active(): boolean;
  /** The handle was dragged to the SVG pixel (x, y). */
  onDrag(x: number, y: number): void;
  /** Arrow keys: move the goal one step forward (+1) or back (−1) along the orbit; `large` with Shift. */
  onStep(direction: 1 | -1, large: boolean): void;
}

export interface GoalHandle {
  /**
   * Put the handle at pixel `at` for the goal at parameter `value` (`text` as the reader reads it), its label pushed
   * away from `centre`. `unit` 'deg' also sets data-angle (circle and ellipse); `range` is the slider's extent.
   */
  place(
    goal: { value: number; text: string; unit: 'deg' | 'arena'; range: [number, number] },
    at: [number, number],
    centre: [number, number],
  ): void;
  /** Remove the drag and key listeners. */
  detach(): void;
}

/** Append the handle and its label to `svg` (on top of what is already drawn) and wire its input. */
export function createGoalHandle(svg: SvgSelection, input: GoalHandleInput): GoalHandle {
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
  const label = svg
    .append('text')
    .attr('font-size', 12)
    .attr('font-weight', 600)
    .attr('aria-hidden', 'true')
    .attr('data-testid', 'goal-label')
    .attr('text-anchor', 'start')
    .call(halo);
  const handleEl = handle.node() as SVGCircleElement;
  const labelEl = label.node() as SVGTextElement;

  handle.call(
    drag<SVGCircleElement, unknown>()
      .container(svg.node() as SVGSVGElement)
      .on('drag', (event: { x: number; y: number }) => {
        if (!input.active()) return;
        input.onDrag(event.x, event.y);
      }),
  );
  handle.on('keydown', (event: KeyboardEvent) => {
    if (!input.active()) return;
    const direction =
      event.key === 'ArrowRight' || event.key === 'ArrowUp'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowDown'
          ? -1
          : 0;
    if (direction === 0) return;
    event.preventDefault();
    input.onStep(direction, event.shiftKey);
  });

  return {
    place(goal, [gx, gy], [fx, fy]) {
      const value = +goal.value.toFixed(4);
      setChangedAttrs(handleEl, {
        cx: gx,
        cy: gy,
        'data-angle': goal.unit === 'deg' ? value : null,
        'data-param': value,
        'aria-label': goal.unit === 'deg' ? 'Test goal angle' : 'Test goal position along the orbit',
        'aria-valuemin': +goal.range[0].toFixed(2),
        'aria-valuemax': +goal.range[1].toFixed(2),
        'aria-valuenow': value,
        'aria-valuetext': goal.text,
      });
      // No raise(): moving the focused handle in the DOM would drop keyboard focus. Layers keep it on top.
      const text = `test goal ${goal.text}`;
      setChangedText(labelEl, text);
      const panelWidth = (svg.node() as SVGSVGElement).viewBox.baseVal.width || Number.POSITIVE_INFINITY;
      const spot = outwardLabel([gx, gy], [fx, fy], approxTextWidth(text, 12, true), {
        gap: 26,
        panelWidth,
        above: 18,
        below: 30,
      });
      setChangedAttrs(labelEl, { x: spot.x.toFixed(1), y: spot.y.toFixed(1) });
    },
    detach() {
      handle.on('.drag', null).on('keydown', null);
    },
  };
}
