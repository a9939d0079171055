// Page-only view preferences (not part of the link): animated path drawing, score vs regret, score overlays.
import { create } from 'zustand';
import { prefersReducedMotion } from '../../panels/panel';
import type { ScoreMode } from '../../panels/scoreCurvePanel';

export interface ViewPrefs {
  animate: boolean;
  scoreMode: ScoreMode;
  /** Overlays on the score figure: the baseline's dense control, the hereditary agent under the other action set. */
  overlays: { control: boolean; otherConstraint: boolean };
  setAnimate(on: boolean): void;
  setScoreMode(mode: ScoreMode): void;
  setOverlay(which: keyof ViewPrefs['overlays'], on: boolean): void;
}

export const useViewPrefs = create<ViewPrefs>((set) => ({
  animate: !prefersReducedMotion(),
  scoreMode: 'score',
  overlays: { control: false, otherConstraint: false },
  setAnimate: (animate) => set({ animate }),
  setScoreMode: (scoreMode) => set({ scoreMode }),
  setOverlay: (which, on) => set((s) => ({ overlays: { ...s.overlays, [which]: on } })),
}));
