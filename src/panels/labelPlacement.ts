// Where a mark's label goes: outward from the curve's centre, or above/below the mark when that leaves the panel.

export interface LabelSpot {
  /** Left end of the text (use text-anchor start). */
  x: number;
  /** Baseline. */
  y: number;
}

/**
 * A label of `width` px for the mark at `at`, pushed `gap` px outward from `centre` (where the paths are not);
 * when that would cross the panel's left or right edge (marks near 0° and 180°), centred above the mark (below
 * it in the lower half) and slid inside the edges, `pad` px from them.
 */
export function outwardLabel(
  at: readonly [number, number],
  centre: readonly [number, number],
  width: number,
  opts: { gap: number; panelWidth: number; pad?: number; above?: number; below?: number },
): LabelSpot {
  const pad = opts.pad ?? 4;
  const away = Math.hypot(at[0] - centre[0], at[1] - centre[1]) || 1;
  const ux = (at[0] - centre[0]) / away;
  const uy = (at[1] - centre[1]) / away;
  const x = ux >= 0 ? at[0] + ux * opts.gap : at[0] + ux * opts.gap - width;
  if (x >= pad && x + width <= opts.panelWidth - pad) return { x, y: at[1] + uy * opts.gap + 4 };
  const slid = Math.min(Math.max(at[0] - width / 2, pad), opts.panelWidth - pad - width);
  return {
    x: slid,
    y: uy > 0.2 ? at[1] + (opts.below ?? opts.gap + 4) : at[1] - (opts.above ?? opts.gap - 8),
  };
}

/**
 * A text's width in px from its length, on the generous side for the panels' sans-serif (measuring it would force
 * a layout on every drag update).
 */
export const approxTextWidth = (text: string, fontSize: number, bold = false): number =>
  text.length * fontSize * (bold ? 0.64 : 0.58);
